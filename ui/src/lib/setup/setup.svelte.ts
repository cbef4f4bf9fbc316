// The administrator's setup, as the window sees it: the overview of where the tenant stands,
// watching for consent, creating or reusing the policy, the group picker, assigning, and the
// deployment status. App owns one instance; the Consent and Policy views read and call it.
// Every action reads the overview again afterwards, so the window always shows the tenant, never
// what it assumes happened.

import { api, toIpcError, type IpcError } from '../api';
import { t, type Key, type Phrase } from '../i18n';
import { GroupSearch } from './group-search.svelte';
import type {
  AssignmentView,
  ConsentLinks,
  ConsentStatus,
  Deployment,
  GroupChoice,
  NewTarget,
  SetupOverview,
} from './types';
import { SETUP_TIMING, type SetupTiming, type WatchPhase } from './timing';


/** What the administrator chose to add: a group by its name, or everyone (worded when shown). */
export interface Chosen {
  target: NewTarget;
  name: string | null;
  broad: boolean;
}

/** The chosen target's name in the person's language. */
export function chosenLabel(chosen: Chosen): string {
  if (chosen.name !== null) return chosen.name;
  return t(chosen.target.kind === 'allUsers' ? 'picker.allUsers' : 'picker.allDevices');
}

/** What assigning did, kept by key and target so it follows a change of language. */
export interface AssignNotice {
  key: Key;
  chosen: Chosen;
}

export class SetupStore {
  overview = $state<SetupOverview | null>(null);
  loading = $state(false);
  error = $state<IpcError | null>(null);

  links = $state<ConsentLinks | null>(null);
  watch = $state<WatchPhase>('idle');
  consent = $state<ConsentStatus | null>(null);
  checks = $state(0);
  secondsLeft = $state(0);
  consentError = $state<IpcError | null>(null);
  /** The person said they already accepted ("check now"): an app still absent then means the
   * consent went elsewhere, and the window says so. */
  saidAccepted = $state(false);

  policyBusy = $state(false);
  policyError = $state<IpcError | null>(null);
  policyNotice = $state<Phrase | null>(null);

  readonly search: GroupSearch;
  chosen = $state<Chosen | null>(null);
  assigning = $state(false);
  assignError = $state<IpcError | null>(null);
  assignNotice = $state<AssignNotice | null>(null);

  deployment = $state<Deployment | null>(null);
  deploymentError = $state<IpcError | null>(null);
  refreshing = $state(false);

  readonly #timing: SetupTiming;
  #loadSeq = 0;
  #watchTimer: ReturnType<typeof setTimeout> | undefined;
  #watchSeq = 0;
  #deploymentTimer: ReturnType<typeof setInterval> | undefined;

  constructor(timing: Partial<SetupTiming> = {}) {
    this.#timing = { ...SETUP_TIMING, ...timing };
    this.search = new GroupSearch(this.#timing.debounceMs);
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
      if (this.watch !== 'watching') this.consent = null;
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
    this.links = null;
    this.watch = 'idle';
    this.consent = null;
    this.deployment = null;
    this.chosen = null;
    this.search.setQuery('');
  }

  async loadLinks(): Promise<void> {
    if (this.links) return;
    try {
      this.links = await api.consentLinks();
    } catch (e) {
      this.consentError = toIpcError(e);
    }
  }

  /** Opens both consent pages (service, then client) and watches Graph until both apps are
   * there and enabled, the time limit passes, or the person cancels. */
  async openConsent(): Promise<void> {
    if (this.watch === 'opening' || this.watch === 'watching') return;
    this.consentError = null;
    this.saidAccepted = false;
    this.watch = 'opening';
    try {
      await api.openConsentPages();
    } catch (e) {
      this.consentError = toIpcError(e);
      this.watch = 'idle';
      return;
    }
    this.#startWatching();
  }

  /** Watches without opening the pages again (the person consented elsewhere). */
  checkAgain(): void {
    if (this.watch === 'opening' || this.watch === 'watching') return;
    this.consentError = null;
    this.saidAccepted = true;
    this.#startWatching();
  }

  cancelWatch(): void {
    if (this.watch !== 'watching') return;
    this.#watchSeq += 1;
    clearTimeout(this.#watchTimer);
    this.watch = 'cancelled';
  }

  #startWatching(): void {
    const seq = ++this.#watchSeq;
    const deadline = Date.now() + this.#timing.consentLimitMs;
    this.watch = 'watching';
    this.checks = 0;
    const tick = async (): Promise<void> => {
      if (seq !== this.#watchSeq) return;
      this.secondsLeft = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      try {
        const status = await api.consentStatus();
        if (seq !== this.#watchSeq) return;
        this.consent = status;
        this.checks += 1;
        this.consentError = null;
        if (status.done) {
          this.watch = 'done';
          await this.load();
          return;
        }
      } catch (e) {
        if (seq !== this.#watchSeq) return;
        this.consentError = toIpcError(e);
      }
      if (Date.now() >= deadline) {
        this.watch = 'timedOut';
        return;
      }
      this.#watchTimer = setTimeout(() => void tick(), this.#timing.consentPollMs);
    };
    void tick();
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

  chooseGroup(group: GroupChoice): void {
    this.chosen = { target: { kind: 'group', groupId: group.id }, name: group.name, broad: false };
    this.assignNotice = null;
    this.assignError = null;
  }

  chooseAll(kind: 'allDevices' | 'allUsers'): void {
    this.chosen = { target: { kind }, name: null, broad: true };
    this.assignNotice = null;
    this.assignError = null;
  }

  /** Adds the chosen target; every existing assignment is kept. */
  async assign(): Promise<void> {
    const profile = this.profileId;
    const chosen = this.chosen;
    if (!profile || !chosen || this.assigning) return;
    this.assigning = true;
    this.assignError = null;
    this.assignNotice = null;
    try {
      const before = this.assignments.length;
      // A target without a key cannot match: the set then counts as changed, which is safe.
      const shown = this.assignments.map((a) => a.key ?? '');
      const after = await api.assignPolicy(profile, chosen.target, shown);
      this.assignNotice = { key: after.length > before ? 'assign.done' : 'assign.already', chosen };
      this.chosen = null;
    } catch (e) {
      this.assignError = toIpcError(e);
    }
    await this.load();
    this.assigning = false;
  }

  async refreshDeployment(): Promise<void> {
    const profile = this.profileId;
    if (!profile || this.refreshing) return;
    this.refreshing = true;
    try {
      this.deployment = await api.deploymentStatus(profile);
      this.deploymentError = null;
    } catch (e) {
      this.deploymentError = toIpcError(e);
    }
    this.refreshing = false;
  }

  /** While the Policy view is open. */
  followDeployment(): void {
    this.stopFollowing();
    void this.refreshDeployment();
    this.#deploymentTimer = setInterval(
      () => void this.refreshDeployment(),
      this.#timing.deploymentPollMs,
    );
  }

  stopFollowing(): void {
    clearInterval(this.#deploymentTimer);
    this.#deploymentTimer = undefined;
  }

  dispose(): void {
    this.stopFollowing();
    this.search.dispose();
    clearTimeout(this.#watchTimer);
    this.#watchSeq += 1;
    if (this.watch === 'watching' || this.watch === 'opening') this.watch = 'idle';
  }
}
