import { describe, expect, it, vi } from 'vitest';
import { AppStore } from '../src/lib/app.svelte';
import { AuthState } from '../src/lib/auth.svelte';
import { Feedback } from '../src/lib/feedback.svelte';
import { askFirstQuestions, atMost } from '../src/lib/startup';
import { account, appInfo, deferred, fakeBackend, session } from './backend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

function states() {
  const feedback = new Feedback();
  return { feedback, app: new AppStore(feedback), auth: new AuthState(feedback) };
}

describe('the first screen', () => {
  it('opens with the answers asked at start, without asking the Rust side twice', async () => {
    const backend = fakeBackend({
      app_info: () => appInfo({ version: '9.9.9' }),
      list_accounts: () => [account()],
    });
    await askFirstQuestions();
    const { app, auth } = states();
    await Promise.all([app.load(), auth.start()]);
    expect(app.version).toBe('9.9.9');
    expect(auth.phase).toBe('idle');
    expect(auth.accounts.map((a) => a.displayName)).toEqual(['Ada Lovelace']);
    expect(backend.commands().sort()).toEqual(['app_info', 'list_accounts', 'restore_session']);
  });

  it('asks for the remembered accounts only when no session came back', async () => {
    const backend = fakeBackend({ restore_session: () => session('setup') });
    await askFirstQuestions();
    const { auth } = states();
    await auth.start();
    expect(auth.session?.task).toBe('setup');
    expect(backend.calls('list_accounts')).toHaveLength(0);
  });

  it('asks anew after the start: a later load reads what holds now', async () => {
    let version = '1.0.0';
    const backend = fakeBackend({ app_info: () => appInfo({ version }) });
    await askFirstQuestions();
    const { app } = states();
    await app.load();
    version = '2.0.0';
    await app.load();
    expect(app.version).toBe('2.0.0');
    expect(backend.calls('app_info')).toHaveLength(2);
  });

  it('reports a failed start-up answer to the person like any other error', async () => {
    fakeBackend({ app_info: () => Promise.reject({ kind: 'internal', message: 'broken', detail: '' }) });
    await askFirstQuestions();
    const { app, feedback } = states();
    await app.load();
    expect(app.info).toBeNull();
    expect(feedback.error?.kind).toBe('internal');
  });

  it('does not keep the window blank behind a slow silent sign-in', async () => {
    const slow = deferred<unknown>();
    fakeBackend({ restore_session: () => slow.promise });
    vi.useFakeTimers();
    try {
      let opened = false;
      const waiting = atMost(askFirstQuestions(), 120).then(() => (opened = true));
      await vi.advanceTimersByTimeAsync(119);
      expect(opened).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(opened).toBe(true);
    } finally {
      vi.useRealTimers();
      slow.resolve(null);
    }
  });
});
