import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Consent from '../src/views/Consent.svelte';
import ErrorNotice from '../src/lib/ErrorNotice.svelte';
import { SetupStore } from '../src/lib/setup/setup.svelte';
import { fakeBackend, overview, signinConsent } from './backend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

const links = { links: [] };
const notApproved = () => overview(false, { signin: signinConsent(false) });

describe('letting the helpdesk sign in to PinDesk', () => {
  it('lists the missing permissions in plain words and keeps their names behind Details', async () => {
    fakeBackend({ setup_overview: notApproved, consent_links: () => links });
    render(Consent, { store: new SetupStore() });
    const items = await screen.findAllByTestId('signin-missing-item');
    expect(items.map((i) => i.textContent)).toEqual([
      'Find the devices Intune manages',
      "Reset a device's passcode",
    ]);
    expect(screen.getByTestId('signin-consent').textContent).toMatch(/Application Administrator/);
    const names = screen.getByTestId('signin-missing-names');
    expect(names.closest('details')?.open).toBe(false);
    expect(names.textContent).toContain('DeviceManagementManagedDevices.PrivilegedOperations.All');
    expect((await screen.findByTestId('setup-item-signin')).dataset.state).toBe('notDone');
  });

  it('opens the approval page once, then watches Graph until it is approved', async () => {
    let checks = 0;
    const backend = fakeBackend({
      setup_overview: () => (checks >= 2 ? overview(false) : notApproved()),
      consent_links: () => links,
      open_signin_consent: () => null,
      signin_consent_status: () => signinConsent(++checks >= 2),
    });
    render(Consent, { store: new SetupStore({ consentPollMs: 5 }) });
    await userEvent.click(await screen.findByTestId('grant-signin-consent'));
    await screen.findByTestId('signin-consent-done');
    expect(backend.calls('open_signin_consent')).toHaveLength(1);
    expect(checks).toBe(2);
    await waitFor(() => expect(screen.getByTestId('setup-item-signin').dataset.state).toBe('done'));
  });

  it('words an organisation that has not approved PinDesk as that, never as a cancellation', () => {
    render(ErrorNotice, {
      error: { kind: 'orgNotApproved', message: 'Rust words', detail: 'consent_required AADSTS65001' },
    });
    const text = screen.getByTestId('error').textContent ?? '';
    expect(text).toMatch(/has not approved PinDesk/);
    expect(text).toMatch(/first step of PinDesk's setup/);
    expect(text).not.toMatch(/cancel/i);
  });
});
