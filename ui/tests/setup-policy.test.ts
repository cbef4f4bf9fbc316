import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Policy from '../src/views/Policy.svelte';
import { SetupStore } from '../src/lib/setup/setup.svelte';
import type { GroupChoice } from '../src/lib/setup/types';
import { deferred, deployment, fakeBackend, overview, sentence } from './backend';
import { flushPromises } from './timers';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

const fast = () => new SetupStore({ debounceMs: 5 });
const group = (id: string, name: string): GroupChoice => ({ id, name, description: null, kind: 'security', memberCount: 3 });

describe('policy step', () => {
  it('creates the profile once when none exists, then shows it', async () => {
    let created = false;
    const backend = fakeBackend({
      setup_overview: () => {
        const o = overview(false);
        if (created) {
          o.policy = { ...o.policy, state: 'done', profile: { id: 'p-1', name: 'Windows Hello PIN recovery' } };
        }
        return o;
      },
      ensure_policy: () => {
        created = true;
        return { profile: { id: 'p-1', name: 'Windows Hello PIN recovery' }, created: true, omaUri: 'x', problems: [] };
      },
      deployment_status: () => deployment(),
    });
    render(Policy, { store: fast() });
    await userEvent.click(await screen.findByTestId('create-policy'));
    expect((await screen.findByTestId('policy-notice')).textContent).toMatch(/Created the profile/);
    await screen.findByTestId('policy-profile');
    expect(screen.queryByTestId('create-policy')).toBeNull();
    expect(backend.calls('ensure_policy')).toHaveLength(1);
  });

  it('reuses an existing profile instead of offering to create a second one', async () => {
    fakeBackend({ setup_overview: () => overview(true), deployment_status: () => deployment() });
    render(Policy, { store: fast() });
    expect((await screen.findByTestId('policy-profile')).textContent).toMatch(/Windows Hello PIN recovery/);
    expect(screen.queryByTestId('create-policy')).toBeNull();
  });

  it('points out a profile that sets the value to false or carries another tenant', async () => {
    const o = overview(false);
    o.policy.problems = [
      { profile: { id: 'x', name: 'Old' }, kind: 'valueFalse', omaUri: 'u' },
      { profile: { id: 'y', name: 'Copied' }, kind: 'otherTenant', omaUri: 'v' },
    ];
    fakeBackend({ setup_overview: () => o });
    render(Policy, { store: fast() });
    const problems = await screen.findAllByTestId('policy-problem');
    expect(problems.map((p) => p.dataset.kind)).toEqual(['valueFalse', 'otherTenant']);
  });

  it('searches groups after a pause and drops a slower earlier answer', async () => {
    const slow = deferred<unknown>();
    const backend = fakeBackend({
      setup_overview: () => overview(true),
      deployment_status: () => deployment(),
      search_groups: (args) => (args?.text === 'pi' ? slow.promise : [group('g-new', 'Pilot users')]),
    });
    render(Policy, { store: fast() });
    const box = await screen.findByTestId('group-search');
    await userEvent.type(box, 'pi');
    await waitFor(() => expect(backend.calls('search_groups')).toHaveLength(1));
    await userEvent.type(box, 'l');
    await screen.findByText('Pilot users');
    expect(screen.getByTestId('group-kind').textContent).toMatch(/Security group · 3 members/);
    slow.resolve([group('g-old', 'Pizza club')]);
    await flushPromises(); // the late answer has arrived and been handled
    expect(screen.queryByText('Pizza club')).toBeNull();
    expect(screen.getAllByTestId('group-result')).toHaveLength(1);
  });

  it('assigns the chosen group, keeps what was there, and says so', async () => {
    let assigned = false;
    const backend = fakeBackend({
      setup_overview: () => {
        const o = overview(true);
        if (assigned) o.assignment.assignments = [...o.assignment.assignments, { kind: 'group', groupId: 'g-new', target: sentence('group', { name: 'Pilot users' }), key: 'key-new' }];
        return o;
      },
      deployment_status: () => deployment(),
      search_groups: () => [group('g-new', 'Pilot users')],
      assign_policy: () => {
        assigned = true;
        return [
          { kind: 'group', groupId: 'g-pilot', target: sentence('group', { name: 'Pilot' }), key: 'k-pilot' },
          { kind: 'group', groupId: 'g-new', target: sentence('group', { name: 'Pilot users' }), key: 'k-new' },
        ];
      },
    });
    render(Policy, { store: fast() });
    await userEvent.type(await screen.findByTestId('group-search'), 'pil');
    await userEvent.click(await screen.findByTestId('group-result'));
    await userEvent.click(screen.getByTestId('assign-button'));
    expect((await screen.findByTestId('assign-notice')).textContent).toMatch(/Every earlier assignment was kept/);
    expect(backend.calls('assign_policy')).toEqual([
      // The set the window showed goes with it, so a change made meanwhile is not replaced.
      ['assign_policy', { policyId: 'profile-1', target: { kind: 'group', groupId: 'g-new' }, shown: ['key-pilot'] }],
    ]);
    await waitFor(() => expect(screen.getAllByTestId('assignment-item')).toHaveLength(2));
  });

  it('warns before assigning to all devices', async () => {
    fakeBackend({ setup_overview: () => overview(true), deployment_status: () => deployment() });
    render(Policy, { store: fast() });
    await userEvent.click(await screen.findByTestId('choose-all-devices'));
    expect(screen.getByTestId('broad-warning').textContent).toMatch(/every managed device/);
    expect(screen.getByTestId('assign-button').textContent).toMatch(/All devices/);
  });

  it('says plainly that the role is missing when Intune refuses the change', async () => {
    fakeBackend({
      setup_overview: () => overview(true),
      deployment_status: () => deployment(),
      assign_policy: () => {
        throw { kind: 'roleMissing', message: 'Your account does not have the Intune role this needs.' };
      },
    });
    render(Policy, { store: fast() });
    await userEvent.click(await screen.findByTestId('choose-all-users'));
    await userEvent.click(screen.getByTestId('assign-button'));
    expect((await screen.findByTestId('role-missing')).textContent).toMatch(/Policy and Profile Manager/);
  });

  it('shows the counts and highlights devices with errors', async () => {
    fakeBackend({ setup_overview: () => overview(true), deployment_status: () => deployment() });
    render(Policy, { store: fast() });
    expect((await screen.findByTestId('count-succeeded')).textContent).toBe('3');
    const rows = screen.getAllByTestId('device-status-row');
    expect(rows[0].dataset.status).toBe('error');
    expect(rows[0].className).toMatch(/attention/);
    expect(rows[1].className).not.toMatch(/attention/);
  });
});
