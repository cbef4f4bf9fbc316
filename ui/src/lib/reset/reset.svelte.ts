// The Reset view's state: search as you type, the chosen device, one reset, watching its
// progress, and the passcode. The view owns one instance and calls dispose() when it closes,
// which stops every timer and forgets the passcode.

import { api, toIpcError, type DeviceSummary, type IpcError, type ResetStatus } from '../api';

export interface Timing {
  debounceMs: number;
  pollMs: number;
  idleMs: number;
}

export const TIMING: Timing = { debounceMs: 300, pollMs: 2000, idleMs: 10 * 60 * 1000 };
export const MIN_QUERY = 2;
/** Consecutive failed status checks before watching stops by itself. */
const MAX_POLL_ERRORS = 5;

/** idle: nothing sent; sending: start_reset is running; watching: following the reset;
 * stopped: the person stopped watching (the reset still goes on); finished: a final answer. */
export type ResetPhase = 'idle' | 'sending' | 'watching' | 'stopped' | 'finished';

const FINAL = new Set(['done', 'failed', 'notSupported', 'canceled']);

export class ResetStore {
  query = $state('');
  results = $state<DeviceSummary[] | null>(null);
  searching = $state(false);
  searchError = $state<IpcError | null>(null);

  selected = $state<DeviceSummary | null>(null);
  ticket = $state('');
  confirming = $state(false);

  phase = $state<ResetPhase>('idle');
  /** When the reset was started, as the Rust side recorded it: the key for status and copy. */
  since = $state<string | null>(null);
  /** The last status, always without the passcode (that lives in `passcode` only). */
  status = $state<ResetStatus | null>(null);
  passcode = $state<string | null>(null);
  error = $state<IpcError | null>(null);
  notice = $state('');

  readonly #timing: Timing;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #searchSeq = 0;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;
  #watchSeq = 0;
  #pollErrors = 0;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;

  constructor(timing: Partial<Timing> = {}) {
    this.#timing = { ...TIMING, ...timing };
  }

  get tooShort(): boolean {
    return this.query.trim().length < MIN_QUERY;
  }

  /** Every keystroke: a new search closes the device, forgets any passcode and, after a
   * pause, asks again. Answers to older queries are dropped when they arrive. */
  setQuery(query: string): void {
    if (this.phase === 'sending') return;
    this.query = query;
    this.closeDevice();
    clearTimeout(this.#searchTimer);
    this.#searchSeq += 1;
    this.searching = false;
    this.searchError = null;
    if (this.tooShort) {
      this.results = null;
      return;
    }
    this.#searchTimer = setTimeout(() => void this.#search(), this.#timing.debounceMs);
  }

  async #search(): Promise<void> {
    const seq = ++this.#searchSeq;
    const query = this.query.trim();
    this.searching = true;
    try {
      const found = await api.searchDevices(query);
      if (seq !== this.#searchSeq) return;
      this.results = found;
    } catch (e) {
      if (seq !== this.#searchSeq) return;
      this.results = null;
      this.searchError = toIpcError(e);
    }
    this.searching = false;
  }

  select(device: DeviceSummary): void {
    if (this.phase === 'sending') return;
    this.closeDevice();
    this.selected = device;
  }

  /** Leaves the device: stops watching and forgets the passcode. */
  closeDevice(): void {
    if (this.phase === 'sending') return;
    this.#stopPolling();
    this.#forgetPasscode();
    this.selected = null;
    this.ticket = '';
    this.confirming = false;
    this.phase = 'idle';
    this.since = null;
    this.status = null;
    this.error = null;
    this.notice = '';
  }

  get canReset(): boolean {
    return this.selected?.eligibility.verdict === 'resettable' && this.phase === 'idle';
  }

  askToConfirm(): void {
    if (this.canReset) this.confirming = true;
  }

  decline(): void {
    if (this.phase !== 'sending') this.confirming = false;
  }

  /** Yes in the confirmation: sends exactly one reset. Further calls while it runs, or after
   * it was sent, do nothing. */
  async confirm(): Promise<void> {
    const device = this.selected;
    if (!device || !this.confirming || !this.canReset) return;
    this.phase = 'sending';
    this.error = null;
    const ticket = this.ticket.trim();
    try {
      const started = await api.startReset(device.id, ticket === '' ? null : ticket);
      if (this.#disposed) return;
      this.since = started.startedAt;
      this.confirming = false;
      this.#watch();
    } catch (e) {
      if (this.#disposed) return;
      this.error = toIpcError(e);
      this.confirming = false;
      this.phase = 'idle';
    }
  }

  /** Only stops following the reset; it carries on in Intune. */
  stopWatching(): void {
    if (this.phase !== 'watching') return;
    this.#stopPolling();
    this.phase = 'stopped';
  }

  /** Starts following a reset that was already sent again (reads only, sends nothing). */
  checkAgain(): void {
    if (this.phase === 'stopped' && this.since) this.#watch();
  }

  #watch(): void {
    this.#stopPolling();
    this.phase = 'watching';
    this.#pollErrors = 0;
    const seq = this.#watchSeq;
    void this.#poll(seq);
  }

  async #poll(seq: number): Promise<void> {
    const device = this.selected;
    const since = this.since;
    if (!device || !since || seq !== this.#watchSeq) return;
    try {
      const status = await api.resetStatus(device.id, since);
      if (seq !== this.#watchSeq) return;
      this.#pollErrors = 0;
      this.error = null;
      this.status = { ...status, passcode: null };
      if (FINAL.has(status.state)) {
        this.phase = 'finished';
        if (status.state === 'done' && status.passcode) {
          this.passcode = status.passcode;
          this.touch();
        }
        return;
      }
    } catch (e) {
      if (seq !== this.#watchSeq) return;
      this.error = toIpcError(e);
      if (++this.#pollErrors >= MAX_POLL_ERRORS) {
        this.phase = 'stopped';
        return;
      }
    }
    this.#pollTimer = setTimeout(() => void this.#poll(seq), this.#timing.pollMs);
  }

  #stopPolling(): void {
    this.#watchSeq += 1;
    clearTimeout(this.#pollTimer);
  }

  async copy(): Promise<void> {
    const device = this.selected;
    if (!device || !this.since || !this.passcode) return;
    this.touch();
    try {
      await api.copyPasscode(device.id, this.since);
      this.notice = 'Copied — the clipboard is cleared in 60 seconds';
    } catch (e) {
      this.error = toIpcError(e);
    }
  }

  async openAdminCenter(): Promise<void> {
    const device = this.selected;
    if (!device) return;
    try {
      await api.openAdminCenter(device.id);
    } catch (e) {
      this.error = toIpcError(e);
    }
  }

  /** The person did something: the passcode stays for another idle period. */
  touch(): void {
    clearTimeout(this.#idleTimer);
    if (this.passcode === null) return;
    this.#idleTimer = setTimeout(() => {
      this.#forgetPasscode();
      this.notice =
        'The passcode was removed from the screen after 10 minutes without activity. To see it again, open the device in the Intune admin center.';
    }, this.#timing.idleMs);
  }

  #forgetPasscode(): void {
    clearTimeout(this.#idleTimer);
    this.passcode = null;
  }

  /** The view closes: stop every timer and forget the passcode. */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#searchTimer);
    this.#searchSeq += 1;
    this.#stopPolling();
    this.#forgetPasscode();
    this.selected = null;
  }
}
