// For the German setup screen tests: the overview, the apps and the targets as the Rust side
// sends them, each sentence with its key and its English text as the fallback.
import { fill, type Key } from '../src/lib/i18n';
import { en } from '../src/lib/i18n/en';
import type { PinResetAppState, AssignmentView, RustPhrase, SetupOverview } from '../src/lib/api';
import { overview } from './backend';

/** A sentence as the Rust side sends it: English text and its key. */
export function said(prefix: string, key: string, params: Record<string, string> = {}) {
  const phrase: RustPhrase = { key, params };
  const english = key === 'error' ? 'Something went wrong.' : fill(en[`${prefix}.${key}` as Key], params);
  return { message: english, phrase };
}
export const status = (key: string, params: Record<string, string> = {}) => said('setup.status', key, params);

const APP_NAMES = { service: 'Microsoft Pin Reset Service Production', client: 'Microsoft Pin Reset Client Production' };

export function apps(state: PinResetAppState, second: PinResetAppState = state) {
  const key = { enabled: 'appEnabled', absent: 'appAbsent', disabled: 'appDisabled', cannotSee: 'error', failed: 'error' };
  return (['service', 'client'] as const).map((app, i) => {
    const s = i === 0 ? state : second;
    const params: Record<string, string> = s === 'cannotSee' ? { kind: 'roleMissing' } : { name: APP_NAMES[app] };
    const consentUrl = `https://login.example.test/consent/${app}`;
    return {
      app: { key: app, appId: `${app}-id`, displayName: APP_NAMES[app], publishedConsentUrl: consentUrl },
      state: s,
      detail: null,
      ...said('setup.app', key[s], params),
    };
  });
}

export const target = (kind: AssignmentView['kind'], name: string, phrase: RustPhrase): AssignmentView => ({
  kind,
  groupId: kind === 'group' || kind === 'excludedGroup' ? `g-${name}` : null,
  name,
  phrase,
  key: `key-${kind}-${name}`,
});
export const PILOT = target('group', 'Pilot', { key: 'group', params: { name: 'Pilot' } });

/** The overview with every sentence keyed, as the Rust side sends it. */
export function keyed(done: boolean, change: (o: SetupOverview) => void = () => {}): SetupOverview {
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

export const LINKS = {
  links: (['service', 'client'] as const).map((key) => ({
    app: { key, appId: `${key}-id`, displayName: APP_NAMES[key] },
    url: `https://login.example/${key}`,
  })),
  messageForAdmin: 'Hello, please open both links. Thank you!',
};
