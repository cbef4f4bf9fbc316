// For the German setup screen tests: the overview, the apps and the targets as the Rust side
// sends them, each sentence as a key and the values it names.
import type { PinResetAppState, AssignmentView, SetupOverview } from '../src/lib/api';
import type { AppKey, Sentence, StatusKey, TargetKey } from '../src/lib/generated/types';
import { overview, sentence } from './backend';

export const status = (key: StatusKey, params: Record<string, string> = {}) => ({ sentence: sentence(key, params) });

const APP_NAMES = { service: 'Microsoft Pin Reset Service Production', client: 'Microsoft Pin Reset Client Production' };

export function apps(state: PinResetAppState, second: PinResetAppState = state) {
  const key: Record<PinResetAppState, AppKey> = {
    enabled: 'appEnabled',
    absent: 'appAbsent',
    disabled: 'appDisabled',
    cannotSee: 'error',
    failed: 'error',
  };
  return (['service', 'client'] as const).map((app, i) => {
    const s = i === 0 ? state : second;
    const params: Record<string, string> = s === 'cannotSee' ? { kind: 'roleMissing' } : { name: APP_NAMES[app] };
    const consentUrl = `https://login.example.test/consent/${app}`;
    return {
      app: { key: app, appId: `${app}-id`, displayName: APP_NAMES[app], publishedConsentUrl: consentUrl },
      state: s,
      detail: null,
      sentence: sentence(key[s], params),
    };
  });
}

export const target = (kind: AssignmentView['kind'], name: string, words: Sentence<TargetKey>): AssignmentView => ({
  kind,
  groupId: kind === 'group' || kind === 'excludedGroup' ? `g-${name}` : null,
  target: words,
  key: `key-${kind}-${name}`,
});
export const PILOT = target('group', 'Pilot', sentence('group', { name: 'Pilot' }));

/** The overview with every sentence keyed, as the Rust side sends it. */
export function keyed(done: boolean, change: (o: SetupOverview) => void = () => {}): SetupOverview {
  const o = overview(done);
  o.tenant = { ...o.tenant, ...status('tenantNamed', { name: 'Northwind Demo' }) };
  o.consent = { ...o.consent, ...status(done ? 'consentDone' : 'consentNotDone'), apps: apps(done ? 'enabled' : 'absent') };
  o.policy = { ...o.policy, ...(done ? status('policyFound', { name: 'Windows Hello PIN recovery' }) : status('policyMissing')) };
  o.assignment = done
    ? { ...o.assignment, ...status('assignedTo'), assignments: [PILOT] }
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
};
