// When a passcode on screen must go by itself: after a stretch without activity, and after the
// window stayed hidden (minimised, screen locked) for a while. The store says what to forget.

export type ForgetReason = 'idle' | 'hidden';

export class PasscodeTimers {
  #idle: ReturnType<typeof setTimeout> | undefined;
  #hidden: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly idleMs: number,
    private readonly hiddenMs: number,
    private readonly forget: (reason: ForgetReason) => void,
  ) {}

  /** The person did something while a passcode is shown: restart the idle clock. */
  active(): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.forget('idle'), this.idleMs);
  }

  hidden(): void {
    clearTimeout(this.#hidden);
    this.#hidden = setTimeout(() => this.forget('hidden'), this.hiddenMs);
  }

  visible(): void {
    clearTimeout(this.#hidden);
  }

  stop(): void {
    clearTimeout(this.#idle);
    clearTimeout(this.#hidden);
  }
}
