// Step 2's last part: how the profile deploys, read while the Policy view is open.

import { api, toIpcError, type IpcError } from '../api';
import type { Deployment } from './types';

export class DeploymentWatch {
  status = $state<Deployment | null>(null);
  error = $state<IpcError | null>(null);
  refreshing = $state(false);

  readonly #profileId: () => string | null;
  readonly #pollMs: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(profileId: () => string | null, pollMs: number) {
    this.#profileId = profileId;
    this.#pollMs = pollMs;
  }

  async refresh(): Promise<void> {
    const profile = this.#profileId();
    if (!profile || this.refreshing) return;
    this.refreshing = true;
    try {
      this.status = await api.deploymentStatus(profile);
      this.error = null;
    } catch (e) {
      this.error = toIpcError(e);
    }
    this.refreshing = false;
  }

  /** While the Policy view is open. */
  follow(): void {
    this.stop();
    void this.refresh();
    this.#timer = setInterval(() => void this.refresh(), this.#pollMs);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  reset(): void {
    this.stop();
    this.status = null;
  }
}
