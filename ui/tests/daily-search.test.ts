// The helpdesk's daily search: results grouped by person with sign-in address and serial, a
// device typed out in full opens at once, and the keyboard walks the results.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Reset from '../src/views/Reset.svelte';
import { groupByPerson } from '../src/lib/reset/groups';
import { exactMatch } from '../src/lib/reset/search.svelte';
import { device, fakeBackend, page } from './backend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

const zoe = { user: 'Zoë Martin', signIn: 'zoe.martin@contoso.example' };
const DEVICES = [
  device({ id: 'a', name: 'Zoë’s Lumia', serial: 'PF3X9K2L', ...zoe }),
  device({ id: 'b', name: 'Kiosk', serial: null, user: null, signIn: null }),
  device({ id: 'c', name: 'Zoë’s iPhone', serial: 'F2LXK0AB', ...zoe }),
  device({ id: 'd', name: 'Other Zoë’s phone', serial: 'Q1', user: 'Zoë Martin', signIn: 'zoe.m@contoso.example' }),
];

describe('daily search', () => {
  it("puts one person's devices together and keeps two people of the same name apart", () => {
    const groups = groupByPerson(DEVICES);
    expect(groups.map((g) => g.devices.map((d) => d.device.id))).toEqual([['a', 'c'], ['b'], ['d']]);
    expect(groups.flatMap((g) => g.devices.map((d) => d.index))).toEqual([0, 1, 2, 3]);
  });

  it('opens a device at once only when its whole name or serial was typed and it is the one result', () => {
    expect(exactMatch('pf3x9k2l', [DEVICES[0]])?.id).toBe('a');
    expect(exactMatch('zoë’s lumia', [DEVICES[0]])?.id).toBe('a');
    expect(exactMatch('pf3x9', [DEVICES[0]])).toBeNull();
    expect(exactMatch('pf3x9k2l', DEVICES.slice(0, 2))).toBeNull();
  });

  it('shows sign-in address, serial and "No person assigned" in the results', async () => {
    fakeBackend({ search_devices: () => page(DEVICES) });
    render(Reset, { timing: { debounceMs: 5 } });
    await userEvent.type(screen.getByTestId('device-search'), 'zoe');
    await waitFor(() => expect(screen.getAllByTestId('device-result')).toHaveLength(4));
    const group = screen.getByTestId('person-group');
    expect(group.textContent).toContain('zoe.martin@contoso.example');
    expect(group.textContent).toContain('2 devices');
    expect(group.textContent).toContain('Serial PF3X9K2L');
    const people = screen.getAllByTestId('result-person').map((el) => el.textContent!.replace(/\s+/g, ' ').trim());
    expect(people).toEqual(['No person assigned', 'Zoë Martin · zoe.m@contoso.example']);
  });

  it('a serial typed in lower case opens its device without a click', async () => {
    fakeBackend({ search_devices: () => page([DEVICES[0]]), reset_status: () => ({ state: 'none' }) });
    render(Reset, { timing: { debounceMs: 5 } });
    await userEvent.type(screen.getByTestId('device-search'), 'pf3x9k2l');
    await screen.findByTestId('device-details');
  });

  it('the box has focus; ↓ walks the results, Enter opens, Esc goes back, Ctrl+N clears', async () => {
    fakeBackend({ search_devices: () => page(DEVICES), reset_status: () => ({ state: 'none' }) });
    render(Reset, { timing: { debounceMs: 5 } });
    const box = screen.getByTestId('device-search');
    await waitFor(() => expect(document.activeElement).toBe(box));
    await userEvent.keyboard('zoe');
    await waitFor(() => expect(screen.getAllByTestId('device-result')).toHaveLength(4));
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('Zoë’s Lumia');
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('Zoë’s iPhone');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByTestId('device-details')).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('device-details')).toBeNull());
    expect(document.activeElement?.textContent).toContain('Zoë’s iPhone');
    await userEvent.keyboard('{Control>}n{/Control}');
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.queryAllByTestId('device-result')).toHaveLength(0);
  });
});

describe('plain platform names', () => {
  it('names the platform as a person knows it, not the build', async () => {
    const { platformName } = await import('../src/lib/reset/platform');
    expect(platformName({ os: 'Windows', osVersion: '10.0.22631.4460', model: 'ThinkPad T14' })).toBe('Windows 11');
    expect(platformName({ os: 'Windows', osVersion: '10.0.19045.5131', model: 'EliteDesk' })).toBe('Windows 10');
    expect(platformName({ os: 'Windows', osVersion: '10.0.15063.0', model: 'Lumia 950' })).toBe('Windows 10 Mobile');
    expect(platformName({ os: 'iOS', osVersion: '18.1', model: 'iPhone 16' })).toBe('iPhone, iOS 18');
    expect(platformName({ os: 'iOS', osVersion: '17.6.1', model: 'iPad Air' })).toBe('iPad, iPadOS 17');
    expect(platformName({ os: 'Android', osVersion: '14', model: 'Pixel' })).toBe('Android 14');
  });
});

describe("the administrator's rules for the confirmation", () => {
  it('holds Yes back until the ticket is typed and the caller check is ticked', async () => {
    const { applyResetRules } = await import('../src/lib/reset/rules.svelte');
    applyResetRules({ requireTicket: true, requireCallerCheck: true });
    try {
      const backend = fakeBackend({
        search_devices: () => page([DEVICES[0]]),
        reset_status: () => ({ state: 'none' }),
        start_reset: () => ({ deviceId: 'a', startedAt: '2026-11-25T10:00:00Z', alreadyRunning: false, deviceName: 'PHONE', auditWarning: null }),
      });
      render(Reset, { timing: { debounceMs: 5, pollMs: 10 } });
      await userEvent.type(screen.getByTestId('device-search'), 'PF3X9K2L');
      await screen.findByTestId('device-details');
      await userEvent.click(screen.getByTestId('reset-button'));
      const yes = await screen.findByTestId('confirm-yes');
      expect(screen.getByTestId('confirm-person').textContent).toContain('zoe.martin@contoso.example');
      expect(yes).toHaveProperty('disabled', true);
      await userEvent.type(screen.getByTestId('confirm-ticket'), 'INC-1');
      expect(yes).toHaveProperty('disabled', true);
      await userEvent.click(screen.getByTestId('caller-checked'));
      expect(yes).toHaveProperty('disabled', false);
      await userEvent.click(yes);
      await waitFor(() => expect(backend.calls('start_reset')).toHaveLength(1));
      expect(backend.calls('start_reset')[0][1]).toMatchObject({ ticket: 'INC-1' });
    } finally {
      applyResetRules(undefined);
    }
  });
});
