// Who is signed in, the remembered accounts, and the sign-in flow. Views only call these
// methods and read these fields.

import { api, toIpcError, type Account, type ListedAccount, type Session, type Task } from './api';
import type { Feedback } from './feedback.svelte';
import { takeFirst } from './startup';
import { Navigation } from './navigation.svelte';

/** starting: restoring a remembered session; idle: waiting for the person;
 * signingIn: the browser (or a remembered account) is signing in; cancelling: stopping that;
 * working: a short call such as forgetting an account or signing out. */
export type Phase = 'starting' | 'idle' | 'signingIn' | 'cancelling' | 'working';


export class AuthState {
  session = $state<Session | null>(null);
  accounts = $state<ListedAccount[]>([]);
  phase = $state<Phase>('starting');
  /** The remembered account being continued with, while phase is signingIn. */
  continuingAs = $state<Account | null>(null);

  readonly #feedback: Feedback;
  /** Where the window goes once someone is signed in. */
  readonly nav: Navigation;
  /** Counts sign-in attempts, so the answer of a cancelled attempt is not acted on. */
  #attempt = 0;

  constructor(feedback: Feedback, nav: Navigation = new Navigation()) {
    this.#feedback = feedback;
    this.nav = nav;
  }

  get signedIn(): boolean {
    return this.session !== null;
  }

  /** Silent sign-in with a remembered account; otherwise show the sign-in screen. */
  async start(): Promise<void> {
    this.phase = 'starting';
    this.session = null;
    const early = takeFirst('signIn');
    try {
      const session = await (early?.session ?? api.restoreSession());
      if (session) {
        this.#enter(session);
        return;
      }
    } catch (error) {
      const e = toIpcError(error);
      if (e.kind !== 'notSignedIn') this.#feedback.fail(e);
    }
    await this.refreshAccounts(early?.accounts);
    this.phase = 'idle';
  }

  /** `asked`: the list already asked for at start, if any. */
  async refreshAccounts(asked?: Promise<ListedAccount[]>): Promise<void> {
    try {
      this.accounts = await (asked ?? api.listAccounts());
    } catch (error) {
      this.accounts = [];
      this.#feedback.fail(error);
    }
  }

  /** Opens the system browser. A second call while one is running does nothing. */
  signIn(task: Task, loginHint: string): Promise<void> {
    const hint = loginHint.trim();
    return this.#run(() => api.signIn(task, hint === '' ? null : hint), null);
  }

  continueAs(account: Account): Promise<void> {
    return this.#run(() => api.useAccount(account.id), account);
  }

  async cancel(): Promise<void> {
    if (this.phase !== 'signingIn') return;
    this.#attempt += 1; // whatever the running attempt answers is no longer awaited
    this.phase = 'cancelling';
    try {
      await api.cancelSignIn();
      this.#feedback.say('signIn.cancelled');
    } catch (error) {
      this.#feedback.fail(error);
    }
    this.continuingAs = null;
    this.phase = 'idle';
  }

  /** Forgets a remembered account on this computer. */
  async forget(account: Account): Promise<void> {
    if (this.phase !== 'idle') return;
    this.phase = 'working';
    this.#feedback.clear();
    try {
      await api.signOut(account.id);
      this.#feedback.say('signIn.forgotten', { name: account.displayName });
    } catch (error) {
      this.#feedback.fail(error);
    }
    await this.refreshAccounts();
    this.phase = 'idle';
  }

  /** Signs the current person out and forgets their account on this computer. */
  async signOut(): Promise<void> {
    const session = this.session;
    if (!session || this.phase !== 'idle') return;
    this.phase = 'working';
    this.#feedback.clear();
    try {
      await api.signOut(session.account.id);
      this.session = null;
      this.#feedback.say('signIn.signedOut');
      await this.refreshAccounts();
    } catch (error) {
      this.#feedback.fail(error);
    }
    this.phase = 'idle';
  }

  async #run(signIn: () => Promise<Session>, account: Account | null): Promise<void> {
    if (this.phase !== 'idle') return;
    const attempt = ++this.#attempt;
    this.phase = 'signingIn';
    this.continuingAs = account;
    this.#feedback.clear();
    try {
      const session = await signIn();
      if (attempt === this.#attempt) this.#enter(session);
      else await this.refreshAccounts(); // finished after Cancel: offer it as remembered
    } catch (error) {
      if (attempt !== this.#attempt) return;
      const e = toIpcError(error);
      if (e.kind === 'signInCancelled') this.#feedback.say('signIn.cancelled');
      else this.#feedback.fail(e);
      this.continuingAs = null;
      this.phase = 'idle';
    }
  }

  #enter(session: Session): void {
    this.session = session;
    this.nav.startAt(session.task);
    this.continuingAs = null;
    this.phase = 'idle';
    this.#feedback.clear();
  }
}
