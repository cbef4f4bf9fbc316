// Facts about the app itself: version, demo mode, which organisation it points at.

import { api, type AppInfo } from './api';
import type { Feedback } from './feedback.svelte';

export class AppState {
  info = $state<AppInfo | null>(null);
  switching = $state(false);

  readonly #feedback: Feedback;

  constructor(feedback: Feedback) {
    this.#feedback = feedback;
  }

  get version(): string | null {
    return this.info?.version ?? null;
  }

  get demo(): boolean {
    return this.info?.demo ?? false;
  }

  async load(): Promise<void> {
    try {
      this.info = await api.appInfo();
    } catch (error) {
      this.#feedback.fail(error);
    }
  }

  /** Starts the built-in demo tenant and points the app at it. True when it worked. */
  async useDemoTenant(): Promise<boolean> {
    if (this.switching) return false;
    this.switching = true;
    this.#feedback.clear();
    try {
      this.info = await api.useDemoTenant();
      this.#feedback.say('Practice mode is on. Sign in to try PinDesk with the demo organisation.');
      return true;
    } catch (error) {
      this.#feedback.fail(error);
      return false;
    } finally {
      this.switching = false;
    }
  }
}
