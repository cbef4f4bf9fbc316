// The one error shape that crosses IPC (generated from the Rust side), and how anything a
// command or the bridge throws becomes one.
import type { IpcError } from './generated/types';

export type { IpcError };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;


export const UNEXPECTED_MESSAGE =
  'Something unexpected went wrong. Try again; if it keeps happening, copy the details for your IT team.';

export function isIpcError(value: unknown): value is IpcError {
  return (
    isRecord(value) &&
    typeof value.kind === 'string' &&
    value.kind !== '' &&
    typeof value.message === 'string' &&
    value.message !== '' &&
    (value.detail === undefined || value.detail === null || typeof value.detail === 'string') &&
    (value.retryAfterSeconds === undefined || typeof value.retryAfterSeconds === 'number')
  );
}

/** Turns anything a command or the bridge may throw into an IpcError. */
export function toIpcError(error: unknown): IpcError {
  if (isIpcError(error)) {
    const result: IpcError = { kind: error.kind, message: error.message };
    if (typeof error.detail === 'string' && error.detail !== '') result.detail = error.detail;
    if (typeof error.retryAfterSeconds === 'number') result.retryAfterSeconds = error.retryAfterSeconds;
    return result;
  }
  return { kind: 'internal', message: UNEXPECTED_MESSAGE, detail: describe(error) };
}

function describe(error: unknown): string {
  if (isRecord(error) && !(error instanceof Error)) {
    try {
      return JSON.stringify(error);
    } catch {
      // fall through to String()
    }
  }
  return String(error);
}
