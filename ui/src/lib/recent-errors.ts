// The last errors any command answered with, kept in memory for "Copy diagnostics" so support
// sees what the person saw, with its request ids. IpcErrors never hold a secret.

import type { IpcError } from './ipc-error';

const KEEP = 10;

interface Seen extends IpcError {
  at: string;
  command: string;
}

const seen: Seen[] = [];

export function recordError(command: string, error: IpcError): void {
  seen.push({ ...error, command, at: new Date().toISOString() });
  if (seen.length > KEEP) seen.splice(0, seen.length - KEEP);
}

/** The errors as lines for a ticket, oldest first. */
export function recentErrorLines(): string[] {
  if (seen.length === 0) return ['(none)'];
  return seen.map(
    (e) => `${e.at} ${e.command}: ${e.kind}${e.detail ? ` [${e.detail}]` : ''}`,
  );
}

export function forgetErrors(): void {
  seen.length = 0;
}
