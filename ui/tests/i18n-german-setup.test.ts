// The administrator's setup in German: the Consent and Policy steps in every state they show,
// with the Rust side's sentences sent as keys (and English as the fallback), show no English
// catalogue text; the helpdesk's "setup unfinished" note is German too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import Consent from '../src/views/Consent.svelte';
import Policy from '../src/views/Policy.svelte';
import { SetupStore } from '../src/lib/setup/setup.svelte';
import { choose, en, fill, type Key } from '../src/lib/i18n';
import type { AppState, AssignmentView, RustPhrase, SetupOverview } from '../src/lib/api';
import { appInfo, deployment, fakeBackend, overview, session } from './backend';
import { englishLeft } from './german';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

const noEnglish = () => expect(englishLeft()).toEqual([]);

beforeEach(() => choose('de'));
afterEach(() => choose(null));

/** A sentence as the Rust side sends it: English text and its key. */
function said(prefix: string, key: string, params: Record<string, string> = {}) {
  const phrase: RustPhrase = { key, params };
  const english = key === 'error' ? 'Something went wrong.' : fill(en[`${prefix}.${key}` as Key], params);
  return { message: english, phrase };
}
const status = (key: string, params: Record<string, string> = {}) => said('setup.status', key, params);

const APP_NAMES = { service: 'Microsoft Pin Reset Service Production', client: 'Microsoft Pin Reset Client Production' };

function apps(state: AppState, second: AppState = state) {
  const key = { enabled: 'appEnabled', absent: 'appAbsent', disabled: 'appDisabled', cannotSee: 'error', failed: 'error' };
  return (['service', 'client'] as const).map((app, i) => {
    const s = i === 0 ? state : second;
    const params: Record<string, string> = s === 'cannotSee' ? { kind: 'roleMissing' } : { name: APP_NAMES[app] };
    return { app: { key: app, appId: `${app}-id`, displayName: APP_NAMES[app] }, state: s, detail: null, ...said('setup.app', key[s], params) };
  });
}

const target = (kind: AssignmentView['kind'], name: string, phrase: RustPhrase): AssignmentView => ({
  kind,
  groupId: kind === 'group' || kind === 'excludedGroup' ? `g-${name}` : null,
  name,
  phrase,
});
const PILOT = target('group', 'Pilot', { key: 'group', params: { name: 'Pilot' } });

/** The overview with every sentence keyed, as the Rust side sends it. */
function keyed(done: boolean, change: (o: SetupOverview) => void = () => {}): SetupOverview {
  const o = overview(done);
  o.tenant = { ...o.tenant, ...status('tenantNamed', { name: 'Northwind Demo' }) };
  o.consent = { ...o.consent, ...status(done ? 'consentDone' : 'consentNotDone'), apps: apps(done ? 'enabled' : 'absent') };
  o.policy = { ...o.policy, ...(done ? status('policyFound', { name: 'Windows Hello PIN recovery' }) : status('policyMissing')) };
  o.assignment = done
    ? { ...o.assignment, ...status('assignedTo', { names: 'Pilot' }), assignments: [PILOT] }
    : { ...o.assignment, ...status('assignmentWaits') };
  o.deployment = done
    ? { ...o.deployment, ...status('deploymentCounts', { succeeded: '3', pending: '2', errors: '1', notApplicable: '1' }) }
    : { ...o.deployment, ...status('deploymentWaits') };
  change(o);
  return o;
}

const LINKS = {
  links: (['service', 'client'] as const).map((key) => ({
    app: { key, appId: `${key}-id`, displayName: APP_NAMES[key] },
    url: `https://login.example/${key}`,
  })),
  messageForAdmin: 'Hello, please open both links. Thank you!',
};

describe('the Consent step in German', () => {
  it('nothing done: the overview, what is needed and both buttons', async () => {
    fakeBackend({ setup_overview: () => keyed(false), consent_links: () => LINKS });
    render(Consent, { store: new SetupStore() });
    await screen.findByTestId('setup-summary');
    await waitFor(() => expect(screen.getByTestId('setup-item-tenant').textContent).toContain('Organisation: Northwind Demo.'));
    expect(screen.getByTestId('setup-item-consent').textContent).toContain('noch nicht zugelassen');
    expect(screen.getByTestId('consent-before').textContent).toContain('Anwendungsadministrator');
    expect(screen.getByTestId('consent-before').textContent).toContain('Akzeptieren');
    expect(screen.getByTestId('open-consent').textContent!.trim()).toBe('Zustimmungsseiten öffnen');
    noEnglish();
  });

  it('while waiting for consent, when stopped, and when the time is up', async () => {
    fakeBackend({
      setup_overview: () => keyed(false),
      consent_links: () => LINKS,
      open_consent_pages: () => null,
      consent_status: () => ({ apps: apps('absent'), done: false }),
    });
    render(Consent, { store: new SetupStore({ consentPollMs: 20 }) });
    await userEvent.click(await screen.findByTestId('open-consent'));
    await waitFor(() => expect(screen.getByTestId('consent-progress').textContent).toContain('mal geprüft'));
    noEnglish();
    await userEvent.click(screen.getByTestId('cancel-consent-watch'));
    expect((await screen.findByTestId('consent-cancelled')).textContent).toContain('Warten beendet');
    noEnglish();
    document.body.innerHTML = '';
    render(Consent, { store: new SetupStore({ consentPollMs: 5, consentLimitMs: 20 }) });
    await userEvent.click(await screen.findByTestId('check-consent'));
    expect((await screen.findByTestId('consent-timed-out')).textContent).toContain('jetzt prüfen');
    noEnglish();
  });

  it('done: both apps allowed and switched on', async () => {
    fakeBackend({ setup_overview: () => keyed(true), consent_links: () => LINKS });
    render(Consent, { store: new SetupStore() });
    expect((await screen.findByTestId('consent-done')).textContent).toContain('Fahren Sie mit Schritt 2 fort');
    await screen.findByTestId('setup-all-done');
    expect(screen.getByTestId('consent-app-service').textContent).toContain('ist zugelassen und eingeschaltet');
    noEnglish();
  });

  it('a switched-off app says what to do', async () => {
    fakeBackend({
      setup_overview: () => keyed(false, (o) => (o.consent = { ...o.consent, ...status('consentDisabled') })),
      consent_links: () => LINKS,
      consent_status: () => ({ apps: apps('enabled', 'disabled'), done: false }),
    });
    render(Consent, { store: new SetupStore({ consentPollMs: 5, consentLimitMs: 20 }) });
    await userEvent.click(await screen.findByTestId('check-consent'));
    const client = await screen.findByTestId('consent-app-client');
    await waitFor(() => expect(client.dataset.state).toBe('disabled'));
    expect(client.textContent).toContain('Ausgeschaltet');
    expect(client.textContent).toContain('Aktiviert für die Benutzeranmeldung');
    noEnglish();
  });

  it('without the role: cannot see the apps, and a German message for an administrator', async () => {
    fakeBackend({
      setup_overview: () =>
        keyed(false, (o) => {
          o.consent = { ...o.consent, state: 'cannotSee', ...status('consentCannotSee'), apps: apps('cannotSee') };
        }),
      consent_links: () => LINKS,
    });
    render(Consent, { store: new SetupStore() });
    const ask = await screen.findByTestId('ask-admin');
    await waitFor(() => expect(ask.hasAttribute('open')).toBe(true));
    expect(screen.getByTestId('consent-app-service').textContent).toContain('Für Sie nicht sichtbar');
    expect(screen.getByTestId('consent-app-service').textContent).toContain('fehlt die Intune-Rolle');
    const message = (screen.getByTestId('admin-message') as HTMLTextAreaElement).value;
    expect(message).toMatch(/^Guten Tag,/);
    expect(message.indexOf('https://login.example/service')).toBeLessThan(message.indexOf('https://login.example/client'));
    const words = document.createElement('div');
    words.textContent = message;
    expect(englishLeft(words)).toEqual([]);
    noEnglish();
  });
});

const fast = () => new SetupStore({ debounceMs: 5 });
const group = (id: string, name: string, memberCount: number | null) => ({
  id,
  name,
  description: null,
  kind: 'Security group',
  kindKey: 'security',
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
      ...said('setup.problem', kind, { name }),
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
          o.assignment.message = 'Assigned to Pilot, All devices, a group that could not be read (g-9), Another kind of target (#x).';
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
      explanation: 'The device has PIN recovery turned on.',
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
          o.tenant = { ...o.tenant, state: 'failed', ...said('setup.status', 'error', { kind: 'tenantMismatch' }) };
        }),
    });
    render(Policy, { store: fast() });
    expect((await screen.findByTestId('policy-cannot-see')).textContent).toContain('Gerätekonfigurationsprofile');
    expect(screen.getByTestId('setup-item-tenant').textContent).toContain('unterschiedliche Organisationen');
    noEnglish();
  });
});

describe('the helpdesk in German', () => {
  it('is told in German that setup is unfinished', async () => {
    fakeBackend({
      app_info: () => appInfo({ language: 'de' }),
      restore_session: () => session('helpdesk'),
      setup_overview: () => keyed(false),
    });
    render(App);
    await screen.findByTestId('view-reset');
    expect((await screen.findByTestId('setup-unfinished')).textContent).toContain('noch nicht abgeschlossen');
    noEnglish();
  });
});
