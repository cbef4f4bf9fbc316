// Plain platform names for the helpdesk ("Windows 11", "iPhone, iOS 18") instead of Intune's
// raw operating system and build ("Windows 10.0.22631.4460"); the full version stays in a title.

import type { DeviceSummary } from '../api';

const major = (version: string | null) => version?.split('.')[0] ?? '';

/** Windows phones report the same "Windows" and 10.0 builds as PCs: the model tells them apart. */
const WINDOWS_PHONE = /lumia|elite x3|phone/i;

export function platformName(device: Pick<DeviceSummary, 'os' | 'osVersion' | 'model'>): string {
  const os = device.os ?? '';
  const version = device.osVersion ?? '';
  const model = device.model ?? '';
  if (/^windows/i.test(os)) {
    const [first, second, build] = version.split('.').map(Number);
    if (first === 6 && second === 3) return 'Windows 8.1';
    if (first !== 10) return [os, version].filter(Boolean).join(' ');
    if (WINDOWS_PHONE.test(model)) return 'Windows 10 Mobile';
    return build >= 22000 ? 'Windows 11' : 'Windows 10';
  }
  if (/^ios|^ipados/i.test(os)) {
    return /ipad/i.test(model) ? `iPad, iPadOS ${major(version)}` : `iPhone, iOS ${major(version)}`;
  }
  if (/^android/i.test(os)) return `Android ${major(version)}`.trim();
  if (/^macos/i.test(os)) return `Mac, macOS ${major(version)}`;
  return [os, version].filter(Boolean).join(' ');
}
