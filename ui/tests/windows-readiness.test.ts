import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import WindowsReadiness from '../src/lib/reset/WindowsReadiness.svelte';
import { device, fakeBackend } from './backend';
import type { ReadinessView } from '../src/lib/reset/windows-types';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

const yes = { state: 'yes' } as const;
const PERSON = { id: 'u-1', displayName: 'Ngozi Okafor', userPrincipalName: 'ngozi@contoso.example' };

function view(overrides: Partial<ReadinessView> = {}): ReadinessView {
  return {
    deviceName: 'NW-LT-1',
    person: PERSON,
    lines: { profileReached: yes, serviceConsented: yes, windowsSupported: yes, mfaMethod: yes },
    methodKinds: ['password', 'phone'],
    conclusion: { kind: 'selfService' },
    pinResetPage: 'https://learn.microsoft.com/windows/security/identity-protection/hello-for-business/pin-reset',
    ...overrides,
  };
}

const noMethod = view({
  lines: { profileReached: yes, serviceConsented: yes, windowsSupported: yes, mfaMethod: { state: 'no', why: 'noMfaMethod' } },
  methodKinds: ['password'],
  conclusion: { kind: 'blocked', missing: 'noMfaMethod', fixer: 'helpdesk' },
});
const OFFER = { state: 'offer', lifetimeMinutes: 60, oneTime: true, adminTarget: false, endsAt: null, needs: null };
const MADE = { pass: 'Xk7-9qPz', endsAt: '2026-12-04T08:00:00Z', lifetimeMinutes: 60, oneTime: true, auditWarning: null };

describe('a Windows PC\'s checklist', () => {
  it('says they can do it themselves when every line is yes, naming method kinds only', async () => {
    fakeBackend({ windows_readiness: () => view() });
    render(WindowsReadiness, { device: device() });
    expect((await screen.findByTestId('readiness-conclusion')).textContent).toContain(
      'They can reset it themselves now: read them these steps.',
    );
    expect((screen.getByTestId('readiness-methods')).textContent).toContain('password, phone');
    expect(screen.queryByTestId('tap-panel')).toBeNull();
  });

  it('names the permission a line could not be read with, and still shows the others', async () => {
    fakeBackend({
      windows_readiness: () =>
        view({
          lines: { profileReached: yes, serviceConsented: yes, windowsSupported: yes, mfaMethod: { state: 'unknown', needs: 'UserAuthenticationMethod.Read.All' } },
          conclusion: { kind: 'unsure' },
        }),
    });
    render(WindowsReadiness, { device: device() });
    const line = await screen.findByTestId('readiness-mfaMethod');
    expect((line).textContent).toContain('it needs UserAuthenticationMethod.Read.All');
    expect(screen.getByTestId('readiness-profileReached').dataset.state).toBe('yes');
  });
});

describe('the Temporary Access Pass', () => {
  it('is confirmed with name, sign-in name, lifetime and use, created once for a double click and hidden until Show', async () => {
    const backend = fakeBackend({
      windows_readiness: () => noMethod,
      tap_offer: () => OFFER,
      create_tap: () => MADE,
      copy_access_pass: () => ({ clearAfterSeconds: 60 }),
    });
    render(WindowsReadiness, { device: device() });
    await userEvent.click(await screen.findByTestId('tap-give'));
    expect((screen.getByTestId('tap-confirm-name')).textContent).toContain('Ngozi Okafor');
    expect((screen.getByTestId('tap-confirm-upn')).textContent).toContain('ngozi@contoso.example');
    expect((screen.getByTestId('tap-confirm-lifetime')).textContent).toContain('60 minutes');
    expect((screen.getByTestId('tap-confirm-use')).textContent).toContain('Once');
    await userEvent.dblClick(screen.getByTestId('tap-confirm-yes'));
    await screen.findByTestId('tap-pass-panel');
    expect(backend.calls('create_tap')).toHaveLength(1);
    expect(screen.queryByTestId('tap-pass')).toBeNull();
    await userEvent.click(screen.getByTestId('tap-show'));
    expect((screen.getByTestId('tap-pass')).textContent).toContain('Xk7 -9q Pz');
    await userEvent.click(screen.getByTestId('tap-copy'));
    expect((await screen.findByTestId('tap-notice')).textContent).toContain('60 seconds');
    await userEvent.click(screen.getByTestId('tap-forget'));
    expect(screen.queryByTestId('tap-pass-panel')).toBeNull();
    expect(document.body.textContent).not.toContain('Xk7');
  });

  it('says when a running pass ends and offers nothing that replaces it', async () => {
    fakeBackend({
      windows_readiness: () => noMethod,
      tap_offer: () => ({ ...OFFER, state: 'exists', endsAt: '2026-12-04T08:00:00Z' }),
    });
    render(WindowsReadiness, { device: device() });
    expect((await screen.findByTestId('tap-exists')).textContent).toContain('already have a Temporary Access Pass');
    expect(screen.queryByTestId('tap-give')).toBeNull();
  });

  it('words a refusal from the catalogue: an administrator takes a Privileged Authentication Administrator', async () => {
    fakeBackend({
      windows_readiness: () => noMethod,
      tap_offer: () => ({ ...OFFER, adminTarget: true }),
      create_tap: () => {
        throw { kind: 'tapAdminTarget', message: 'English fallback' };
      },
    });
    render(WindowsReadiness, { device: device() });
    expect(await screen.findByTestId('tap-admin-target')).toBeTruthy();
    await userEvent.click(screen.getByTestId('tap-give'));
    await userEvent.click(screen.getByTestId('tap-confirm-yes'));
    await waitFor(() =>
      expect((screen.getByTestId('error')).textContent).toContain('Only a Privileged Authentication Administrator'),
    );
  });
});

describe('a pass when the policy cannot be read', () => {
  it('leaves lifetime and use to the policy, says why, and sends them as null', async () => {
    const backend = fakeBackend({
      windows_readiness: () => noMethod,
      tap_offer: () => ({ ...OFFER, lifetimeMinutes: null, oneTime: null, needs: 'Global Reader or Authentication Policy Administrator' }),
      create_tap: () => MADE,
    });
    render(WindowsReadiness, { device: device() });
    expect((await screen.findByTestId('tap-policy-unread')).textContent).toContain('Global Reader');
    await userEvent.click(screen.getByTestId('tap-give'));
    expect(screen.getByTestId('tap-confirm-lifetime').textContent).toContain("Your organisation's default");
    await userEvent.click(screen.getByTestId('tap-confirm-yes'));
    await screen.findByTestId('tap-pass-panel');
    const [, args] = backend.calls('create_tap')[0] as [string, { request: { lifetimeMinutes: unknown; oneTime: unknown } }];
    expect(args.request.lifetimeMinutes).toBeNull();
    expect(args.request.oneTime).toBeNull();
  });

  it('says in words when the pass was made but the activity log could not be written', async () => {
    fakeBackend({
      windows_readiness: () => noMethod,
      tap_offer: () => OFFER,
      create_tap: () => ({ ...MADE, auditWarning: 'storage' }),
    });
    render(WindowsReadiness, { device: device() });
    await userEvent.click(await screen.findByTestId('tap-give'));
    await userEvent.click(screen.getByTestId('tap-confirm-yes'));
    expect((await screen.findByTestId('tap-audit-warning')).textContent).toBe(
      'The pass was made, but PinDesk could not write it to the activity log on this computer.',
    );
  });
});
