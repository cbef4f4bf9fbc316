// Step 1's flow: open the two consent pages and watch Graph until both PIN reset apps are there
// and enabled, the time limit passes, or the person cancels.

import { api, toIpcError, type IpcError } from '../api';
import type { ConsentLinks, ConsentStatus } from './types';
import type { SetupTiming, WatchPhase } from './timing';

export class ConsentWatch {
  links = $state<ConsentLinks | null>(null);
  phase = $state<WatchPhase>('idle');
  status = $state<ConsentStatus | null>(null);
  checks = $state(0);
  secondsLeft = $state(0);
  error = $state<IpcError | null>(null);
  /** The person said they already accepted ("check now"): an app still absent then means the
   * consent went elsewhere, and the window says so. */
  saidAccepted = $state(false);

  readonly #timing: SetupTiming;
  /** Reads the whole overview again once consent is there. */
  readonly #done: () => Promise<unknown>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;

  constructor(timing: SetupTiming, done: () => Promise<unknown>) {
    this.#timing = timing;
    this.#done = done;
  }

  get busy(): boolean {
    return this.phase === 'opening' || this.phase === 'watching';
  }

  async loadLinks(): Promise<void> {
    if (this.links) return;
    try {
      this.links = await api.consentLinks();
    } catch (e) {
      this.error = toIpcError(e);
    }
  }

  /** Opens both consent pages (service, then client) and watches. */
  async open(): Promise<void> {
    if (this.busy) return;
    this.error = null;
    this.saidAccepted = false;
    this.phase = 'opening';
    try {
      await api.openConsentPages();
    } catch (e) {
      this.error = toIpcError(e);
      this.phase = 'idle';
      return;
    }
    this.#watch();
  }

  /** Watches without opening the pages again (the person consented elsewhere). */
  checkAgain(): void {
    if (this.busy) return;
    this.error = null;
    this.saidAccepted = true;
    this.#watch();
  }

  cancel(): void {
    if (this.phase !== 'watching') return;
    this.#seq += 1;
    clearTimeout(this.#timer);
    this.phase = 'cancelled';
  }

  #watch(): void {
    const seq = ++this.#seq;
    const deadline = Date.now() + this.#timing.consentLimitMs;
    this.phase = 'watching';
    this.checks = 0;
    const tick = async (): Promise<void> => {
      if (seq !== this.#seq) return;
      this.secondsLeft = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      try {
        const status = await api.consentStatus();
        if (seq !== this.#seq) return;
        this.status = status;
        this.checks += 1;
        this.error = null;
        if (status.done) {
          this.phase = 'done';
          await this.#done();
          return;
        }
      } catch (e) {
        if (seq !== this.#seq) return;
        this.error = toIpcError(e);
      }
      if (Date.now() >= deadline) {
        this.phase = 'timedOut';
        return;
      }
      this.#timer = setTimeout(() => void tick(), this.#timing.consentPollMs);
    };
    void tick();
  }

  /** Stops watching (the view closed, or the person signed out). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#seq += 1;
    if (this.busy) this.phase = 'idle';
  }

  /** Forgets everything, e.g. after sign-out. */
  reset(): void {
    this.dispose();
    this.links = null;
    this.phase = 'idle';
    this.status = null;
  }
}
