import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusWatch, type ReadOutcome } from '../src/lib/reset/status-watch';

afterEach(() => vi.useRealTimers());

/** Starts a watch whose reads answer `outcomes` in turn; returns when each read was made. */
function watching(outcomes: ReadOutcome[], maxFailures = 5, now = false) {
  vi.useFakeTimers({ now: 0 });
  const reads: number[] = [];
  const state = { gaveUp: false };
  const watch = new StatusWatch(1, maxFailures);
  watch.start(
    now,
    async () => {
      reads.push(Date.now());
      return outcomes[reads.length - 1] ?? 'going';
    },
    () => (state.gaveUp = true),
  );
  return { reads, state, watch };
}

describe('following a reset', () => {
  it('reads one at a time on the schedule and stops at a final answer', async () => {
    const { reads } = watching(['going', 'going', 'going', 'going', 'final']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads).toEqual([1_000, 2_000, 3_500, 5_500, 7_500]);
  });

  it('reads at once when the person asks to check again', async () => {
    const { reads } = watching(['final'], 5, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toEqual([0]);
  });

  it('backs off after failed reads and gives up after too many in a row', async () => {
    const { reads, state } = watching(['failed', 'failed', 'failed'], 3);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(reads).toEqual([1_000, 6_000, 16_000]);
    expect(state.gaveUp).toBe(true);
  });

  it('sends nothing more once stopped', async () => {
    const { reads, watch } = watching([]);
    await vi.advanceTimersByTimeAsync(1_500);
    watch.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reads).toEqual([1_000]);
  });
});
