// "Let your helpdesk sign in to PinDesk": opens Entra's admin consent page for PinDesk's sign-in
// client, then watches Graph until the organisation-wide grant covers every permission, the time
// limit passes, or the person stops (the setup's consent timing). Graph's answer is the only signal trusted: the page's own
// redirect goes to an address nothing listens on.

import { api, toIpcError, type IpcError } from '../api';
import type { SetupStore } from './setup.svelte';
import type { WatchPhase } from './timing';
import type { SignInConsent } from './types';

export class SignInConsentStore {
  /** The latest answer of a watch; the overview's answer otherwise. */
  status = $state<SignInConsent | null>(null);
  watch = $state<WatchPhase>('idle');
  error = $state<IpcError | null>(null);

  readonly #setup: SetupStore;
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(setup: SetupStore) {
    this.#setup = setup;
  }

  get current(): SignInConsent | null {
    return this.status ?? this.#setup.overview?.signin ?? null;
  }

  async grant(): Promise<void> {
    if (this.watch === 'opening' || this.watch === 'watching') return;
    this.error = null;
    this.watch = 'opening';
    try {
      await api.openSigninConsent();
    } catch (e) {
      this.error = toIpcError(e);
      this.watch = 'idle';
      return;
    }
    this.#startWatching();
  }

  checkAgain(): void {
    if (this.watch === 'opening' || this.watch === 'watching') return;
    this.error = null;
    this.#startWatching();
  }

  stop(): void {
    if (this.watch !== 'watching') return;
    this.#seq += 1;
    clearTimeout(this.#timer);
    this.watch = 'cancelled';
  }

  dispose(): void {
    this.#seq += 1;
    clearTimeout(this.#timer);
    if (this.watch === 'watching' || this.watch === 'opening') this.watch = 'idle';
  }

  #startWatching(): void {
    const seq = ++this.#seq;
    const deadline = Date.now() + this.#setup.timing.consentLimitMs;
    this.watch = 'watching';
    const tick = async (): Promise<void> => {
      if (seq !== this.#seq) return;
      try {
        const status = await api.signinConsentStatus();
        if (seq !== this.#seq) return;
        this.status = status;
        this.error = null;
        if (status.state === 'done') {
          this.watch = 'done';
          await this.#setup.load();
          return;
        }
      } catch (e) {
        if (seq !== this.#seq) return;
        this.error = toIpcError(e);
      }
      if (Date.now() >= deadline) {
        this.watch = 'timedOut';
        return;
      }
      this.#timer = setTimeout(() => void tick(), this.#setup.timing.consentPollMs);
    };
    void tick();
  }
}
