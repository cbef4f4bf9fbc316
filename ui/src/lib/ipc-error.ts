// The one error shape that crosses IPC (generated from the Rust side), and how anything a
// command or the bridge throws becomes one. Its words come from the catalogue by `kind`.
import { FAILURE_KINDS } from './generated/keys';
import type { FailureKind, IpcError } from './generated/types';

export type { IpcError };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const isFailureKind = (v: unknown): v is FailureKind =>
  typeof v === 'string' && (FAILURE_KINDS as readonly string[]).includes(v);

export function isIpcError(value: unknown): value is IpcError {
  return (
    isRecord(value) &&
    isFailureKind(value.kind) &&
    (value.detail === undefined || value.detail === null || typeof value.detail === 'string') &&
    (value.retryAfterSeconds === undefined || typeof value.retryAfterSeconds === 'number')
  );
}

/** Turns anything a command or the bridge may throw into an IpcError; what is not one (a
 * bridge failure, a kind this window has no words for) reads as unexpected, with what was
 * thrown in the details. */
export function toIpcError(error: unknown): IpcError {
  if (isIpcError(error)) {
    const result: IpcError = { kind: error.kind };
    if (typeof error.detail === 'string' && error.detail !== '') result.detail = error.detail;
    if (typeof error.retryAfterSeconds === 'number') result.retryAfterSeconds = error.retryAfterSeconds;
    return result;
  }
  return { kind: 'internal', detail: describe(error) };
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
