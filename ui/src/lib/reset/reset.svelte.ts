// The Reset view's state: search as you type, the chosen device, one reset, its progress, and
// the passcode. The view's one instance is dispose()d on close: timers stop, the passcode goes.

import { api, toIpcError, type DeviceSummary, type IpcError, type ResetState, type ResetStatus } from '../api';
import { say, type Phrase } from '../i18n';
import { earlierNote, readEarlier } from './earlier';
import { DeviceSearch } from './search.svelte';
import { PasscodeTimers, type ForgetReason } from './passcode-timers';
import { StatusWatch, type ReadOutcome } from './status-watch';

export interface Timing {
  debounceMs: number;
  /** Scales the status reads' schedule (poll-schedule.js); 1 but in the window's own tests. */
  pollScale: number;
  idleMs: number;
  /** How long the window may be hidden (minimised, screen locked) before the passcode goes. */
  hiddenMs: number;
}

// A short pause still merges a burst of keystrokes (and stale answers are dropped anyway), while
// the person sees results about as soon as Intune can give them.
export const TIMING: Timing = {
  debounceMs: 50,
  pollScale: 1,
  idleMs: 10 * 60 * 1000,
  hiddenMs: 60 * 1000,
};

const FORGOTTEN: Record<ForgetReason, Phrase> = {
  idle: { key: 'notice.forgottenIdle' },
  hidden: { key: 'notice.forgottenHidden' },
};
/** Consecutive failed status checks before watching stops by itself. */
const MAX_POLL_ERRORS = 5;

/** idle: nothing sent; sending: start_reset is running; watching: following the reset;
 * stopped: the person stopped watching (the reset still goes on); finished: a final answer. */
export type ResetPhase = 'idle' | 'sending' | 'watching' | 'stopped' | 'finished';

// `unknown`: Intune reported a state no one can act on by waiting; the person checks the device.
const FINAL = new Set<ResetState>(['done', 'failed', 'notSupported', 'canceled', 'unknown']);

export class ResetStore extends DeviceSearch {
  selected = $state<DeviceSummary | null>(null);
  ticket = $state('');
  confirming = $state(false);

  phase = $state<ResetPhase>('idle');
  /** When the reset was started, as the Rust side recorded it: the key for status and copy. */
  since = $state<string | null>(null);
  /** The last status, always without the passcode (that lives in `passcode` only). */
  status = $state<ResetStatus | null>(null);
  passcode = $state<string | null>(null);
  error = $state<IpcError | null>(null);
  /** True when the status shown is an earlier reset read back from Intune, not one sent now. */
  earlier = $state(false);
  /** What the person is told, kept by key so it follows a change of language. */
  #notices = $state<Phrase[]>([]);
  /** An earlier reset of the device that did not give a passcode. */
  #earlierFailed = $state<ResetStatus | null>(null);

  get notice(): string {
    return this.#notices.map(say).join(' ');
  }

  /** A sentence about an earlier reset of the device that did not give a passcode. */
  get earlierNote(): string {
    return this.#earlierFailed ? earlierNote(this.#earlierFailed) : '';
  }

  readonly #timing: Timing;
  readonly #watcher: StatusWatch;
  readonly #timers: PasscodeTimers;
  #selectSeq = 0;
  #disposed = false;

  constructor(timing: Partial<Timing> = {}) {
    const full = { ...TIMING, ...timing };
    super(full.debounceMs);
    this.#timing = full;
    this.#watcher = new StatusWatch(full.pollScale, MAX_POLL_ERRORS);
    this.#timers = new PasscodeTimers(this.#timing.idleMs, this.#timing.hiddenMs, (why) => {
      if (this.passcode === null) return;
      this.#forgetPasscode();
      this.#notices = [FORGOTTEN[why]];
    });
  }

  protected override mayChangeQuery(): boolean {
    return this.phase !== 'sending';
  }

  protected override queryChanged(): void {
    this.closeDevice();
  }

  select(device: DeviceSummary): void {
    if (this.phase === 'sending') return;
    this.closeDevice();
    this.selected = device;
    if (device.eligibility.verdict === 'resettable') void this.#readEarlier(device);
  }

  async #readEarlier(device: DeviceSummary): Promise<void> {
    const seq = ++this.#selectSeq;
    const earlier = await readEarlier(device.id);
    const moved = this.phase !== 'idle' || this.confirming; // what they confirm is what happens
    if (seq !== this.#selectSeq || this.selected?.id !== device.id || moved) return;
    if (earlier.kind === 'passcode') {
      this.earlier = true;
      this.since = earlier.since;
      this.status = { ...earlier.status, passcode: null };
      this.passcode = earlier.status.passcode;
      this.phase = 'finished';
      this.touch();
    } else if (earlier.kind === 'running') {
      this.earlier = true;
      this.since = earlier.since;
      this.#watch();
    } else if (earlier.kind === 'note') {
      this.#earlierFailed = earlier.status;
    }
  }

  /** After an earlier reset was read back: send a new one instead. */
  resetAgain(): void {
    if (!this.earlier || this.phase !== 'finished') return;
    this.#forgetPasscode();
    this.earlier = false;
    this.since = null;
    this.status = null;
    this.phase = 'idle';
    this.askToConfirm();
  }

  /** Leaves the device: stops watching and forgets the passcode. */
  closeDevice(): void {
    if (this.phase === 'sending') return;
    this.#stopPolling();
    this.#forgetPasscode();
    this.#selectSeq += 1;
    this.selected = null;
    this.earlier = false;
    this.#earlierFailed = null;
    this.ticket = '';
    this.confirming = false;
    this.phase = 'idle';
    this.since = null;
    this.status = null;
    this.error = null;
    this.#notices = [];
  }

  get canReset(): boolean {
    return this.selected?.eligibility.verdict === 'resettable' && this.phase === 'idle';
  }

  askToConfirm(): void {
    if (this.canReset) this.confirming = true;
  }

  decline(): void {
    if (this.phase !== 'sending') this.confirming = false;
  }

  /** Yes in the confirmation: sends exactly one reset. Further calls while it runs, or after
   * it was sent, do nothing. */
  async confirm(): Promise<void> {
    const device = this.selected;
    if (!device || !this.confirming || !this.canReset) return;
    this.phase = 'sending';
    this.error = null;
    const ticket = this.ticket.trim();
    try {
      const started = await api.startReset(device.id, ticket === '' ? null : ticket, device.name);
      if (this.#disposed) return;
      this.since = started.startedAt;
      this.confirming = false;
      this.#earlierFailed = null;
      const notes: Phrase[] = [];
      if (started.alreadyRunning) notes.push({ key: 'notice.alreadyRunning' });
      if (started.auditWarning) notes.push({ key: 'notice.auditWarning' });
      this.#notices = notes;
      this.#watch();
    } catch (e) {
      if (this.#disposed) return;
      this.error = toIpcError(e);
      this.confirming = false;
      this.phase = 'idle';
    }
  }

  /** Only stops following the reset; it carries on in Intune. */
  stopWatching(): void {
    if (this.phase !== 'watching') return;
    this.#stopPolling();
    this.phase = 'stopped';
  }

  /** Starts following a reset that was already sent again (reads only, sends nothing). */
  checkAgain(): void {
    if (this.phase === 'stopped' && this.since) this.#watch(true);
  }

  /** Follows the reset on the schedule in poll-schedule.js; `now` when the person asked. */
  #watch(now = false): void {
    this.phase = 'watching';
    this.#watcher.start(now, (current) => this.#read(current), () => (this.phase = 'stopped'));
  }

  async #read(current: () => boolean): Promise<ReadOutcome> {
    const device = this.selected;
    const since = this.since;
    if (!device || !since) return 'final';
    try {
      const status = await api.resetStatus(device.id, since);
      if (!current()) return 'final';
      this.error = null;
      this.status = { ...status, passcode: null };
      if (!FINAL.has(status.state)) return 'going';
      this.phase = 'finished';
      if (status.state === 'done' && status.passcode) {
        this.passcode = status.passcode;
        this.touch();
      }
      return 'final';
    } catch (e) {
      if (current()) this.error = toIpcError(e);
      return 'failed';
    }
  }

  #stopPolling(): void {
    this.#watcher.stop();
  }

  async copy(): Promise<void> {
    const device = this.selected;
    if (!device || !this.since || !this.passcode) return;
    this.touch();
    try {
      const copied = await api.copyPasscode(device.id, this.since);
      this.#notices = [{ key: 'notice.copied', params: { seconds: copied.clearAfterSeconds } }];
    } catch (e) {
      this.error = toIpcError(e);
    }
  }

  async openAdminCenter(): Promise<void> {
    const device = this.selected;
    if (!device) return;
    try {
      await api.openAdminCenter(device.id);
    } catch (e) {
      this.error = toIpcError(e);
    }
  }

  /** The person did something: the passcode stays for another idle period. */
  touch(): void {
    if (this.passcode !== null) this.#timers.active();
  }

  /** The window was minimised or the screen locked: the passcode goes if it stays hidden. */
  hidden(): void {
    if (this.passcode !== null) this.#timers.hidden();
  }

  visible(): void {
    this.#timers.visible();
  }

  #forgetPasscode(): void {
    this.#timers.stop();
    this.passcode = null;
  }

  /** The view closes: stop every timer and forget the passcode. */
  dispose(): void {
    this.#disposed = true;
    this.stopSearching();
    this.#stopPolling();
    this.#forgetPasscode();
    this.selected = null;
  }
}
