// What a reset does on the device in front of the helpdesk, from the eligibility rule that
// allowed it: the confirmation, the button and the result each say it in these words.

import type { DeviceSummary, Effect } from '../api';

/** A resettable device's effect; a Windows 10 Mobile phone from an older answer gets a new one. */
export function effectOf(device: DeviceSummary): Effect {
  return device.eligibility.effect ?? 'newPasscode';
}
