// Coming back to a device: a reset sent in the last seven days (from here or elsewhere) is read
// from Intune again, since the app keeps no passcode of its own.

import { api, type ResetStatus } from '../api';
import { t } from '../i18n';
import { reason } from '../i18n/rust';
import { dateTime } from './format';

/** A passcode is valid for seven days after the reset started. */
const PASSCODE_DAYS = 7;

export type Earlier =
  | { kind: 'nothing' }
  /** A passcode Intune still has; `since` reads it again (for copy). */
  | { kind: 'passcode'; since: string; status: ResetStatus }
  /** A reset still under way: follow it from `since`. */
  | { kind: 'running'; since: string }
  /** A reset that ended without a passcode; `earlierNote` says it in a sentence. */
  | { kind: 'note'; status: ResetStatus };

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
  return { kind: 'note', status };
}

/** An earlier reset that gave no passcode, in a sentence in the language chosen now. */
export function earlierNote(status: ResetStatus): string {
  const when = status.startedAt
    ? t('notice.earlierOn', { date: dateTime(status.startedAt) })
    : t('notice.earlierRecently');
  return `${when} ${reason(status) ?? t('notice.earlierWhy')}`;
}
