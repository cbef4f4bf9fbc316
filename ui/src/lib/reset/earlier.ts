// Coming back to a device: a reset sent in the last seven days (from here or elsewhere) is read
// from Intune again, since the app keeps no passcode of its own.

import { api, type ResetStatus } from '../api';
import { dateTime } from './format';

/** A passcode is valid for seven days after the reset started. */
const PASSCODE_DAYS = 7;

export type Earlier =
  | { kind: 'nothing' }
  /** A passcode Intune still has; `since` reads it again (for copy). */
  | { kind: 'passcode'; since: string; status: ResetStatus }
  /** A reset still under way: follow it from `since`. */
  | { kind: 'running'; since: string }
  /** A reset that ended without a passcode, in a sentence. */
  | { kind: 'note'; text: string };

export async function readEarlier(deviceId: string, now = Date.now()): Promise<Earlier> {
  const since = new Date(now - PASSCODE_DAYS * 24 * 3600 * 1000).toISOString();
  let status: ResetStatus;
  try {
    status = await api.resetStatus(deviceId, since);
  } catch {
    return { kind: 'nothing' }; // Only a convenience: errors show when the person resets.
  }
  if (status.state === 'done' && status.passcode) return { kind: 'passcode', since, status };
  if (status.state === 'pending' || status.state === 'active') return { kind: 'running', since };
  if (status.state === 'none') return { kind: 'nothing' };
  const when = status.startedAt ? `on ${dateTime(status.startedAt)}` : 'recently';
  const why = status.reason ?? 'the device did not apply it.';
  return { kind: 'note', text: `A reset sent ${when} did not give a new passcode. ${why}` };
}
