// What the window currently has to tell the person: one error (shown in the alert region)
// and one calm status line. Shared by the other stores so there is one place to look.

import { toIpcError, type IpcError } from './api';

export class Feedback {
  error = $state<IpcError | null>(null);
  notice = $state('');

  fail(error: unknown): void {
    this.error = toIpcError(error);
    this.notice = '';
  }

  say(notice: string): void {
    this.notice = notice;
  }

  clear(): void {
    this.error = null;
    this.notice = '';
  }
}
