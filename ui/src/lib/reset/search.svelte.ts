// Search as you type: a burst of keys is merged, a key after a pause asks at once; older answers
// are dropped when they arrive late; paged on request.
// The Reset view's store builds on it; `queryChanged` lets it close the open device.

import { api, toIpcError, type DeviceSummary, type IpcError } from '../api';

export const MIN_QUERY = 2;

export class DeviceSearch {
  query = $state('');
  results = $state<DeviceSummary[] | null>(null);
  /** Where the next page of results is, when there are more. */
  more = $state<string | null>(null);
  loadingMore = $state(false);
  searching = $state(false);
  searchError = $state<IpcError | null>(null);
  /** The result the arrow keys are on (-1: none); Enter opens it. */
  active = $state(-1);
  /** Called when a search finds exactly one device whose name or serial number is the text
   * typed: the view opens it at once. */
  onExactMatch: ((device: DeviceSummary) => void) | null = null;

  readonly #debounceMs: number;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #searchSeq = 0;
  #lastKeyAt = Number.NEGATIVE_INFINITY;

  constructor(debounceMs: number) {
    this.#debounceMs = debounceMs;
  }

  /** Whether typing may start a new search now. */
  protected mayChangeQuery(): boolean {
    return true;
  }

  /** Called on every keystroke before the search is scheduled. */
  protected queryChanged(): void {}

  /** Stops a scheduled search and drops answers still on their way. */
  protected stopSearching(): void {
    clearTimeout(this.#searchTimer);
    this.#searchSeq += 1;
  }

  get tooShort(): boolean {
    return this.query.trim().length < MIN_QUERY;
  }

  /** Every keystroke asks again. Keys closer together than the debounce (a paste, a burst, a
   * scanner) wait for the burst to end; a key after a pause, which is how people type, asks at
   * once: the wait would cost the person time without saving Graph a request. Answers to older
   * queries are dropped when they arrive. */
  setQuery(query: string): void {
    if (!this.mayChangeQuery()) return;
    this.query = query;
    const now = performance.now();
    const inBurst = now - this.#lastKeyAt < this.#debounceMs;
    this.#lastKeyAt = now;
    this.queryChanged();
    clearTimeout(this.#searchTimer);
    this.#searchSeq += 1;
    this.searching = false;
    this.searchError = null;
    this.active = -1;
    if (this.tooShort) {
      this.results = null;
      this.more = null;
      return;
    }
    this.#searchTimer = setTimeout(() => void this.#search(), inBurst ? this.#debounceMs : 0);
  }

  async #search(): Promise<void> {
    const seq = ++this.#searchSeq;
    const query = this.query.trim();
    this.searching = true;
    try {
      const found = await api.searchDevices(query);
      if (seq !== this.#searchSeq) return;
      this.results = found.devices;
      this.more = found.more;
      this.searching = false;
      const exact = exactMatch(query, found.devices);
      if (exact) this.onExactMatch?.(exact);
      return;
    } catch (e) {
      if (seq !== this.#searchSeq) return;
      this.results = null;
      this.more = null;
      this.searchError = toIpcError(e);
    }
    this.searching = false;
  }

  /** The next page of the same search, added below the results already shown. */
  async showMore(): Promise<void> {
    const more = this.more;
    if (!more || this.loadingMore || !this.results) return;
    const seq = this.#searchSeq;
    this.loadingMore = true;
    try {
      const page = await api.moreDevices(this.query.trim(), more);
      if (seq !== this.#searchSeq) return;
      const known = new Set(this.results.map((d) => d.id));
      this.results = [...this.results, ...page.devices.filter((d) => !known.has(d.id))];
      this.more = page.more;
    } catch (e) {
      if (seq !== this.#searchSeq) return;
      this.searchError = toIpcError(e);
    } finally {
      if (seq === this.#searchSeq) this.loadingMore = false;
    }
  }
}

/** The one device whose name or serial number is `query` (any case), when it is the only
 * result: typing it out means "this one". */
export function exactMatch(query: string, devices: DeviceSummary[]): DeviceSummary | null {
  if (devices.length !== 1) return null;
  const [device] = devices;
  const text = query.trim().toLowerCase();
  const same = (value: string | null | undefined) => (value ?? '').toLowerCase() === text;
  return same(device.name) || same(device.serial) ? device : null;
}
