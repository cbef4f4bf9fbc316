// How the setup paces its reads of Graph while the administrator waits, and the watch's phases.

export interface SetupTiming {
  debounceMs: number;
  /** Between two consent checks while watching. */
  consentPollMs: number;
  /** How long PinDesk watches for consent before it stops and says so. */
  consentLimitMs: number;
  /** Between two deployment refreshes while the Policy view is open. */
  deploymentPollMs: number;
}

export const SETUP_TIMING: SetupTiming = {
  debounceMs: 300,
  consentPollMs: 3000,
  consentLimitMs: 10 * 60 * 1000,
  deploymentPollMs: 30 * 1000,
};

/** idle: not watching; watching: checking Graph until both apps are there; done: both are;
 * timedOut: the time limit passed; cancelled: the person stopped watching. */
export type WatchPhase = 'idle' | 'opening' | 'watching' | 'done' | 'timedOut' | 'cancelled';
