// Step 2's assigning flow: the group picker, the chosen target, and one assignment that keeps
// every existing one.

import { api, toIpcError, type IpcError } from '../api';
import { t, type Key } from '../i18n';
import { GroupSearch } from './group-search.svelte';
import type { AssignmentView, GroupChoice, NewTarget } from './types';

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

/** What assigning needs from the setup: the profile, what is assigned now, and a fresh read. */
export interface AssignedProfile {
  readonly profileId: string | null;
  readonly assignments: AssignmentView[];
  load(): Promise<unknown>;
}

export class Assigning {
  readonly search: GroupSearch;
  chosen = $state<Chosen | null>(null);
  busy = $state(false);
  error = $state<IpcError | null>(null);
  notice = $state<AssignNotice | null>(null);

  readonly #profile: AssignedProfile;

  constructor(profile: AssignedProfile, debounceMs: number) {
    this.#profile = profile;
    this.search = new GroupSearch(debounceMs);
  }

  chooseGroup(group: GroupChoice): void {
    this.#choose({ target: { kind: 'group', groupId: group.id }, name: group.name, broad: false });
  }

  chooseAll(kind: 'allDevices' | 'allUsers'): void {
    this.#choose({ target: { kind }, name: null, broad: true });
  }

  #choose(chosen: Chosen): void {
    this.chosen = chosen;
    this.notice = null;
    this.error = null;
  }

  /** Adds the chosen target; every existing assignment is kept. */
  async assign(): Promise<void> {
    const profile = this.#profile.profileId;
    const chosen = this.chosen;
    if (!profile || !chosen || this.busy) return;
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      const assigned = this.#profile.assignments;
      // A target without a key cannot match: the set then counts as changed, which is safe.
      const shown = assigned.map((a) => a.key ?? '');
      const after = await api.assignPolicy(profile, chosen.target, shown);
      this.notice = { key: after.length > assigned.length ? 'assign.done' : 'assign.already', chosen };
      this.chosen = null;
    } catch (e) {
      this.error = toIpcError(e);
    }
    await this.#profile.load();
    this.busy = false;
  }

  dispose(): void {
    this.search.dispose();
  }

  reset(): void {
    this.chosen = null;
    this.search.setQuery('');
  }
}
