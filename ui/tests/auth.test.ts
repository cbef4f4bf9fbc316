import { describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { AuthState } from '../src/lib/auth.svelte';
import { Feedback } from '../src/lib/feedback.svelte';
import { account, deferred, fakeBackend, session } from './backend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

function store() {
  const feedback = new Feedback();
  return { feedback, auth: new AuthState(feedback) };
}

describe('sign-in state', () => {
  it('a second sign-in while one is running does not call sign_in again', async () => {
    const pending = deferred<unknown>();
    const backend = fakeBackend({ sign_in: () => pending.promise, use_account: () => session() });
    const { auth } = store();
    await auth.start();
    const first = auth.signIn('helpdesk', '');
    void auth.signIn('setup', 'someone');
    void auth.continueAs(account());
    expect(auth.phase).toBe('signingIn');
    pending.resolve(session('helpdesk'));
    await first;
    flushSync();
    expect(backend.calls('sign_in')).toHaveLength(1);
    expect(backend.calls('use_account')).toHaveLength(0);
    expect(auth.session?.task).toBe('helpdesk');
    expect(auth.nav.step).toBe('reset');
  });

  it('a sign-in that finishes after Cancel is not entered, but offered as remembered', async () => {
    const pending = deferred<unknown>();
    let remembered: unknown[] = [];
    const backend = fakeBackend({
      sign_in: () => pending.promise,
      cancel_sign_in: () => null,
      list_accounts: () => remembered,
    });
    const { auth, feedback } = store();
    await auth.start();
    const running = auth.signIn('helpdesk', '');
    await auth.cancel();
    expect(auth.phase).toBe('idle');
    expect(feedback.notice).toBe('Sign-in was cancelled. Nothing was changed.');
    remembered = [account()];
    pending.resolve(session());
    await running;
    expect(auth.session).toBeNull();
    expect(auth.accounts).toEqual([account()]);
    expect(backend.calls('cancel_sign_in')).toHaveLength(1);
  });

  it('a restore that says notSignedIn is not shown as an error', async () => {
    fakeBackend({
      restore_session: () => {
        throw { kind: 'notSignedIn', message: 'You are not signed in. Sign in to go on.' };
      },
    });
    const { auth, feedback } = store();
    await auth.start();
    expect(auth.phase).toBe('idle');
    expect(feedback.error).toBeNull();
  });

  it('a failed cancel shows the reason and returns to idle', async () => {
    fakeBackend({
      sign_in: () => new Promise(() => {}),
      cancel_sign_in: () => {
        throw 'no sign-in to cancel';
      },
    });
    const { auth, feedback } = store();
    await auth.start();
    void auth.signIn('helpdesk', '');
    await auth.cancel();
    expect(auth.phase).toBe('idle');
    expect(feedback.error?.kind).toBe('internal');
    expect(feedback.error?.detail).toBe('no sign-in to cancel');
  });
});
