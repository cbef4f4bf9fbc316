// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { groups, lastSeen, spellOut } from '../src/lib/reset/format';

describe('reading the passcode aloud', () => {
  it('groups in threes and spells digits and letters as words', () => {
    expect(groups('58392047')).toEqual(['583', '920', '47']);
    expect(spellOut('583920')).toBe('five eight three — nine two zero');
    expect(spellOut('K7a')).toBe('capital K as in Kilo seven small a as in Alfa');
  });

  it('says when a device last checked in, plainly', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(lastSeen(null, now)).toBe('Never checked in');
    expect(lastSeen('not a date', now)).toBe('Never checked in');
    expect(lastSeen('2026-11-22T12:00:00Z', now)).toMatch(/3 days ago/);
    expect(lastSeen('2025-01-05T12:00:00Z', now)).toMatch(/2025/);
  });
});

describe('how often a reset is checked', () => {
  it('closely at first, then every second, then every five seconds, and slower after a failure', async () => {
    const { pollDelay } = await import('../src/lib/reset/poll-schedule');
    expect(pollDelay(0, 50, false)).toBe(50);
    expect(pollDelay(5_999, 50, false)).toBe(50);
    expect(pollDelay(6_000, 50, false)).toBe(1000);
    expect(pollDelay(29_999, 50, false)).toBe(1000);
    expect(pollDelay(30_000, 50, false)).toBe(5000);
    expect(pollDelay(0, 50, true)).toBe(1000);
    expect(pollDelay(40_000, 50, true)).toBe(5000);
  });
});
