// How often the window asks how a reset is going. Checks follow each other closely while the
// reset may finish quickly, then come every second, and after half a minute every five seconds:
// a phone that takes minutes costs few requests. After a failed check there is a pause, so a
// struggling network or a throttled service gets a moment.

const FAST_FOR_MS = 6000;
const STEADY_UNTIL_MS = 30_000;

export function pollDelay(elapsedMs: number, fastGapMs: number, failed: boolean): number {
  const gap = elapsedMs < FAST_FOR_MS ? fastGapMs : elapsedMs < STEADY_UNTIL_MS ? 1000 : 5000;
  return failed ? Math.max(gap, fastGapMs * 20) : gap;
}
