import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import { account, appInfo, deferred, fakeBackend, session } from './backend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

async function signInScreen() {
  render(App);
  return screen.findByTestId('sign-in-screen');
}

describe('sign-in screen', () => {
  it('shows the version from app_info, then restores the session, in that order', async () => {
    const backend = fakeBackend({ app_info: () => appInfo({ version: '9.8.7' }) });
    await signInScreen();
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByTestId('app-version').textContent).toBe('PinDesk 9.8.7');
    expect(backend.commands().slice(0, 2)).toEqual(['app_info', 'restore_session']);
  });

  it('shows the demo badge only in demo mode', async () => {
    fakeBackend();
    await signInScreen();
    expect(screen.queryByTestId('demo-badge')).toBeNull();
    expect(screen.getByTestId('use-demo')).toBeTruthy();
  });

  it('shows the demo badge and its explanation in demo mode, without the demo entry', async () => {
    fakeBackend({ app_info: () => appInfo({ demo: true }) });
    await signInScreen();
    expect(screen.getByTestId('demo-badge').textContent).toBe('Demo tenant');
    expect(screen.getByText(/nothing real is changed/, { selector: '.badge-note' })).toBeTruthy();
    expect(screen.queryByTestId('use-demo')).toBeNull();
  });

  it('try the demo tenant switches to demo mode and shows the badge', async () => {
    const backend = fakeBackend({ use_demo_tenant: () => appInfo({ demo: true }) });
    await signInScreen();
    await userEvent.click(screen.getByTestId('use-demo'));
    await screen.findByTestId('demo-badge');
    expect(backend.calls('use_demo_tenant')).toHaveLength(1);
    expect(backend.calls('list_accounts').length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByTestId('use-demo')).toBeNull();
  });

  it('signs in for helpdesk work with the sign-in name as login hint', async () => {
    const backend = fakeBackend({ sign_in: () => session('helpdesk') });
    await signInScreen();
    await userEvent.type(screen.getByLabelText(/Sign-in name/), '  ada@contoso.example ');
    await userEvent.click(screen.getByTestId('sign-in'));
    await screen.findByTestId('view-reset');
    expect(backend.calls('sign_in')).toEqual([
      ['sign_in', { task: 'helpdesk', loginHint: 'ada@contoso.example' }],
    ]);
  });

  it('signs in for setup with no login hint when the field is empty', async () => {
    const backend = fakeBackend({ sign_in: () => session('setup') });
    await signInScreen();
    await userEvent.click(screen.getByRole('button', { name: /Set up the organisation/ }));
    await screen.findByTestId('view-consent');
    expect(backend.calls('sign_in')).toEqual([['sign_in', { task: 'setup', loginHint: null }]]);
  });

  it('a second click while signing in does not call sign_in twice', async () => {
    const pending = deferred<unknown>();
    const backend = fakeBackend({ sign_in: () => pending.promise });
    await signInScreen();
    const button = screen.getByTestId('sign-in');
    await fireEvent.click(button);
    await fireEvent.click(button);
    await fireEvent.click(screen.getByTestId('sign-in-setup'));
    expect(await screen.findByText(/Waiting for you to finish signing in in your browser/)).toBeTruthy();
    expect(backend.calls('sign_in')).toHaveLength(1);
    pending.resolve(session());
    await screen.findByTestId('view-reset');
  });

  it('cancel calls cancel_sign_in and returns to idle', async () => {
    const pending = deferred<unknown>();
    const backend = fakeBackend({
      sign_in: () => pending.promise,
      cancel_sign_in: () => {
        pending.reject({ kind: 'signInCancelled', message: 'Sign-in was cancelled.' });
        return null;
      },
    });
    await signInScreen();
    await userEvent.click(screen.getByTestId('sign-in'));
    await userEvent.click(await screen.findByTestId('cancel-sign-in'));
    await waitFor(() => expect(screen.queryByTestId('cancel-sign-in')).toBeNull());
    expect(backend.calls('cancel_sign_in')).toHaveLength(1);
    expect(screen.getByTestId('status').textContent).toMatch(/cancelled/);
    expect(screen.queryByTestId('error')).toBeNull();
    expect((screen.getByTestId('sign-in') as HTMLButtonElement).disabled).toBe(false);
  });

  it('an error shows its message and hides the detail behind Details', async () => {
    fakeBackend({
      sign_in: () => {
        throw {
          kind: 'signInTimedOut',
          message: 'Signing in took too long. Try again.',
          detail: 'request-id 9f1c',
        };
      },
    });
    await signInScreen();
    await userEvent.click(screen.getByTestId('sign-in'));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.testid).toBe('error');
    expect(alert.textContent).toContain('the sign-in did not finish in time');
    expect(alert.textContent).toContain('Click Sign in to try again.');
    const details = alert.querySelector('details');
    expect(details).not.toBeNull();
    expect(details!.open).toBe(false);
    expect(details!.querySelector('summary')!.textContent).toBe('Details');
    expect(screen.getByTestId('error-detail').closest('details')).toBe(details);
    expect(alert.querySelector('.message')!.textContent).not.toContain('9f1c');
    await userEvent.click(screen.getByText('Details'));
    expect(details!.open).toBe(true);
    expect((screen.getByTestId('sign-in') as HTMLButtonElement).disabled).toBe(false);
  });

  it('lists remembered accounts to continue with or forget', async () => {
    const ada = account();
    const grace = account({ id: 'acct-2', displayName: 'Grace Hopper', username: 'grace@fabrikam.example' });
    let remembered = [ada, grace];
    const backend = fakeBackend({
      list_accounts: () => remembered,
      sign_out: (args) => {
        remembered = remembered.filter((a) => a.id !== args?.accountId);
        return null;
      },
      use_account: () => session('helpdesk', ada),
    });
    await signInScreen();
    await userEvent.click(screen.getByRole('button', { name: 'Forget Grace Hopper (grace@fabrikam.example)' }));
    await waitFor(() => expect(screen.queryByText(/Continue as Grace Hopper/)).toBeNull());
    expect(backend.calls('sign_out')).toEqual([['sign_out', { accountId: 'acct-2' }]]);
    await userEvent.click(screen.getByRole('button', { name: 'Continue as Ada Lovelace (ada@contoso.example)' }));
    await screen.findByTestId('view-reset');
    expect(backend.calls('use_account')).toEqual([['use_account', { accountId: 'acct-1' }]]);
  });

  it('keeps working when the Rust side is missing (plain browser)', async () => {
    fakeBackend({ app_info: () => { throw new TypeError('window.__TAURI_INTERNALS__ is undefined'); } });
    await signInScreen();
    expect(screen.getByTestId('app-version').textContent).toBe('PinDesk');
    expect(screen.getByTestId('error').textContent).toContain('Something unexpected went wrong');
  });
});

describe('sign-in screen keyboard use', () => {
  it('moves focus to Cancel while signing in and back to Sign in afterwards', async () => {
    const pending = deferred<unknown>();
    fakeBackend({
      sign_in: () => pending.promise,
      cancel_sign_in: () => {
        pending.reject({ kind: 'signInCancelled', message: 'Cancelled.' });
        return null;
      },
    });
    await signInScreen();
    screen.getByTestId('sign-in').focus();
    await userEvent.keyboard('{Enter}');
    const cancel = await screen.findByTestId('cancel-sign-in');
    expect(document.activeElement).toBe(cancel);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('sign-in')));
  });
});
