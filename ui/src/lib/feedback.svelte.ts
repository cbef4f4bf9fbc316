// What the window currently has to tell the person: one error (shown in the alert region)
// and one calm status line. Shared by the other stores so there is one place to look.
// The status line is kept by key and worded when read, so it follows a change of language.

import { toIpcError, type IpcError } from './api';
import { say, type Key, type Params, type Phrase } from './i18n';

export class Feedback {
  error = $state<IpcError | null>(null);
  #notice = $state<Phrase | null>(null);

  /** The status line in the language chosen now; '' when there is none. */
  get notice(): string {
    return say(this.#notice);
  }

  fail(error: unknown): void {
    this.error = toIpcError(error);
    this.#notice = null;
  }

  say(key: Key, params?: Params): void {
    this.#notice = { key, params };
  }

  clear(): void {
    this.error = null;
    this.#notice = null;
  }
}
