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
  it('waits a second, then reads every 1 to 2 s while a person waits, slower after minutes', async () => {
    const { plannedReads, nextPlanned } = await import('../src/lib/reset/poll-schedule.js');
    expect(plannedReads(3_000, 150)).toEqual([1_000, 2_000, 3_500]);
    expect(nextPlanned(60_000)).toBe(62_000);
    expect(nextPlanned(300_000)).toBe(305_000);
    expect(nextPlanned(3_600_000)).toBe(3_630_000);
  });

  it('costs at most 20 reads and 2.5 s when the device reports after 35 s, 150 ms away', async () => {
    const { plannedReads, nextPlanned } = await import('../src/lib/reset/poll-schedule.js');
    const reads = plannedReads(35_000, 150);
    expect(reads.length).toBeLessThanOrEqual(20);
    // Reported just after a read saw the tenant: the next read sees it one gap later.
    for (let at = 3_500; at < 120_000; at = nextPlanned(at)) {
      expect(nextPlanned(at) - at + 150 + 150).toBeLessThanOrEqual(2_500);
    }
  });

  it('backs off after failed reads, whatever the plan, up to a minute', async () => {
    const { waitBeforeRead } = await import('../src/lib/reset/poll-schedule.js');
    expect(waitBeforeRead(5_500, 5_000, 0)).toBe(500);
    expect(waitBeforeRead(5_500, 6_000, 0)).toBe(0);
    expect(waitBeforeRead(5_500, 5_000, 1)).toBe(5_000);
    expect(waitBeforeRead(5_500, 5_000, 3)).toBe(20_000);
    expect(waitBeforeRead(5_500, 5_000, 9)).toBe(60_000);
  });
});
