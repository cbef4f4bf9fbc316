import { describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { api, toIpcError } from '../src/lib/api';
import { account, appInfo, fakeBackend, session } from './backend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

describe('api module', () => {
  it('normalises unknown rejections into an IpcError', async () => {
    for (const thrown of [
      'Command app_info not found',
      new Error('bridge gone'),
      undefined,
      42,
      { kind: 'somethingNew', detail: 'x' }, // a kind the Rust side does not send
      { kind: 'network', detail: 7 }, // a detail that is not text
    ]) {
      fakeBackend({
        app_info: () => {
          throw thrown;
        },
      });
      const error = await api.appInfo().catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'internal' });
      expect(typeof (error as { detail: unknown }).detail).toBe('string');
    }
    expect(toIpcError('boom')).toEqual({ kind: 'internal', detail: 'boom' });
  });

  it('passes an IpcError from the Rust side through unchanged', async () => {
    const fromRust = { kind: 'network', detail: 'req 7' };
    fakeBackend({
      list_accounts: () => {
        throw fromRust;
      },
    });
    await expect(api.listAccounts()).rejects.toEqual(fromRust);
  });

  it('drops an empty or null detail', () => {
    expect(toIpcError({ kind: 'notSignedIn', detail: null })).toEqual({ kind: 'notSignedIn' });
  });

  it('passes camelCase args to the commands', async () => {
    const backend = fakeBackend({
      sign_in: () => session('setup'),
      use_account: () => session(),
      sign_out: () => null,
      cancel_sign_in: () => null,
    });
    await api.signIn('setup', 'ada@contoso.example');
    await api.signIn('helpdesk', null);
    await api.useAccount('acct-1');
    await api.signOut('acct-1');
    await api.cancelSignIn();
    expect(backend.calls('sign_in')).toEqual([
      ['sign_in', { task: 'setup', loginHint: 'ada@contoso.example' }],
      ['sign_in', { task: 'helpdesk', loginHint: null }],
    ]);
    expect(backend.calls('use_account')).toEqual([['use_account', { accountId: 'acct-1' }]]);
    expect(backend.calls('sign_out')).toEqual([['sign_out', { accountId: 'acct-1' }]]);
    expect(backend.calls('cancel_sign_in')).toEqual([['cancel_sign_in']]);
  });

  it('returns typed answers from the commands', async () => {
    fakeBackend({
      use_demo_tenant: () => appInfo({ demo: true }),
      list_accounts: () => [account()],
      restore_session: () => session(),
    });
    await expect(api.appInfo()).resolves.toEqual(appInfo());
    await expect(api.useDemoTenant()).resolves.toMatchObject({ demo: true });
    await expect(api.listAccounts()).resolves.toEqual([account()]);
    await expect(api.restoreSession()).resolves.toEqual(session());
    expect(vi.mocked(invoke)).toHaveBeenCalledTimes(4);
  });
});
