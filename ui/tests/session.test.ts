import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import { account, fakeBackend, session } from './backend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

describe('signed-in window', () => {
  it('a restored session skips the sign-in screen and lands on Reset', async () => {
    const backend = fakeBackend({ restore_session: () => session('helpdesk') });
    render(App);
    expect((await screen.findByTestId('signed-in-name')).textContent).toBe('Ada Lovelace');
    expect(screen.queryByTestId('sign-in-screen')).toBeNull();
    expect(await screen.findByTestId('view-reset')).toBeTruthy();
    expect(screen.queryByTestId('step-reset'), 'the helpdesk home shows no setup steps').toBeNull();
    expect(screen.getByTestId('open-setup')).toBeTruthy();
    expect(backend.calls('sign_in')).toHaveLength(0);
  });

  it('a setup session lands on Consent', async () => {
    fakeBackend({ restore_session: () => session('setup') });
    render(App);
    expect(await screen.findByTestId('view-consent')).toBeTruthy();
  });

  it('every step is built and opens with its heading', async () => {
    fakeBackend({ restore_session: () => session('setup') });
    render(App);
    const labels = { consent: 'Allow PIN reset', policy: 'Turn on PIN recovery', reset: 'Reset a passcode' };
    for (const [id, label] of Object.entries(labels)) {
      await userEvent.click(await screen.findByTestId(`step-${id}`));
      const view = await screen.findByTestId(`view-${id}`);
      expect(view.querySelector('h1')!.textContent).toBe(label);
      expect(screen.queryByTestId('not-built')).toBeNull();
    }
    expect(screen.getByTestId('device-search')).toBeTruthy();
  });

  it('shows no raw GUIDs in the signed-in window', async () => {
    fakeBackend({ restore_session: () => session('helpdesk') });
    render(App);
    await screen.findByTestId('view-reset');
    expect(document.body.textContent).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
    expect(screen.getByText('Contoso')).toBeTruthy();
  });

  it('sign out forgets the account and returns to the sign-in screen', async () => {
    const backend = fakeBackend({ restore_session: () => session(), sign_out: () => null });
    render(App);
    await userEvent.click(await screen.findByTestId('sign-out'));
    await screen.findByTestId('sign-in-screen');
    expect(backend.calls('sign_out')).toEqual([['sign_out', { accountId: 'acct-1' }]]);
    expect(screen.queryByTestId('signed-in-name')).toBeNull();
  });

  it('a failed restore shows the reason and offers sign-in', async () => {
    fakeBackend({
      restore_session: () => {
        throw { kind: 'keychainUnavailable', message: 'PinDesk cannot open the keychain.' };
      },
    });
    render(App);
    await screen.findByTestId('sign-in-screen');
    expect(screen.getByTestId('error').textContent).toContain("PinDesk could not use this computer's keychain");
    expect(screen.getByTestId('error').querySelector('details')).toBeNull();
  });

  it('odd names (quotes, Unicode, <script>) are rendered as text', async () => {
    const odd = account({
      id: 'odd',
      displayName: `Zoë "Z" O'Brien <script>alert(1)</script> 李小龍 👩🏽‍💻`,
      username: `zoe+<b>x</b>@contoso.example`,
      tenantName: '<img src=x onerror=alert(1)>',
    });
    fakeBackend({ list_accounts: () => [odd] });
    const { container, unmount } = render(App);
    const button = await screen.findByTestId('continue-account');
    expect(button.textContent!.trim()).toBe(`Continue as ${odd.displayName} (${odd.username})`);
    expect(container.querySelector('script, b, img')).toBeNull();
    unmount();

    fakeBackend({ restore_session: () => session('helpdesk', odd) });
    const second = render(App);
    expect((await screen.findByTestId('signed-in-name')).textContent).toBe(odd.displayName);
    expect(screen.getByText(odd.tenantName!)).toBeTruthy();
    expect(second.container.querySelector('script, b, img')).toBeNull();
    await waitFor(() => expect(document.querySelectorAll('body script').length).toBe(0));
  });
});

describe('keychain warning', () => {
  it('a session the keychain refused says it lasts for this session only', async () => {
    const warning = 'Your sign-in could not be saved; it lasts until you close PinDesk.';
    fakeBackend({ restore_session: () => ({ ...session(), storageWarning: warning }) });
    render(App);
    expect((await screen.findByTestId('storage-warning')).textContent).toContain(
      'your sign-in works for this session only',
    );
  });

  it('a session the keychain kept shows no warning', async () => {
    fakeBackend({ restore_session: () => ({ ...session(), storageWarning: null }) });
    render(App);
    await screen.findByTestId('signed-in-name');
    expect(screen.queryByTestId('storage-warning')).toBeNull();
  });
});
