import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import App from '../src/App.svelte';
import { fakeBackend, overview, session } from './backend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

describe('setup as the app starts', () => {
  it('takes helpdesk staff straight to the reset job when everything is done, steps marked done', async () => {
    fakeBackend({ restore_session: () => session('helpdesk'), setup_overview: () => overview(true) });
    render(App);
    await screen.findByTestId('view-reset');
    await screen.findByTestId('step-done-consent');
    expect(screen.getByTestId('step-done-policy')).toBeTruthy();
    expect(screen.queryByTestId('setup-unfinished')).toBeNull();
  });

  it('tells helpdesk staff when setup is unfinished, without leaving the reset job', async () => {
    fakeBackend({ restore_session: () => session('helpdesk'), setup_overview: () => overview(false) });
    render(App);
    await screen.findByTestId('view-reset');
    expect((await screen.findByTestId('setup-unfinished')).textContent).toMatch(/not finished/);
    expect(screen.queryByTestId('step-done-consent')).toBeNull();
  });

  it('says nothing when the overview cannot be read, and the reset job still works', async () => {
    fakeBackend({ restore_session: () => session('helpdesk') });
    render(App);
    await screen.findByTestId('view-reset');
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('setup-unfinished')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('device-search')).toBeTruthy());
  });
});
