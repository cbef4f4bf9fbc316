// Facts about the app itself: version, demo mode, which organisation it points at.

import { api, type AppInfo } from './api';
import type { Feedback } from './feedback.svelte';
import { choose } from './i18n';
import { takeFirst } from './startup';

export class AppStore {
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
      this.info = await (takeFirst('info') ?? api.appInfo());
      choose(this.info.language);
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
      this.#feedback.say('app.demoOn');
      return true;
    } catch (error) {
      this.#feedback.fail(error);
      return false;
    } finally {
      this.switching = false;
    }
  }
}
