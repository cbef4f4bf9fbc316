import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Reset from '../src/views/Reset.svelte';
import { api } from '../src/lib/api';
import { TIMING } from '../src/lib/reset/reset.svelte';
import { deferred, device, eligibility, fakeBackend, page, resetStatus } from './backend';
import { flushPromises, passTime, useFakeClock } from './timers';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

afterEach(() => vi.useRealTimers());

const search = () => screen.getByTestId('device-search');

describe('device search', () => {
  // On the fake clock a burst of keys takes no time at all, however busy the machine is.
  it('waits for a pause in typing: fast typing makes one call', async () => {
    const user = useFakeClock();
    const backend = fakeBackend({ search_devices: () => page([device()]) });
    render(Reset);
    expect(screen.getByLabelText("Person's name, sign-in address, device name or serial number")).toBe(search());
    await user.type(search(), 'PHONE-00');
    await passTime(TIMING.debounceMs - 1);
    expect(backend.calls('search_devices')).toHaveLength(0); // the burst has not ended yet
    await passTime(1);
    expect(backend.calls('search_devices')).toEqual([['search_devices', { query: 'PHONE-00' }]]);
    expect(screen.getByTestId('device-result')).toBeTruthy();
    expect(screen.getByTestId('search-status').textContent).toBe('1 device found');
  });

  it('asks at once for a key typed after a pause, as people type', async () => {
    const user = useFakeClock();
    const backend = fakeBackend({ search_devices: () => page([device()]) });
    render(Reset, { timing: { debounceMs: 400 } });
    await user.type(search(), 'PHONE-0');
    await passTime(400);
    expect(backend.calls('search_devices')).toHaveLength(1);
    await passTime(450); // the person pauses, longer than a burst's gap
    await user.type(search(), '0');
    await passTime(0); // no time passes: not the 400 ms a burst waits
    expect(backend.calls('search_devices')).toHaveLength(2);
    expect(backend.calls('search_devices')[1]).toEqual(['search_devices', { query: 'PHONE-00' }]);
  });

  it('needs two characters before it asks', async () => {
    const user = useFakeClock();
    const backend = fakeBackend({ search_devices: () => page([]) });
    render(Reset, { timing: { debounceMs: 5 } });
    await user.type(search(), 'P');
    await passTime(1_000); // far longer than any debounce
    expect(backend.calls('search_devices')).toHaveLength(0);
    expect(screen.getByTestId('search-status').textContent).toMatch(/at least 2 characters/);
  });

  it('says Searching… while it asks, then what was searched and what to try', async () => {
    const answer = deferred<unknown>();
    fakeBackend({ search_devices: () => answer.promise });
    render(Reset, { timing: { debounceMs: 5 } });
    await userEvent.type(search(), 'nobody');
    await waitFor(() => expect(screen.getByTestId('search-status').textContent).toBe('Searching…'));
    expect(screen.getByTestId('search-status').getAttribute('aria-live')).toBe('polite');
    answer.resolve(page([]));
    await waitFor(() => expect(screen.getByTestId('search-status').textContent).toBe('Nothing found for “nobody”.'));
    expect(screen.getByTestId('search-none-help').textContent).toMatch(/device names, people's names and sign-in addresses, and serial numbers/);
    expect(screen.getByTestId('search-none-help').textContent).toMatch(/first or last name/);
    expect(screen.queryByTestId('device-result')).toBeNull();
  });

  it('drops a slower earlier answer that arrives after a newer one', async () => {
    const slow = deferred<unknown>();
    const backend = fakeBackend({
      search_devices: (args) =>
        args?.query === 'ph' ? slow.promise : page([device({ id: 'new', name: 'PHONE-NEW' })]),
    });
    render(Reset, { timing: { debounceMs: 5 } });
    await userEvent.type(search(), 'ph');
    await waitFor(() => expect(backend.calls('search_devices')).toHaveLength(1));
    await userEvent.type(search(), 'o');
    await screen.findByText('PHONE-NEW');
    slow.resolve(page([device({ id: 'old', name: 'PHONE-OLD' })]));
    await flushPromises(); // the late answer has arrived and been handled
    expect(screen.queryByText('PHONE-OLD')).toBeNull();
    expect(screen.getAllByTestId('device-result')).toHaveLength(1);
    expect(screen.getByTestId('search-status').textContent).toBe('1 device found');
  });

  it('renders odd device names as text, never as markup', async () => {
    const odd = `<img src=x onerror="alert(1)"> "Ada's" 📱 هاتف‎ &amp;`;
    fakeBackend({ search_devices: () => page([device({ name: odd, user: 'أحمد@contoso.example' })]) });
    render(Reset, { timing: { debounceMs: 5 } });
    await userEvent.type(search(), 'ada');
    const result = await screen.findByTestId('device-result');
    expect(result.querySelector('.name')!.textContent).toBe(odd);
    expect(result.textContent).toContain('أحمد@contoso.example');
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows person, model, the plain platform name, last check-in and the eligibility headline', async () => {
    fakeBackend({ search_devices: () => page([device()]) });
    render(Reset, { timing: { debounceMs: 5 } });
    await userEvent.type(search(), 'grace');
    const result = await screen.findByTestId('device-result');
    expect(result.textContent).toContain('grace@contoso.example');
    expect(result.textContent).toContain('Lumia 950');
    expect(result.textContent).toContain('Windows 10 Mobile');
    expect(result.querySelector('[title="10.0.15063.0"]')).toBeTruthy();
    expect(result.textContent).toMatch(/Last check-in: 3 days ago/);
    expect(screen.getByTestId('eligibility').textContent!.trim()).toBe('A new passcode can be generated');
  });

  it('shows a search error from the error catalogue, with its details', async () => {
    fakeBackend({
      search_devices: () => {
        throw { kind: 'throttled', detail: 'HTTP 429; request-id 42', retryAfterSeconds: 12 };
      },
    });
    render(Reset, { timing: { debounceMs: 5 } });
    await userEvent.type(search(), 'ph');
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('.message')!.textContent).toBe(
      'Microsoft is getting too many requests from your organisation right now.',
    );
    expect(screen.getByTestId('error-next').textContent).toContain('Microsoft asked to wait 12 seconds.');
    expect(screen.getByTestId('error-detail').textContent).toBe('HTTP 429; request-id 42');
  });

  it('self-service devices show the steps and no reset button', async () => {
    const selfService = { ...eligibility('selfService'), warnings: [{ key: 'stale' as const, values: { days: '40' } }] };
    fakeBackend({ search_devices: () => page([device({ name: 'LAPTOP-7', eligibility: selfService })]) });
    render(Reset, { timing: { debounceMs: 5 } });
    await userEvent.type(search(), 'laptop');
    await userEvent.click(await screen.findByTestId('device-result'));
    const steps = screen.getByTestId('self-service-steps');
    expect(steps.tagName).toBe('OL');
    const items = [...steps.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(4);
    expect(items[0]).toBe('On the sign-in screen, under the PIN box, select "I forgot my PIN".');
    expect(items.join(' ')).not.toMatch(/dsregcmd|`/);
    expect(screen.getByTestId('explanation').textContent).toMatch(/^Intune cannot generate a passcode for a Windows 10 or 11 computer\./);
    expect(screen.getByTestId('warnings').textContent).toContain('has not checked in for 40 days');
    expect(screen.queryByTestId('reset-button')).toBeNull();
    expect(screen.queryByLabelText(/Ticket number/)).toBeNull();
  });

  it('devices where it is not possible show why, with no reset button', async () => {
    fakeBackend({ search_devices: () => page([device({ eligibility: eligibility('notPossible') })]) });
    render(Reset, { timing: { debounceMs: 5 } });
    await userEvent.type(search(), 'ph');
    await userEvent.click(await screen.findByTestId('device-result'));
    expect(screen.getByTestId('explanation').textContent).toMatch(/^Intune can generate a new passcode only for a phone joined to Microsoft Entra ID\./);
    expect(screen.queryByTestId('reset-button')).toBeNull();
    expect(screen.queryByTestId('self-service-steps')).toBeNull();
  });
});

describe('reset commands in api.ts', () => {
  it('passes camelCase args, as the Rust side reads them', async () => {
    const backend = fakeBackend({
      search_devices: () => page([device()]),
      more_devices: () => page([device()]),
      start_reset: () => ({
        deviceId: 'dev-1',
        startedAt: '2026-11-25T10:00:00Z',
        alreadyRunning: false,
        deviceName: null,
        auditWarning: null,
      }),
      reset_status: () => resetStatus(),
      open_admin_center: () => null,
      copy_passcode: () => ({ clearAfterSeconds: 60 }),
    });
    await api.searchDevices('ab');
    await api.moreDevices('ab', 'next');
    await api.startReset('dev-1', null, "O'Brien's phone");
    await api.resetStatus('dev-1', 'T');
    await api.openAdminCenter('dev-1');
    await api.copyPasscode('dev-1', 'T');
    expect(backend.calls('search_devices')).toEqual([['search_devices', { query: 'ab' }]]);
    expect(backend.calls('more_devices')).toEqual([['more_devices', { query: 'ab', more: 'next' }]]);
    expect(backend.calls('start_reset')).toEqual([
      ['start_reset', { deviceId: 'dev-1', ticket: null, deviceName: "O'Brien's phone" }],
    ]);
    expect(backend.calls('reset_status')).toEqual([['reset_status', { deviceId: 'dev-1', since: 'T' }]]);
    expect(backend.calls('open_admin_center')).toEqual([['open_admin_center', { deviceId: 'dev-1' }]]);
    expect(backend.calls('copy_passcode')).toEqual([['copy_passcode', { deviceId: 'dev-1', since: 'T' }]]);
  });
});
