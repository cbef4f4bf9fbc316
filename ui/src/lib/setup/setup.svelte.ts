// The administrator's setup, as the window sees it: the overview of where the tenant stands and
// one store per flow on top of it (consent, the policy, assigning, deployment). App owns one
// instance; the Consent and Policy views read and call it. Every action reads the overview again
// afterwards, so the window always shows the tenant, never what it assumes happened.

import { api, toIpcError, type IpcError } from '../api';
import type { Phrase } from '../i18n';
import { Assigning } from './assigning.svelte';
import { ConsentWatch } from './consent-watch.svelte';
import { DeploymentWatch } from './deployment-watch.svelte';
import type { AssignmentView, SetupOverview } from './types';
import { SETUP_TIMING, type SetupTiming } from './timing';

export { chosenLabel, type AssignNotice, type Chosen } from './assigning.svelte';

export class SetupStore {
  overview = $state<SetupOverview | null>(null);
  loading = $state(false);
  error = $state<IpcError | null>(null);

  readonly consentWatch: ConsentWatch;

  policyBusy = $state(false);
  policyError = $state<IpcError | null>(null);
  policyNotice = $state<Phrase | null>(null);

  readonly assigning: Assigning;
  readonly deployment: DeploymentWatch;

  readonly #timing: SetupTiming;
  #loadSeq = 0;

  constructor(timing: Partial<SetupTiming> = {}) {
    this.#timing = { ...SETUP_TIMING, ...timing };
    this.consentWatch = new ConsentWatch(this.#timing, () => this.load());
    this.assigning = new Assigning(this, this.#timing.debounceMs);
    this.deployment = new DeploymentWatch(() => this.profileId, this.#timing.deploymentPollMs);
  }

  /** How long and how often the setup watches for consent (the sign-in line uses it too). */
  get timing(): SetupTiming {
    return this.#timing;
  }

  get profileId(): string | null {
    return this.overview?.policy.profile?.id ?? null;
  }

  get assignments(): AssignmentView[] {
    return this.overview?.assignment.assignments ?? [];
  }

  /** Reads where the tenant stands. Answers to older reads are dropped. */
  async load(): Promise<SetupOverview | null> {
    const seq = ++this.#loadSeq;
    this.loading = true;
    try {
      const overview = await api.setupOverview();
      if (seq !== this.#loadSeq) return this.overview;
      this.overview = overview;
      this.error = null;
      // The overview is the fresher answer now, unless a consent watch is still under way.
      if (this.consentWatch.phase !== 'watching') this.consentWatch.status = null;
    } catch (e) {
      if (seq !== this.#loadSeq) return this.overview;
      this.error = toIpcError(e);
    } finally {
      if (seq === this.#loadSeq) this.loading = false;
    }
    return this.overview;
  }

  /** Forgets everything, e.g. after sign-out. */
  reset(): void {
    this.dispose();
    this.#loadSeq += 1;
    this.overview = null;
    this.error = null;
    this.consentWatch.reset();
    this.deployment.reset();
    this.assigning.reset();
  }

  /** Reuses the profile that already turns PIN recovery on, or creates it once. */
  async ensurePolicy(): Promise<void> {
    if (this.policyBusy) return;
    this.policyBusy = true;
    this.policyError = null;
    this.policyNotice = null;
    try {
      const choice = await api.ensurePolicy();
      const params = { name: choice.profile.name };
      this.policyNotice = { key: choice.created ? 'policy.created' : 'policy.reused', params };
    } catch (e) {
      this.policyError = toIpcError(e);
    }
    await this.load();
    this.policyBusy = false;
  }

  dispose(): void {
    this.deployment.stop();
    this.assigning.dispose();
    this.consentWatch.dispose();
  }
}
