// Runs the status reads of one reset on the schedule in poll-schedule.js: one read at a time,
// the next planned from the schedule (or the back-off after a failed read), and nothing more
// once stopped. The reset store says what a read does with its answer.

import { firstPlanned, nextPlanned, waitBeforeRead } from './poll-schedule.js';

/** What one read found: the reset is over, it goes on, or the read failed. */
export type ReadOutcome = 'final' | 'going' | 'failed';

export class StatusWatch {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;
  #started = 0;
  /** When the next read is planned, in the schedule's ms after watching started. */
  #planned = 0;
  #failures = 0;

  /** `scale` stretches the schedule: 1 in the window, smaller in its own tests. */
  constructor(
    private readonly scale: number,
    private readonly maxFailures: number,
  ) {}

  /**
   * Starts watching (after stopping any earlier watch): `read` runs on the schedule, the first
   * time at once when `now`; `current()` tells it whether its answer still matters. `gaveUp`
   * runs after `maxFailures` failed reads in a row.
   */
  start(now: boolean, read: (current: () => boolean) => Promise<ReadOutcome>, gaveUp: () => void): void {
    this.stop();
    const seq = this.#seq;
    const current = () => seq === this.#seq;
    this.#started = Date.now();
    this.#failures = 0;
    this.#planned = firstPlanned(now);
    const step = async () => {
      const outcome = await read(current);
      if (!current() || outcome === 'final') return;
      this.#failures = outcome === 'failed' ? this.#failures + 1 : 0;
      if (this.#failures >= this.maxFailures) {
        gaveUp();
        return;
      }
      this.#planned = nextPlanned(this.#planned);
      this.#next(step);
    };
    this.#next(step);
  }

  #next(step: () => Promise<void>): void {
    const elapsed = (Date.now() - this.#started) / this.scale;
    const delay = waitBeforeRead(this.#planned, elapsed, this.#failures) * this.scale;
    this.#timer = setTimeout(() => void step(), delay);
  }

  stop(): void {
    this.#seq += 1;
    clearTimeout(this.#timer);
  }
}
