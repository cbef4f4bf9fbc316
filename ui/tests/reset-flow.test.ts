import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Reset from '../src/views/Reset.svelte';
import { TIMING } from '../src/lib/reset/reset.svelte';
import { MAX_FAILURE_BACKOFF_MS, POLL_GAPS } from '../src/lib/reset/poll-schedule.js';
import { deferred, device, fakeBackend, page, resetStatus, type Handler } from './backend';
import { flushPromises, passTime, useFakeClock } from './timers';
import type { ResetStatus } from '../src/lib/api';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

afterEach(() => vi.useRealTimers());

const STARTED = {
  deviceId: 'dev-1',
  startedAt: '2026-11-25T10:00:00Z',
  alreadyRunning: false,
  deviceName: 'PHONE-0042',
  auditWarning: null,
};
const VALID_UNTIL = '2026-12-02T10:00:00Z';
/** Longer than a watch ever waits between two reads (the schedule's widest gap, or the longest
 * back-off after failed reads), on the window's own schedule: if no read comes in this long
 * on the fake clock, none is coming. */
const QUIET_MS = Math.max(MAX_FAILURE_BACKOFF_MS, ...POLL_GAPS.map((step) => step.gapMs)) + 1;
/** The first status read comes this long after the reset went out. */
const FIRST_READ_MS = POLL_GAPS[0].gapMs;

type Clicks = { click: (element: Element) => Promise<void> };

/** Status reads of the reset this test sent (not the read of earlier resets on opening). */
const watched = (backend: ReturnType<typeof fakeBackend>) =>
  backend.calls('reset_status').filter(([, args]) => (args as { since: string }).since === STARTED.startedAt);

/** The Rust side for one device: `reset_status` answers the reset the test sends; `earlier`
 * answers the read of earlier resets when the device opens. */
function deviceBackend(handlers: Record<string, Handler>, earlier: Handler) {
  const watch = handlers.reset_status ?? (() => resetStatus());
  return fakeBackend({
    search_devices: () => page([device()]),
    start_reset: () => STARTED,
    open_admin_center: () => null,
    copy_passcode: () => ({ clearAfterSeconds: 60 }),
    ...handlers,
    reset_status: (args) => ((args as { since: string }).since === STARTED.startedAt ? watch(args) : earlier(args)),
  });
}

/**
 * Renders the view with short waits, finds the device and opens it. `reset_status` answers the
 * reset the test sends; `earlier` answers the read of earlier resets when the device opens.
 */
async function openDevice(
  handlers: Record<string, Handler> = {},
  earlier: Handler = () => resetStatus({ state: 'none' }),
) {
  const backend = deviceBackend(handlers, earlier);
  const view = render(Reset, { timing: { debounceMs: 5, pollScale: 0.01 } });
  await userEvent.type(screen.getByTestId('device-search'), 'phone');
  await userEvent.click(await screen.findByTestId('device-result'));
  await waitFor(() => expect(backend.calls('reset_status').length).toBeGreaterThan(0));
  return { backend, view };
}

/**
 * openDevice on the fake clock (see timers.ts), for tests about what happens over time: the
 * status reads, the passcode's idle and hidden times all keep the window's own pace, and the
 * test moves time with passTime. Returns the user-event to act with.
 */
async function openDeviceOnClock(handlers: Record<string, Handler> = {}) {
  const user = useFakeClock();
  const backend = deviceBackend(handlers, () => resetStatus({ state: 'none' }));
  const view = render(Reset);
  await user.type(screen.getByTestId('device-search'), 'phone');
  await passTime(TIMING.debounceMs);
  await user.click(screen.getByTestId('device-result'));
  await passTime(0);
  expect(backend.calls('reset_status')).toHaveLength(1); // the read of earlier resets
  return { backend, view, user };
}

async function confirmReset(user: Clicks = userEvent) {
  await user.click(screen.getByTestId('reset-button'));
  await user.click(screen.getByTestId('confirm-yes'));
}

/** reset_status answers whatever `current` says when asked. */
function scripted(first: Partial<ResetStatus>) {
  const state = { current: resetStatus(first) };
  return { state, handler: () => state.current };
}

describe('confirmation', () => {
  it('names the device, moves focus into it and sends one reset for a double click', async () => {
    const sent = deferred<unknown>();
    const { backend } = await openDevice({
      start_reset: () => sent.promise,
      reset_status: () => resetStatus(),
    });
    await userEvent.type(screen.getByLabelText(/Ticket number/), ' INC-1234 ');
    await userEvent.click(screen.getByTestId('reset-button'));
    const dialog = screen.getByRole('dialog');
    expect(dialog.dataset.testid).toBe('confirm-reset');
    expect(dialog.contains(document.activeElement)).toBe(true);
    for (const text of ['PHONE-0042', 'SN-7781', 'grace@contoso.example', '3 days ago', 'INC-1234']) {
      expect(dialog.textContent).toContain(text);
    }
    const yes = screen.getByTestId('confirm-yes') as HTMLButtonElement;
    expect(yes.textContent!.trim()).toBe('Yes, reset the passcode');
    await fireEvent.click(yes);
    await fireEvent.click(yes);
    await userEvent.dblClick(yes);
    expect(yes.disabled).toBe(true);
    expect(backend.calls('start_reset')).toEqual([['start_reset', { deviceId: 'dev-1', ticket: 'INC-1234', deviceName: 'PHONE-0042' }]]);
    sent.resolve(STARTED);
    await waitFor(() => expect(screen.queryByTestId('confirm-reset')).toBeNull());
    expect(await screen.findByText('Sent. Waiting for the device to pick it up…')).toBeTruthy();
    expect(screen.queryByTestId('reset-button')).toBeNull();
    expect(backend.calls('start_reset')).toHaveLength(1);
  });

  it('Escape answers No: nothing is sent and focus goes back to the button', async () => {
    const { backend } = await openDevice();
    await userEvent.click(screen.getByTestId('reset-button'));
    expect(document.activeElement).toBe(screen.getByTestId('confirm-no'));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByTestId('confirm-yes')); // Tab stays inside
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('confirm-reset')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('reset-button'));
    await userEvent.click(screen.getByTestId('reset-button'));
    await userEvent.click(screen.getByTestId('confirm-no'));
    expect(screen.queryByTestId('confirm-reset')).toBeNull();
    expect(backend.calls('start_reset')).toHaveLength(0);
  });

  it('an error from start_reset shows its words with details and the admin center', async () => {
    const { backend } = await openDevice({
      start_reset: () => {
        throw { kind: 'roleMissing', detail: 'code 403, request-id r-9' };
      },
    });
    await confirmReset();
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('.message')!.textContent).toBe('Your account does not have the Intune role this needs.');
    expect(screen.getByTestId('error-detail').closest('details')!.open).toBe(false);
    await userEvent.click(screen.getByTestId('open-admin-center'));
    expect(backend.calls('open_admin_center')).toEqual([['open_admin_center', { deviceId: 'dev-1' }]]);
    expect(watched(backend)).toHaveLength(0);
  });
});

describe('after Yes', () => {
  it('shows progress, then the passcode hidden until Show, grouped and spelled out; then reads no more', async () => {
    const { state, handler } = scripted({ state: 'pending' });
    const { backend, user } = await openDeviceOnClock({ reset_status: handler });
    await confirmReset(user);
    await passTime(0);
    const progress = screen.getByTestId('progress-text');
    expect(progress.getAttribute('aria-live')).toBe('polite');
    // The first status read comes a second after the reset went out.
    await passTime(FIRST_READ_MS - 1);
    expect(watched(backend)).toHaveLength(0);
    await passTime(1);
    expect(watched(backend)).toEqual([['reset_status', { deviceId: 'dev-1', since: STARTED.startedAt }]]);
    expect(progress.textContent).toBe('Sent. Waiting for the device to pick it up…');
    state.current = resetStatus({ state: 'active' });
    await passTime(QUIET_MS);
    expect(screen.getByTestId('progress-text').textContent).toMatch(/picked it up/);
    state.current = resetStatus({ state: 'done', passcode: '583920', validUntil: VALID_UNTIL });
    await passTime(QUIET_MS);
    expect(screen.getByTestId('passcode-panel')).toBeTruthy();
    expect(screen.queryByTestId('passcode')).toBeNull();
    expect(document.body.textContent).not.toContain('583');
    const valid = screen.getByTestId('valid-until').textContent!;
    expect(valid).toContain('Valid until');
    expect(valid).toContain(String(new Date(VALID_UNTIL).getFullYear()));

    await user.click(screen.getByTestId('show-passcode'));
    expect(screen.getByTestId('passcode').textContent).toBe('583 920');
    await user.click(screen.getByTestId('spell-out'));
    expect(screen.getByTestId('spelled').textContent).toBe('five eight three — nine two zero');

    await user.click(screen.getByTestId('copy-passcode'));
    expect(backend.calls('copy_passcode')).toEqual([['copy_passcode', { deviceId: 'dev-1', since: STARTED.startedAt }]]);
    await passTime(0);
    expect(screen.getByText('Copied — the clipboard is cleared in 60 seconds')).toBeTruthy();

    const asked = watched(backend).length;
    await passTime(QUIET_MS);
    expect(watched(backend)).toHaveLength(asked); // done: no more polling
  });

  it('Stop watching only stops watching; Check again reads the status again, at once', async () => {
    const { backend, user } = await openDeviceOnClock({ reset_status: () => resetStatus({ state: 'pending' }) });
    await confirmReset(user);
    await passTime(FIRST_READ_MS);
    expect(watched(backend)).toHaveLength(1);
    await user.click(screen.getByTestId('stop-watching'));
    expect(screen.getByTestId('progress-text').textContent).toMatch(/Stopped watching/);
    await passTime(QUIET_MS);
    expect(watched(backend)).toHaveLength(1);
    await user.click(screen.getByTestId('check-again'));
    await passTime(0);
    expect(watched(backend)).toHaveLength(2);
    expect(backend.calls('start_reset')).toHaveLength(1);
  });

  it('closing the view while it watches a reset sends no more reads', async () => {
    const { backend, view, user } = await openDeviceOnClock({ reset_status: () => resetStatus({ state: 'pending' }) });
    await confirmReset(user);
    await passTime(FIRST_READ_MS);
    expect(watched(backend)).toHaveLength(1);
    view.unmount();
    await passTime(QUIET_MS);
    expect(watched(backend)).toHaveLength(1);
  });

  it('failure shows the reason in plain words and the admin center button', async () => {
    const { backend } = await openDevice({
      reset_status: () =>
        resetStatus({
          state: 'failed',
          reasonKey: 'failed',
          detail: 'device dev-1; error code -2016281112',
        }),
    });
    await confirmReset();
    expect((await screen.findByTestId('failure-reason')).textContent).toMatch(/^The device could not set a new passcode\./);
    expect(screen.getByTestId('reset-failure').querySelector('h3, p')!.textContent).not.toMatch(/-2016281112/);
    expect(screen.getByTestId('failure-detail').closest('details')).toBeTruthy();
    expect(screen.getByTestId('failure-detail').textContent).toContain('error code -2016281112');
    await userEvent.click(screen.getByTestId('open-admin-center'));
    expect(backend.calls('open_admin_center')).toEqual([['open_admin_center', { deviceId: 'dev-1' }]]);
  });

  it('a failed status check shows the error and keeps watching, sending nothing again', async () => {
    let calls = 0;
    const { backend } = await openDevice({
      reset_status: () => {
        calls += 1;
        if (calls === 1) throw { kind: 'network', message: 'PinDesk cannot reach Microsoft.', detail: 'timeout' };
        return resetStatus({ state: 'done', passcode: '583920', validUntil: VALID_UNTIL });
      },
    });
    await confirmReset();
    await screen.findByTestId('passcode-panel');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(backend.calls('start_reset')).toHaveLength(1);
  });

  it('a state Intune reports that PinDesk does not know ends the watch and says to check the device', async () => {
    const { backend, user } = await openDeviceOnClock({
      reset_status: () => resetStatus({ state: 'unknown', reasonKey: 'unknown' }),
    });
    await confirmReset(user);
    await passTime(FIRST_READ_MS);
    expect(watched(backend)).toHaveLength(1);
    expect(screen.getByTestId('failure-reason').textContent).toMatch(/does not know\. Check the device/);
    await passTime(QUIET_MS);
    expect(backend.calls('reset_status')).toHaveLength(2); // the earlier resets' read and that one
  });

  it('notSupported without a reason still says why', async () => {
    await openDevice({ reset_status: () => resetStatus({ state: 'notSupported' }) });
    await confirmReset();
    expect((await screen.findByTestId('failure-reason')).textContent).toMatch(/does not support/);
  });
});

describe('the passcode leaves', () => {
  const done = () => resetStatus({ state: 'done', passcode: '583920', validUntil: VALID_UNTIL });

  /** On the fake clock: the reset's passcode arrives and the person shows it. */
  async function shown() {
    const opened = await openDeviceOnClock({ reset_status: done });
    await confirmReset(opened.user);
    await passTime(FIRST_READ_MS);
    await opened.user.click(screen.getByTestId('show-passcode'));
    expect(screen.getByTestId('passcode').textContent).toBe('583 920');
    return opened;
  }

  it('when the device is closed', async () => {
    const { user } = await shown();
    await user.click(screen.getByTestId('close-device'));
    expect(document.body.textContent).not.toContain('583');
    expect(screen.queryByTestId('passcode-panel')).toBeNull();
  });

  it('when a new search starts', async () => {
    const { user } = await shown();
    await user.type(screen.getByTestId('device-search'), 'x');
    expect(document.body.textContent).not.toContain('583');
  });

  it('when the view closes, and watching stops', async () => {
    const { backend, view } = await shown();
    view.unmount();
    expect(document.body.textContent).not.toContain('583');
    const asked = watched(backend).length;
    await passTime(QUIET_MS);
    expect(watched(backend)).toHaveLength(asked);
  });

  it('after the idle time', async () => {
    await shown();
    await passTime(TIMING.idleMs - 1);
    expect(screen.getByTestId('passcode').textContent).toBe('583 920');
    await passTime(1);
    expect(screen.queryByTestId('passcode')).toBeNull();
    expect(document.body.textContent).not.toContain('583');
    expect(screen.getByTestId('failure-reason').textContent).toMatch(/10 minutes without activity/);
  });
});

describe('coming back to a device', () => {
  const EARLIER_START = '2026-11-24T09:00:00Z';

  it('reads a passcode issued in the last seven days from Intune again, hidden until Show', async () => {
    const { backend } = await openDevice({}, () =>
      resetStatus({ state: 'done', passcode: '271828', startedAt: EARLIER_START, validUntil: VALID_UNTIL }),
    );
    const heading = await screen.findByTestId('earlier-reset');
    expect(heading.textContent).toContain(String(new Date(EARLIER_START).getFullYear()));
    const [, args] = backend.calls('reset_status')[0] as [string, { deviceId: string; since: string }];
    const since = new Date(args.since).getTime();
    expect(Math.abs(Date.now() - 7 * 24 * 3600 * 1000 - since)).toBeLessThan(60_000);
    expect(document.body.textContent).not.toContain('271');
    expect(screen.queryByTestId('reset-button')).toBeNull();
    await userEvent.click(screen.getByTestId('show-passcode'));
    expect(screen.getByTestId('passcode').textContent).toBe('271 828');
    expect(backend.calls('start_reset')).toHaveLength(0);
  });

  it('offers a new reset after an earlier one, which asks for confirmation again', async () => {
    const { backend } = await openDevice({}, () =>
      resetStatus({ state: 'done', passcode: '271828', startedAt: EARLIER_START, validUntil: VALID_UNTIL }),
    );
    await userEvent.click(await screen.findByTestId('reset-again'));
    expect(screen.queryByTestId('passcode-panel')).toBeNull();
    expect(screen.getByTestId('confirm-reset')).toBeTruthy();
    expect(backend.calls('start_reset')).toHaveLength(0);
  });

  it('says plainly when an earlier reset failed, and still allows a new one', async () => {
    await openDevice({}, () =>
      resetStatus({ state: 'failed', startedAt: EARLIER_START, reasonKey: 'failed' }),
    );
    expect((await screen.findByTestId('earlier-note')).textContent).toContain('The device could not set a new passcode.');
    expect(screen.getByTestId('reset-button')).toBeTruthy();
  });

  it('a reset still running elsewhere is followed, not sent again', async () => {
    let state: Partial<ResetStatus> = { state: 'active', startedAt: EARLIER_START };
    const { backend } = await openDevice({}, () => resetStatus(state));
    await screen.findByTestId('progress-text');
    state = { state: 'done', passcode: '161803', startedAt: EARLIER_START, validUntil: VALID_UNTIL };
    await screen.findByTestId('passcode-panel');
    expect(backend.calls('start_reset')).toHaveLength(0);
  });
});

describe('the passcode leaves when the window stays hidden', () => {
  it('after the hidden time, and not when it comes back sooner', async () => {
    const { user } = await openDeviceOnClock({
      reset_status: () => resetStatus({ state: 'done', passcode: '583920', validUntil: VALID_UNTIL }),
    });
    await confirmReset(user);
    await passTime(FIRST_READ_MS);
    await user.click(screen.getByTestId('show-passcode'));
    const hide = (hidden: boolean) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      hide(true);
      await passTime(TIMING.hiddenMs - 1);
      hide(false);
      await passTime(2 * TIMING.hiddenMs); // back in time: the hidden clock no longer runs
      expect(screen.getByTestId('passcode').textContent).toBe('583 920');
      hide(true);
      await passTime(TIMING.hiddenMs - 1);
      expect(screen.getByTestId('passcode').textContent).toBe('583 920');
      await passTime(1);
      expect(screen.queryByTestId('passcode')).toBeNull();
      expect(document.body.textContent).not.toContain('583');
    } finally {
      hide(false);
    }
  });
});

describe('search paging', () => {
  it('Show more adds the next page below and disappears on the last one', async () => {
    const backend = fakeBackend({
      search_devices: () => page([device({ id: 'a', name: 'PHONE-A' })], 'next-1'),
      more_devices: () => page([device({ id: 'b', name: 'PHONE-B' })]),
    });
    render(Reset, { timing: { debounceMs: 5 } });
    await userEvent.type(screen.getByTestId('device-search'), 'phone');
    await userEvent.click(await screen.findByTestId('more-results'));
    await screen.findByText('PHONE-B');
    expect(screen.getAllByTestId('device-result').map((r) => r.querySelector('.name')!.textContent)).toEqual([
      'PHONE-A',
      'PHONE-B',
    ]);
    expect(backend.calls('more_devices')).toEqual([['more_devices', { query: 'phone', more: 'next-1' }]]);
    expect(screen.queryByTestId('more-results')).toBeNull();
  });
});

describe('the focus follows what changed', () => {
  it('lands on the device when it opens, then on the passcode when it arrives', async () => {
    await openDevice({
      reset_status: () => resetStatus({ state: 'done', passcode: '583920', validUntil: VALID_UNTIL }),
    });
    expect(document.activeElement?.id).toBe('device-heading');
    await confirmReset();
    await screen.findByTestId('passcode-panel');
    await waitFor(() =>
      expect(screen.getByTestId('passcode-panel').contains(document.activeElement)).toBe(true),
    );
  });

  it('lands on the error when sending the reset fails', async () => {
    await openDevice({
      start_reset: () => {
        throw { kind: 'roleMissing', message: 'Your account may not reset passcodes.' };
      },
    });
    await confirmReset();
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });
});

describe('an earlier reset read while the person confirms a new one', () => {
  it('does not take over: the confirmed reset goes out', async () => {
    const earlier = deferred<unknown>();
    const { backend } = await openDeviceWithSlowEarlier(earlier.promise);
    await userEvent.click(screen.getByTestId('reset-button'));
    earlier.resolve(resetStatus({ state: 'done', passcode: '271828', validUntil: VALID_UNTIL }));
    await flushPromises(); // the earlier reset's answer has arrived and been handled
    await userEvent.click(screen.getByTestId('confirm-yes'));
    await waitFor(() => expect(backend.calls('start_reset')).toHaveLength(1));
    expect(screen.queryByTestId('earlier-reset')).toBeNull();
  });
});

async function openDeviceWithSlowEarlier(answer: Promise<unknown>) {
  const backend = fakeBackend({
    search_devices: () => page([device()]),
    start_reset: () => STARTED,
    reset_status: (args) =>
      (args as { since: string }).since === STARTED.startedAt ? resetStatus({ state: 'pending' }) : answer,
  });
  render(Reset, { timing: { debounceMs: 5, pollScale: 0.01 } });
  await userEvent.type(screen.getByTestId('device-search'), 'phone');
  await userEvent.click(await screen.findByTestId('device-result'));
  return { backend };
}
