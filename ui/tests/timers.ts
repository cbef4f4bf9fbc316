// Time in the window's unit tests, without waiting on the wall clock. The stores wait with
// setTimeout/setInterval (search debounce, status reads, consent checks, passcode timers) and
// read Date.now()/performance.now(); a test that slept for them would be slow, and flaky on a
// busy machine. Instead a test either puts those waits on a fake clock that it moves by hand,
// or waits for the answers already on their way (the fake backend answers through promises).
import { vi } from 'vitest';
import { setImmediate } from 'node:timers';
import userEvent from '@testing-library/user-event';

/** What the stores time with. Microtasks stay real (promise answers arrive in them and Svelte
 * updates the page in them), and so does setImmediate, which flushPromises uses. */
const FAKED = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] as const;

/**
 * Puts the test on a fake clock that moves only through passTime, and returns a user-event
 * whose pauses between keys and clicks move that clock (by 0 ms: typing is one burst). Undo it
 * with `afterEach(() => vi.useRealTimers())`.
 *
 * Testing Library's waitFor and findBy* give up on a timer of their own, which the fake clock
 * holds: on the fake clock, move time with passTime and then query with getBy* or queryBy*.
 */
export function useFakeClock() {
  vi.useFakeTimers({ toFake: [...FAKED] });
  return userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
}

/**
 * On the fake clock: lets `ms` pass. Every timer that falls due runs, and after each (and
 * before the first) the promise callbacks that follow from it run too, so the page shows
 * their outcome when this resolves. `passTime(0)` runs what is due now and settles answers.
 */
export async function passTime(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

/**
 * Runs every promise callback queued so far and every one those queue in turn (including
 * Svelte's updates of the page), without any time passing on any clock. For checks that
 * something does NOT happen once an answer arrives: the answer has then been handled.
 * Answers that wait on a timer need passTime instead.
 */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
