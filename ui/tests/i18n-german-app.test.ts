// The window's frame in German: sign-in, the signed-in header and steps, settings and every
// error notice; the language chosen at start and switched in Settings at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import ErrorNotice from '../src/lib/ErrorNotice.svelte';
import { FAILURE_KINDS } from '../src/lib/generated/keys';
import { toIpcError } from '../src/lib/ipc-error';
import { choose, locale } from '../src/lib/i18n';
import type { SettingsView } from '../src/lib/api';
import { account, appInfo, deferred, fakeBackend, session } from './backend';
import { englishLeft } from './german';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

const noEnglish = () => expect(englishLeft()).toEqual([]);

afterEach(() => choose(null));

function settingsView(language: string | null = null): SettingsView {
  return {
    tenant: { value: 'organizations', origin: 'default', locked: false },
    clientId: { value: '14d82eec', origin: 'administrator', locked: false },
    authorityHost: { value: 'https://login.microsoftonline.com/', origin: 'user', locked: false },
    authority: { value: 'https://login.microsoftonline.com/organizations/v2.0', origin: 'environment', locked: false },
    graphUrl: { value: 'https://graph.microsoft.com/', origin: 'localTenant', locked: false },
    dataDir: '/home/ada/.local/share/PinDesk',
    adminConfigPath: '/etc/pindesk/config.json',
    userSettingsPath: '/home/ada/.local/share/PinDesk/settings.json',
    language,
    logLevel: 'warn',
    logDir: '/home/ada/.local/share/PinDesk/logs',
  };
}

describe('the window in German', () => {
  it('starts in the language saved in the settings, and the sign-in screen is all German', async () => {
    const signingIn = deferred<never>();
    fakeBackend({
      app_info: () => appInfo({ language: 'de' }),
      list_accounts: () => [account()],
      sign_in: () => signingIn.promise,
      cancel_sign_in: () => null,
    });
    render(App);
    await screen.findByTestId('sign-in-screen');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Anmelden'));
    expect(document.documentElement.lang).toBe('de');
    noEnglish();
    await userEvent.click(screen.getByTestId('sign-in'));
    expect(screen.getByTestId('status').textContent).toContain('im Browser abgeschlossen');
    noEnglish();
    await userEvent.click(screen.getByTestId('cancel-sign-in'));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe(
      'Die Anmeldung wurde abgebrochen. Es wurde nichts verändert.',
    ));
    noEnglish();
  });

  it('shows a sign-in error, the demo badge and the signed-in frame in German', async () => {
    choose('de');
    fakeBackend({
      app_info: () => appInfo({ demo: true, language: 'de' }),
      sign_in: () => {
        throw { kind: 'signInTimedOut', message: 'The sign-in did not finish in time.', detail: 'request-id 9f1c' };
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('sign-in'));
    expect((await screen.findByRole('alert')).textContent).toContain('nicht rechtzeitig abgeschlossen');
    expect(screen.getByTestId('demo-badge').textContent).toBe('Demo-Mandant');
    noEnglish();
  });

  it('the signed-in header, steps, keychain warning and Reset step are German', async () => {
    fakeBackend({
      app_info: () => appInfo({ language: 'de' }),
      restore_session: () => ({ ...session(), storageWarning: 'Your sign-in works for this session only.' }),
    });
    render(App);
    await screen.findByTestId('view-reset');
    await waitFor(() => expect(screen.getByTestId('sign-out').textContent!.trim()).toBe('Abmelden'));
    expect(screen.getByTestId('storage-warning').textContent).toContain('nur für diese Sitzung');
    noEnglish();
  });

  it('Settings are German, and switching the language there changes the window at once', async () => {
    const backend = fakeBackend({
      restore_session: () => session(),
      settings: () => settingsView(),
      set_language: () => null,
    });
    render(App);
    await screen.findByTestId('view-reset');
    await userEvent.click(screen.getByTestId('open-settings'));
    const settings = await screen.findByTestId('settings');
    await screen.findByTestId('in-use-tenant');
    expect(englishLeft(settings)).not.toEqual([]); // English first: the check does find English

    await userEvent.selectOptions(screen.getByTestId('setting-language'), 'de');
    expect(document.getElementById('settings-heading')!.textContent).toBe('Einstellungen');
    expect(screen.getByTestId('open-settings').textContent!.trim()).toBe('Einstellungen');
    expect(screen.getByTestId('sign-out').textContent!.trim()).toBe('Abmelden');
    expect(backend.calls('set_language')).toEqual([['set_language', { language: 'de' }]]);
    noEnglish();

    await userEvent.click(screen.getByText('Dateien'));
    noEnglish();

    await userEvent.selectOptions(screen.getByTestId('setting-language'), 'system');
    expect(document.getElementById('settings-heading')!.textContent).toBe('Settings');
    expect(locale.current).toBe('en');
    expect(backend.calls('set_language').at(-1)).toEqual(['set_language', { language: null }]);
  });

  it('a language that cannot be saved still applies for now, and the error says so in German', async () => {
    fakeBackend({
      restore_session: () => session(),
      settings: () => settingsView(),
      set_language: () => {
        throw { kind: 'storage', message: 'PinDesk could not write its files.', detail: 'settings.json: denied' };
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('open-settings'));
    await screen.findByTestId('in-use-tenant');
    await userEvent.selectOptions(screen.getByTestId('setting-language'), 'de');
    expect((await screen.findByRole('alert')).textContent).toContain('nicht lesen oder schreiben');
    noEnglish();
  });

  it('words every error kind the Rust side sends in German, with Details', async () => {
    choose('de');
    expect(FAILURE_KINDS.length).toBeGreaterThan(25);
    for (const kind of FAILURE_KINDS) {
      const view = render(ErrorNotice, {
        error: { kind, detail: 'HTTP 429', retryAfterSeconds: 5 },
      });
      expect(englishLeft(view.container), kind).toEqual([]);
      expect(view.container.querySelector('summary')!.textContent).toBe('Einzelheiten');
      view.unmount();
    }
  });

  it('reads a kind the window has no words for as unexpected, with what came in the details', () => {
    choose('de');
    render(ErrorNotice, { error: toIpcError({ kind: 'somethingNew', detail: 'HTTP 500' }) });
    expect(screen.getByRole('alert').querySelector('.message')!.textContent).toBe(
      'Etwas Unerwartetes ist schiefgegangen.',
    );
    expect(screen.getByTestId('error-detail').textContent).toContain('somethingNew');
  });
});
