// The administrator's Consent step in German, in every state it shows, with the Rust side's
// sentences sent as keys (and English as the fallback): no English catalogue text is left. The
// helpdesk's "setup unfinished" note is German too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import Consent from '../src/views/Consent.svelte';
import { SetupStore } from '../src/lib/setup/setup.svelte';
import { choose } from '../src/lib/i18n';
import { appInfo, fakeBackend, page, resetStatus, session } from './backend';
import { DEVICES, englishLeft } from './german';
import { apps, keyed, LINKS, status } from './german-setup';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

const noEnglish = () => expect(englishLeft()).toEqual([]);

beforeEach(() => choose('de'));
afterEach(() => choose(null));

describe('the Consent step in German', () => {
  it('nothing done: the overview, what is needed and both buttons', async () => {
    fakeBackend({ setup_overview: () => keyed(false), consent_links: () => LINKS });
    render(Consent, { store: new SetupStore() });
    await screen.findByTestId('setup-summary');
    await waitFor(() => expect(screen.getByTestId('setup-item-tenant').textContent).toContain('Organisation: Northwind Demo.'));
    expect(screen.getByTestId('setup-item-consent').textContent).toContain('noch nicht zugelassen');
    expect(screen.getByTestId('consent-before').textContent).toContain('Anwendungsadministrator');
    expect(screen.getByTestId('consent-before').textContent).toContain('Akzeptieren');
    expect(screen.getByTestId('open-consent').textContent!.trim()).toBe('Zustimmungsseiten öffnen');
    noEnglish();
  });

  it('while waiting for consent, when stopped, and when the time is up', async () => {
    fakeBackend({
      setup_overview: () => keyed(false),
      consent_links: () => LINKS,
      open_consent_pages: () => null,
      consent_status: () => ({ apps: apps('absent'), done: false }),
    });
    render(Consent, { store: new SetupStore({ consentPollMs: 20 }) });
    await userEvent.click(await screen.findByTestId('open-consent'));
    await waitFor(() => expect(screen.getByTestId('consent-progress').textContent).toContain('mal geprüft'));
    noEnglish();
    await userEvent.click(screen.getByTestId('cancel-consent-watch'));
    expect((await screen.findByTestId('consent-cancelled')).textContent).toContain('Warten beendet');
    noEnglish();
    document.body.innerHTML = '';
    render(Consent, { store: new SetupStore({ consentPollMs: 5, consentLimitMs: 20 }) });
    await userEvent.click(await screen.findByTestId('check-consent'));
    expect((await screen.findByTestId('consent-timed-out')).textContent).toContain('jetzt prüfen');
    noEnglish();
  });

  it('done: both apps allowed and switched on', async () => {
    fakeBackend({ setup_overview: () => keyed(true), consent_links: () => LINKS });
    render(Consent, { store: new SetupStore() });
    expect((await screen.findByTestId('consent-done')).textContent).toContain('Fahren Sie mit Schritt 2 fort');
    await screen.findByTestId('setup-all-done');
    expect(screen.getByTestId('consent-app-service').textContent).toContain('ist zugelassen und eingeschaltet');
    noEnglish();
  });

  it('a switched-off app says what to do', async () => {
    fakeBackend({
      setup_overview: () => keyed(false, (o) => (o.consent = { ...o.consent, ...status('consentDisabled') })),
      consent_links: () => LINKS,
      consent_status: () => ({ apps: apps('enabled', 'disabled'), done: false }),
    });
    render(Consent, { store: new SetupStore({ consentPollMs: 5, consentLimitMs: 20 }) });
    await userEvent.click(await screen.findByTestId('check-consent'));
    const client = await screen.findByTestId('consent-app-client');
    await waitFor(() => expect(client.dataset.state).toBe('disabled'));
    expect(client.textContent).toContain('Ausgeschaltet');
    expect(client.textContent).toContain('Aktiviert für die Benutzeranmeldung');
    noEnglish();
  });

  it('without the role: cannot see the apps, and a German message for an administrator', async () => {
    fakeBackend({
      setup_overview: () =>
        keyed(false, (o) => {
          o.consent = { ...o.consent, state: 'cannotSee', ...status('consentCannotSee'), apps: apps('cannotSee') };
        }),
      consent_links: () => LINKS,
    });
    render(Consent, { store: new SetupStore() });
    const ask = await screen.findByTestId('ask-admin');
    await waitFor(() => expect(ask.hasAttribute('open')).toBe(true));
    expect(screen.getByTestId('consent-app-service').textContent).toContain('Für Sie nicht sichtbar');
    expect(screen.getByTestId('consent-app-service').textContent).toContain('fehlt die Intune-Rolle');
    const message = (screen.getByTestId('admin-message') as HTMLTextAreaElement).value;
    expect(message).toMatch(/^Guten Tag,/);
    expect(message.indexOf('https://login.example/service')).toBeLessThan(message.indexOf('https://login.example/client'));
    const words = document.createElement('div');
    words.textContent = message;
    expect(englishLeft(words)).toEqual([]);
    noEnglish();
  });
});

describe('the helpdesk in German', () => {
  it('is told in German that setup is unfinished', async () => {
    fakeBackend({
      app_info: () => appInfo({ language: 'de' }),
      restore_session: () => session('helpdesk'),
      setup_overview: () => keyed(false),
      search_devices: () => page([DEVICES[1]]),
      reset_status: () => resetStatus({ state: 'none' }),
    });
    render(App);
    await screen.findByTestId('view-reset');
    await userEvent.type(screen.getByTestId('device-search'), 'PC-17');
    expect((await screen.findByTestId('setup-unfinished')).textContent).toContain('nicht abgeschlossen');
    noEnglish();
  });
});
