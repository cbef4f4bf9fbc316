import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Consent from '../src/views/Consent.svelte';
import { SetupStore } from '../src/lib/setup/setup.svelte';
import { SETUP_TIMING } from '../src/lib/setup/timing';
import type { ConsentStatus, PinResetApp } from '../src/lib/setup/types';
import { fakeBackend, overview, sentence } from './backend';
import { passTime, useFakeClock } from './timers';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

afterEach(() => vi.useRealTimers());

const links = {
  links: [
    { app: { key: 'service', appId: 's', displayName: 'Service' }, url: 'https://login.example/service' },
    { app: { key: 'client', appId: 'c', displayName: 'Client' }, url: 'https://login.example/client' },
  ],
};

type AppState = 'absent' | 'enabled' | 'disabled';
const KEYS = { absent: 'appAbsent', enabled: 'appEnabled', disabled: 'appDisabled' } as const;

function consent(state: AppState, second: AppState = state): ConsentStatus {
  const app = (i: number, s: AppState) => ({
    app: { ...links.links[i].app, publishedConsentUrl: links.links[i].url } as PinResetApp,
    state: s,
    sentence: sentence(KEYS[s], { name: links.links[i].app.displayName }),
    detail: null,
  });
  return {
    apps: [app(0, state), app(1, second)],
    done: state === 'enabled' && second === 'enabled',
    absentAfterAccept: state === 'absent' || second === 'absent',
  };
}

describe('consent step', () => {
  it('says which role is needed and that a blank page afterwards is normal', async () => {
    fakeBackend({ setup_overview: () => overview(), consent_links: () => links });
    render(Consent, { store: new SetupStore() });
    const before = await screen.findByTestId('consent-before');
    expect(before.textContent).toMatch(/Application Administrator/);
    expect(before.textContent).toContain('You do not have permission to view this directory or page.');
    expect((await screen.findByTestId('setup-item-consent')).dataset.state).toBe('notDone');
  });

  it('opens both pages once, then watches until both apps are switched on', async () => {
    let checks = 0;
    const backend = fakeBackend({
      setup_overview: () => overview(checks >= 2),
      consent_links: () => links,
      open_consent_pages: () => null,
      consent_status: () => (++checks >= 2 ? consent('enabled') : consent('absent')),
    });
    render(Consent, { store: new SetupStore({ consentPollMs: 5 }) });
    await userEvent.click(await screen.findByTestId('open-consent'));
    await screen.findByTestId('consent-done');
    expect(backend.calls('open_consent_pages')).toHaveLength(1);
    expect(checks).toBe(2);
    await waitFor(() => expect(screen.getByTestId('setup-item-consent').dataset.state).toBe('done'));
  });

  it('stops at the time limit and says what to do next', async () => {
    fakeBackend({
      setup_overview: () => overview(),
      consent_links: () => links,
      open_consent_pages: () => null,
      consent_status: () => consent('absent'),
    });
    render(Consent, { store: new SetupStore({ consentPollMs: 5, consentLimitMs: 40 }) });
    await userEvent.click(await screen.findByTestId('open-consent'));
    expect((await screen.findByTestId('consent-timed-out')).textContent).toMatch(/check now/);
  });

  it('stops waiting when cancelled and asks nothing more', async () => {
    const user = useFakeClock();
    const poll = SETUP_TIMING.consentPollMs; // the window's own pace
    const backend = fakeBackend({
      setup_overview: () => overview(),
      consent_links: () => links,
      open_consent_pages: () => null,
      consent_status: () => consent('absent'),
    });
    render(Consent, { store: new SetupStore() });
    await passTime(0); // the overview and the links arrive
    await user.click(screen.getByTestId('open-consent'));
    await passTime(0);
    expect(backend.calls('consent_status')).toHaveLength(1); // the first check, at once
    await passTime(poll);
    expect(backend.calls('consent_status')).toHaveLength(2); // watching: one check per interval
    await user.click(screen.getByTestId('cancel-consent-watch'));
    await passTime(0);
    expect(screen.getByTestId('consent-cancelled')).toBeTruthy();
    await passTime(10 * poll);
    expect(backend.calls('consent_status')).toHaveLength(2);
  });

  it('shows a switched-off app with what to do', async () => {
    fakeBackend({
      setup_overview: () => overview(),
      consent_links: () => links,
      consent_status: () => consent('enabled', 'disabled'),
    });
    render(Consent, { store: new SetupStore({ consentPollMs: 5, consentLimitMs: 20 }) });
    await userEvent.click(await screen.findByTestId('check-consent'));
    const client = await screen.findByTestId('consent-app-client');
    await waitFor(() => expect(client.dataset.state).toBe('disabled'));
    expect(client.textContent).toMatch(/Switched off/);
  });

  it("offers the links and a message for an administrator when the person can't see the apps", async () => {
    const hidden = overview();
    hidden.consent = { ...hidden.consent, state: 'cannotSee', sentence: sentence('consentCannotSee') };
    fakeBackend({ setup_overview: () => hidden, consent_links: () => links });
    render(Consent, { store: new SetupStore() });
    const ask = await screen.findByTestId('ask-admin');
    await waitFor(() => expect(ask.hasAttribute('open')).toBe(true));
    expect((screen.getByTestId('admin-message') as HTMLTextAreaElement).value).toContain(
      'https://login.example/client',
    );
  });
});
