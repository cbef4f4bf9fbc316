// The administrator's Policy step in German: no profile, created or reused, problem profiles,
// the group picker and every kind of target, the broad-target warning, deployment counts and
// device lines, the missing role and what cannot be seen. No English catalogue text is left.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Policy from '../src/views/Policy.svelte';
import { SetupStore } from '../src/lib/setup/setup.svelte';
import { choose } from '../src/lib/i18n';
import { deployment, fakeBackend } from './backend';
import { englishLeft } from './german';
import type { GroupChoice } from '../src/lib/setup/types';
import { keyed, PILOT, status, target } from './german-setup';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

const noEnglish = () => expect(englishLeft()).toEqual([]);

beforeEach(() => choose('de'));
afterEach(() => choose(null));

const fast = () => new SetupStore({ debounceMs: 5 });
const group = (id: string, name: string, memberCount: number | null): GroupChoice => ({
  id,
  name,
  description: null,
  kind: 'security',
  memberCount,
});

describe('the Policy step in German', () => {
  it('no profile yet, then created; or an existing one reused', async () => {
    let created = false;
    fakeBackend({
      setup_overview: () => keyed(created),
      ensure_policy: () => {
        created = true;
        return { profile: { id: 'profile-1', name: 'Windows Hello PIN recovery' }, created: true, omaUri: 'x', problems: [] };
      },
      deployment_status: () => deployment(),
    });
    render(Policy, { store: fast() });
    expect((await screen.findByTestId('create-policy')).textContent!.trim()).toBe('Profil erstellen');
    noEnglish();
    await userEvent.click(screen.getByTestId('create-policy'));
    expect((await screen.findByTestId('policy-notice')).textContent).toContain('wurde erstellt');
    expect((await screen.findByTestId('policy-profile')).textContent).toContain('PinDesk verwendet das Profil');
    await screen.findByTestId('deployment-counts');
    noEnglish();
  });

  it('an existing profile is reused, and other profiles and problem profiles are pointed out', async () => {
    const problem = (kind: 'valueFalse' | 'otherTenant' | 'notBoolean' | 'wrongPath', name: string) => ({
      profile: { id: `p-${kind}`, name },
      kind,
      omaUri: './Vendor/MSFT/Policy/x',
    });
    fakeBackend({
      setup_overview: () =>
        keyed(true, (o) => {
          o.policy.others = [{ id: 'p-2', name: 'PIN recovery (old)' }];
          o.policy.problems = [
            problem('valueFalse', 'Old'),
            problem('otherTenant', 'Kopie'),
            problem('notBoolean', 'Text'),
            problem('wrongPath', 'Path'),
          ];
        }),
      ensure_policy: () => ({ profile: { id: 'profile-1', name: 'Windows Hello PIN recovery' }, created: false, omaUri: 'x', problems: [] }),
      deployment_status: () => deployment(),
    });
    render(Policy, { store: fast() });
    expect((await screen.findByTestId('policy-others')).textContent).toContain('PIN recovery (old)');
    const problems = screen.getAllByTestId('policy-problem');
    expect(problems).toHaveLength(4);
    expect(problems[0].textContent).toContain('schaltet die PIN-Wiederherstellung aus');
    await screen.findByTestId('deployment-counts');
    noEnglish();
    await userEvent.click(screen.getByTestId('refresh-overview'));
    await waitFor(() => expect(screen.getByTestId('refresh-overview').textContent!.trim()).toBe('Erneut prüfen'));
    noEnglish();
  });

  it('the group picker, assigning, and every kind of target', async () => {
    let assigned = false;
    const others = [
      target('excludedGroup', 'Finance', { key: 'group', params: { name: 'Finance' } }),
      target('allDevices', 'All devices', { key: 'allDevices', params: {} }),
      target('group', 'a group that could not be read (g-9)', { key: 'unreadableGroup', params: { id: 'g-9' } }),
      target('other', 'Another kind of target (#x)', { key: 'otherTarget', params: { type: '#x' } }),
    ];
    fakeBackend({
      setup_overview: () =>
        keyed(true, (o) => {
          o.assignment.assignments = assigned ? [PILOT, ...others, target('group', 'Pilot users', { key: 'group', params: { name: 'Pilot users' } })] : [PILOT, ...others];
        }),
      deployment_status: () => deployment(),
      search_groups: () => [group('g-new', 'Pilot users', 3), group('g-one', 'Solo', 1)],
      assign_policy: () => {
        assigned = true;
        return [PILOT, ...others, target('group', 'Pilot users', { key: 'group', params: { name: 'Pilot users' } })];
      },
    });
    render(Policy, { store: fast() });
    await waitFor(() => expect(screen.getAllByTestId('assignment-item')).toHaveLength(5));
    expect(screen.getByTestId('setup-item-assignment').textContent).toContain('Zugewiesen an Pilot, Alle Geräte');
    noEnglish();
    await userEvent.type(screen.getByTestId('group-search'), 'pil');
    await waitFor(() => expect(screen.getByTestId('group-search-status').textContent).toBe('2 Gruppen gefunden'));
    const kinds = screen.getAllByTestId('group-kind').map((el) => el.textContent!.trim());
    expect(kinds).toEqual(['Sicherheitsgruppe · 3 Mitglieder', 'Sicherheitsgruppe · 1 Mitglied']);
    noEnglish();
    await userEvent.click(screen.getAllByTestId('group-result')[0]);
    expect(screen.getByTestId('assign-button').textContent!.trim()).toBe('Zuweisen an Pilot users');
    await userEvent.click(screen.getByTestId('assign-button'));
    expect((await screen.findByTestId('assign-notice')).textContent).toContain('Alle bisherigen Zuweisungen');
    noEnglish();
  });

  it('warns in German before assigning to all devices or all users', async () => {
    fakeBackend({ setup_overview: () => keyed(true), deployment_status: () => deployment() });
    render(Policy, { store: fast() });
    await userEvent.click(await screen.findByTestId('choose-all-devices'));
    expect(screen.getByTestId('broad-warning').textContent).toContain('jedes verwaltete Gerät');
    expect(screen.getByTestId('assign-button').textContent!.trim()).toBe('Zuweisen an Alle Geräte');
    noEnglish();
    await userEvent.click(screen.getByTestId('choose-all-users'));
    expect(screen.getByTestId('broad-warning').textContent).toContain('jeden lizenzierten Benutzer');
    noEnglish();
  });

  it('deployment counts and one German line per device status', async () => {
    const line = (status: string, needsAttention = false) => ({
      device: `PC-${status}`,
      user: null,
      status,
      needsAttention,
      lastReport: status === 'pending' ? null : '2026-11-25T09:00:00Z',
    });
    const statuses = ['succeeded', 'pending', 'notApplicable', 'error', 'conflict', 'notAssigned'];
    fakeBackend({
      setup_overview: () => keyed(true),
      deployment_status: () =>
        deployment({ devices: statuses.map((s) => line(s, s === 'error' || s === 'conflict')) as never }),
    });
    render(Policy, { store: fast() });
    await waitFor(() => expect(screen.getAllByTestId('device-status-row')).toHaveLength(6));
    expect(screen.getByTestId('setup-item-deployment').textContent).toContain('Geräte mit Profil: 3');
    expect(screen.getAllByTestId('device-status-row')[3].textContent).toContain('Windows-Version zu alt');
    expect(screen.getByTestId('deployment').textContent).toContain('25.11.2026');
    noEnglish();
    await userEvent.click(screen.getByTestId('refresh-deployment'));
    noEnglish();
  });

  it('says in German that the role is missing, and what cannot be seen', async () => {
    fakeBackend({
      setup_overview: () =>
        keyed(true, (o) => {
          o.deployment = { ...o.deployment, state: 'cannotSee', ...status('cannotSeeDeployment'), counts: null };
        }),
      deployment_status: () => deployment({ devices: [] }),
      assign_policy: () => {
        throw { kind: 'roleMissing', message: 'Your account does not have the Intune role this needs.' };
      },
    });
    render(Policy, { store: fast() });
    await userEvent.click(await screen.findByTestId('choose-all-users'));
    await userEvent.click(screen.getByTestId('assign-button'));
    expect((await screen.findByTestId('role-missing')).textContent).toContain('Richtlinien- und Profil-Manager');
    expect(screen.getByTestId('setup-item-deployment').textContent).toContain('wie das Profil verteilt wird');
    expect(screen.getByTestId('no-device-reports').textContent).toBe('Noch hat sich kein Gerät gemeldet.');
    noEnglish();
    document.body.innerHTML = '';
    fakeBackend({
      setup_overview: () =>
        keyed(false, (o) => {
          o.policy = { ...o.policy, state: 'cannotSee', ...status('cannotSeeProfiles') };
          o.tenant = { ...o.tenant, state: 'failed', ...status('error', { kind: 'tenantMismatch' }) };
        }),
    });
    render(Policy, { store: fast() });
    expect((await screen.findByTestId('policy-cannot-see')).textContent).toContain('Gerätekonfigurationsprofile');
    expect(screen.getByTestId('setup-item-tenant').textContent).toContain('unterschiedliche Organisationen');
    noEnglish();
  });
});
