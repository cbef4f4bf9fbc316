// The group picker's search as you type: asks after a pause in typing, and drops answers to
// older text when they arrive after newer ones.

import { api, toIpcError, type IpcError } from '../api';
import type { GroupChoice } from './types';

export class GroupSearch {
  query = $state('');
  groups = $state<GroupChoice[] | null>(null);
  searching = $state(false);
  error = $state<IpcError | null>(null);

  readonly #debounceMs: number;
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(debounceMs: number) {
    this.#debounceMs = debounceMs;
  }

  /** Every keystroke. */
  setQuery(text: string): void {
    this.query = text;
    clearTimeout(this.#timer);
    this.#seq += 1;
    this.error = null;
    this.searching = false;
    if (text.trim() === '') {
      this.groups = null;
      return;
    }
    this.#timer = setTimeout(() => void this.#run(), this.#debounceMs);
  }

  async #run(): Promise<void> {
    const seq = ++this.#seq;
    this.searching = true;
    try {
      const found = await api.searchGroups(this.query.trim());
      if (seq !== this.#seq) return;
      this.groups = found;
    } catch (e) {
      if (seq !== this.#seq) return;
      this.groups = null;
      this.error = toIpcError(e);
    }
    this.searching = false;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#seq += 1;
  }
}
