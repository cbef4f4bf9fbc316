// Search results by person: one person's several devices sit together under their name and
// sign-in address, so two people with the same name never look alike.

import type { DeviceSummary } from '../api';

export interface PersonGroup {
  /** The sign-in address (or the name, or the device for a device with no person). */
  key: string;
  user: string | null;
  signIn: string | null;
  /** Each device with its place in the flat result list (what the arrow keys walk). */
  devices: { device: DeviceSummary; index: number }[];
}

/** Groups in the order their first device came; devices keep the order within a group, and the
 * flat order is the groups' order, so the arrow keys go down the screen. */
export function groupByPerson(devices: DeviceSummary[]): PersonGroup[] {
  const groups: PersonGroup[] = [];
  const byKey = new Map<string, PersonGroup>();
  for (const device of devices) {
    const person = device.signIn ?? device.user;
    const key = person ? `person:${person.toLowerCase()}` : `device:${device.id}`;
    let group = byKey.get(key);
    if (!group) {
      group = { key, user: device.user, signIn: device.signIn ?? null, devices: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.devices.push({ device, index: 0 });
  }
  let index = 0;
  for (const group of groups) for (const entry of group.devices) entry.index = index++;
  return groups;
}
