import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import App from '../src/App.svelte';
import userEvent from '@testing-library/user-event';
import { device, eligibility, fakeBackend, overview, page, resetStatus, session } from './backend';
import { flushPromises } from './timers';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

describe('setup as the app starts', () => {
  it('takes helpdesk staff to the search with the box focused; setup sits behind its entry', async () => {
    fakeBackend({ restore_session: () => session('helpdesk'), setup_overview: () => overview(true) });
    render(App);
    await screen.findByTestId('view-reset');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('device-search')));
    expect(screen.queryByTestId('step-reset')).toBeNull();
    await userEvent.click(screen.getByTestId('open-setup'));
    await screen.findByTestId('step-done-consent');
    expect(screen.getByTestId('step-done-policy')).toBeTruthy();
    expect(screen.queryByTestId('setup-unfinished')).toBeNull();
  });

  it('says setup is unfinished only on a PC, where it matters, not as a banner', async () => {
    const pc = device({ id: 'pc', name: 'NW-LT-0117', eligibility: eligibility('selfService') });
    const phone = device({ id: 'phone', name: 'PHONE-1' });
    const backend = fakeBackend({
      restore_session: () => session('helpdesk'),
      setup_overview: () => overview(false),
      search_devices: () => page([pc, phone]),
      reset_status: () => resetStatus({ state: 'none' }),
    });
    render(App);
    await screen.findByTestId('view-reset');
    // The overview (setup unfinished) is read after the first screen; once its answer is in,
    // there is still no banner.
    await waitFor(() => expect(backend.calls('setup_overview')).toHaveLength(1));
    await flushPromises();
    expect(screen.queryByTestId('setup-unfinished')).toBeNull();
    await userEvent.type(screen.getByTestId('device-search'), 'NW');
    await userEvent.click((await screen.findAllByTestId('device-result'))[1]);
    await screen.findByTestId('device-details');
    expect(screen.queryByTestId('setup-unfinished')).toBeNull();
    await userEvent.click(screen.getByTestId('close-device'));
    await userEvent.click((await screen.findAllByTestId('device-result'))[0]);
    expect((await screen.findByTestId('setup-unfinished')).textContent).toMatch(/PIN recovery has not reached this PC/);
  });

  it('says nothing when the overview cannot be read, and the reset job still works', async () => {
    const backend = fakeBackend({ restore_session: () => session('helpdesk') });
    render(App);
    await screen.findByTestId('view-reset');
    // The overview is asked for after the first screen, and fails; once that failure is in:
    await waitFor(() => expect(backend.calls('setup_overview')).toHaveLength(1));
    await flushPromises();
    expect(screen.queryByTestId('setup-unfinished')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('device-search')).toBeTruthy());
  });
});
