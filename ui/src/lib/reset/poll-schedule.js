// When the window reads how a reset is going: the one place that decides it. Plain JavaScript
// (typed with JSDoc) so the benchmark and the end-to-end test import the very same schedule.
//
// Why this shape. Intune does not push a reset's result to PinDesk: the device is told through
// its platform's push channel, checks in, picks the action up and later reports the new passcode,
// which Graph then shows in the device's deviceActionResults. That takes seconds when the device
// is on and online, minutes when it is asleep, and until its next scheduled check-in (hours) when
// it is off. PinDesk cannot know which, so it reads at a steady pace where a person waits
// actively and slows down where they no longer do:
// - Nothing in the first second: the device cannot have picked the action up yet.
// - Then gaps of 1, 1.5 and 2 seconds, and every 2 seconds until two minutes have passed: the
//   passcode is painted at most one gap plus one round trip (about 2.2 s at 150 ms latency)
//   after Intune first reports it, and a device that answers after 35 s costs 19 reads. The gap
//   is the gap between the starts of two reads, and a read is never sent before the one before
//   it answered, so a slow network or a Retry-After the core waits out (it honours every one in
//   full before it retries) never piles reads up.
// - After two minutes every 5 s, after ten minutes every 30 s: such a device is asleep or off,
//   and a few seconds more on a wait of minutes do not matter to the person.
// What it costs the service: one person waiting sends 30 reads a minute at most; Intune allows
// 2,000 requests per 20 s per app per tenant for managed devices (4,000 for all apps), so even
// twenty people waiting at once use a tenth of PinDesk's share.
// After a failed read (the core gave up only after its own retries and any Retry-After), the
// next waits 5 s, then 10, 20, 40, at most 60 s, whatever the schedule says.

/** The gap between the planned starts of two reads, by when the earlier one is planned (ms
 * after watching started): each entry holds from `fromMs` until the next entry's. */
export const POLL_GAPS = Object.freeze([
  { fromMs: 0, gapMs: 1_000 },
  { fromMs: 2_000, gapMs: 1_500 },
  { fromMs: 3_500, gapMs: 2_000 },
  { fromMs: 120_000, gapMs: 5_000 },
  { fromMs: 600_000, gapMs: 30_000 },
]);

/** The first read after a failed one waits this long; each further failure doubles it. */
export const FAILURE_BACKOFF_MS = 5_000;
export const MAX_FAILURE_BACKOFF_MS = 60_000;

/**
 * When the read after the one planned at `plannedMs` is planned (ms after watching started).
 * @param {number} plannedMs
 * @returns {number}
 */
export function nextPlanned(plannedMs) {
  let gapMs = POLL_GAPS[0].gapMs;
  for (const step of POLL_GAPS) if (plannedMs >= step.fromMs) gapMs = step.gapMs;
  return plannedMs + gapMs;
}

/**
 * The planned start of the first read: `immediately` when the person asked to check again.
 * @param {boolean} immediately
 * @returns {number}
 */
export function firstPlanned(immediately) {
  return immediately ? 0 : nextPlanned(0);
}

/**
 * How long to wait before the next read, given when it is planned, the time since watching
 * started, and how many reads in a row failed (the back-off wins over the plan).
 * @param {number} plannedMs
 * @param {number} elapsedMs
 * @param {number} failures
 * @returns {number}
 */
export function waitBeforeRead(plannedMs, elapsedMs, failures) {
  const planned = Math.max(0, plannedMs - elapsedMs);
  if (failures <= 0) return planned;
  const backoff = Math.min(FAILURE_BACKOFF_MS * 2 ** (failures - 1), MAX_FAILURE_BACKOFF_MS);
  return Math.max(planned, backoff);
}

/**
 * The planned starts of the reads needed until one sees a result that Intune first reports
 * `reportedAtMs` after watching started, each read seeing the tenant `latencyMs` after it was
 * sent (no failures). The benchmark prints it, the end-to-end test expects its length.
 * @param {number} reportedAtMs
 * @param {number} [latencyMs]
 * @returns {number[]}
 */
export function plannedReads(reportedAtMs, latencyMs = 0) {
  const reads = [];
  for (let at = firstPlanned(false); ; at = nextPlanned(at)) {
    reads.push(at);
    if (at + latencyMs >= reportedAtMs) return reads;
  }
}

/** The schedule in words, for the benchmark's output. */
export function describeSchedule() {
  const steps = POLL_GAPS.map(({ fromMs, gapMs }) => `${gapMs / 1000} s from ${fromMs / 1000} s`);
  return `first read ${firstPlanned(false) / 1000} s after the reset went out; gaps ${steps.join(', ')}`;
}
