import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import { fakeBackend } from './backend';
import type { SettingsView } from '../src/lib/api';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

function view(tenant = 'organizations', origin: 'default' | 'user' = 'default'): SettingsView {
  return {
    tenant: { value: tenant, origin, locked: false },
    clientId: { value: '14d82eec', origin: 'default', locked: false },
    authorityHost: { value: 'https://login.microsoftonline.com/', origin: 'default', locked: false },
    authority: { value: 'https://login.microsoftonline.com/organizations/v2.0', origin: 'default', locked: false },
    graphUrl: { value: 'https://graph.microsoft.com/', origin: 'administrator', locked: false },
    dataDir: '/home/ada/.local/share/PinDesk',
    adminConfigPath: '/etc/pindesk/config.json',
    userSettingsPath: '/home/ada/.local/share/PinDesk/settings.json',
    language: null,
    logLevel: 'warn',
    logDir: '/home/ada/.local/share/PinDesk/logs',
  };
}

describe('settings view', () => {
  it('shows each value in use and where it came from', async () => {
    fakeBackend({ settings: () => view() });
    render(App);
    await userEvent.click(await screen.findByTestId('open-settings'));
    expect((await screen.findByTestId('in-use-tenant')).textContent).toBe('organizations');
    expect(screen.getByTestId('settings').textContent).toContain('set by your administrator');
  });

  it('saves only what the person typed, trimmed, and says how it takes effect', async () => {
    const backend = fakeBackend({
      settings: () => view(),
      save_settings: () => view('contoso.example', 'user'),
    });
    render(App);
    await userEvent.click(await screen.findByTestId('open-settings'));
    await userEvent.type(await screen.findByTestId('setting-tenant'), '  contoso.example ');
    await userEvent.click(screen.getByTestId('save-settings'));
    await waitFor(() =>
      expect(screen.getByTestId('settings-status').textContent).toContain('Saved'),
    );
    expect(backend.calls('save_settings')).toEqual([
      ['save_settings', { settings: { tenant: 'contoso.example' } }],
    ]);
    expect(screen.getByTestId('in-use-tenant').textContent).toBe('contoso.example');
  });

  it('a refused value shows the reason and keeps what was typed', async () => {
    fakeBackend({
      settings: () => view(),
      save_settings: () => {
        throw { kind: 'config', message: "PinDesk's settings are not valid.", detail: 'tenant' };
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('open-settings'));
    const input = (await screen.findByTestId('setting-tenant')) as HTMLInputElement;
    await userEvent.type(input, 'not a tenant!');
    await userEvent.click(screen.getByTestId('save-settings'));
    expect((await screen.findByTestId('error')).textContent).toContain('not valid');
    expect(input.value).toBe('not a tenant!');
  });
});

describe('help from support', () => {
  it('changes the log level at once and copies a diagnostics report with the recent errors', async () => {
    const backend = fakeBackend({
      settings: () => ({ ...view(), logLevel: 'warn', logDir: '/home/ada/.local/share/PinDesk/logs' }),
      set_log_level: (args) => ({ ...view(), logLevel: (args as { level: string }).level }),
      diagnostics: () => ({ text: 'PinDesk diagnostics\nPinDesk version: 0.3.1' }),
      search_devices: () => {
        throw { kind: 'throttled', message: 'Intune is busy.', detail: 'request-id 42' };
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('open-settings'));
    const level = (await screen.findByTestId('log-level')) as HTMLSelectElement;
    expect(level.value).toBe('warn');
    expect(screen.getByTestId('settings').textContent).toContain('/home/ada/.local/share/PinDesk/logs');
    await userEvent.selectOptions(level, 'debug');
    expect(backend.calls('set_log_level')).toEqual([['set_log_level', { level: 'debug' }]]);
    await waitFor(() => expect(level.value).toBe('debug'));

    const { api } = await import('../src/lib/api');
    await api.searchDevices('ph').catch(() => {});
    await userEvent.click(screen.getByTestId('copy-diagnostics'));
    const report = ((await screen.findByTestId('diagnostics-report')) as HTMLTextAreaElement).value;
    expect(report).toContain('PinDesk version: 0.3.1');
    expect(report).toMatch(/search_devices: throttled \[request-id 42\]/);
  });
});

describe('settings as a dialog', () => {
  it('folds where PinDesk signs in under Advanced while every value is the built-in one', async () => {
    const defaults = view();
    defaults.graphUrl.origin = 'default';
    fakeBackend({ settings: () => defaults });
    render(App);
    await userEvent.click(await screen.findByTestId('open-settings'));
    const dialog = await screen.findByTestId('settings');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await screen.findByTestId('in-use-tenant');
    expect((screen.getByTestId('settings-advanced') as HTMLDetailsElement).open).toBe(false);
  });

  it('opens Advanced when the organisation set a value, and Escape closes the dialog', async () => {
    fakeBackend({ settings: () => view() });
    render(App);
    await userEvent.click(await screen.findByTestId('open-settings'));
    await screen.findByTestId('in-use-tenant');
    expect((screen.getByTestId('settings-advanced') as HTMLDetailsElement).open).toBe(true);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('settings')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('open-settings'));
  });
});
