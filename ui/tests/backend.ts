// A scripted stand-in for the Rust side, for the window's unit tests. Each test file mocks
// @tauri-apps/api/core with vi.mock; this fills the mocked invoke() with per-command answers.
import { vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import type {
  Account,
  AppInfo,
  PinResetAppState,
  Deployment,
  DeviceSummary,
  Eligibility,
  ResetStatus,
  SearchResults,
  Session,
  SetupOverview,
  SignInConsent,
} from '../src/lib/api';
import type { AppKey, RuleKey, Sentence, StatusKey, TargetKey } from '../src/lib/generated/types';

type Args = Record<string, unknown> | undefined;

/** A sentence by key, as the Rust side sends it beside its English. */
/** A sentence as the Rust side sends it: a key and the values it names. */
export function sentence<K extends StatusKey | AppKey | TargetKey>(key: K, params: Record<string, string> = {}): Sentence<K> {
  return { key, params };
}
export type Handler = (args: Args) => unknown;

export function appInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: '0.3.1',
    demo: false,
    authority: 'https://login.example.test/common',
    graphUrl: 'https://graph.example.test',
    clientId: '00000000-0000-0000-0000-000000000001',
    language: null,
    problems: [],
    resetRules: { requireTicket: false, requireCallerCheck: false },
    ...overrides,
  };
}

export function account(overrides: Partial<Account> = {}): Account {
  return {
    id: 'acct-1',
    username: 'ada@contoso.example',
    displayName: 'Ada Lovelace',
    tenantId: '11111111-2222-3333-4444-555555555555',
    tenantName: 'Contoso',
    ...overrides,
  };
}

export function session(task: Session['task'] = 'helpdesk', who: Account = account()): Session {
  return { account: who, task, storageWarning: null };
}

/** An eligibility as the Rust side sends it: a rule of each verdict, by key. */
export function eligibility(verdict: Eligibility['verdict'] = 'resettable'): Eligibility {
  const rules: Record<Eligibility['verdict'], RuleKey> = {
    resettable: 'resettable',
    selfService: 'windowsDesktop',
    notPossible: 'notEntraJoined',
    unknown: 'unknownDevice',
  };
  const values: Record<string, string> =
    verdict === 'unknown' ? { os: 'Linux', version: '6.1', model: '', enrollment: '', management: 'Managed' } : {};
  return {
    verdict,
    rule: rules[verdict],
    values,
    warnings: [],
    effect: verdict === 'resettable' ? 'newPasscode' : null,
  };
}

export function device(overrides: Partial<DeviceSummary> = {}): DeviceSummary {
  return {
    id: 'dev-1',
    name: 'PHONE-0042',
    user: 'grace@contoso.example',
    signIn: null,
    model: 'Lumia 950',
    os: 'Windows',
    osVersion: '10.0.15063.0',
    lastCheckIn: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString(),
    serial: 'SN-7781',
    eligibility: eligibility(),
    ...overrides,
  };
}

export function resetStatus(overrides: Partial<ResetStatus> = {}): ResetStatus {
  return {
    state: 'pending',
    passcode: null,
    startedAt: null,
    validUntil: null,
    reasonKey: null,
    detail: '',
    adminCenterUrl: 'https://intune.example.test/devices/dev-1',
    ...overrides,
  };
}

/** One page of search results. */
export function page(devices: DeviceSummary[], more: string | null = null): SearchResults {
  return { devices, more };
}

/** Installs answers for the commands; unknown commands fail as Tauri does, with a string. */
export function fakeBackend(overrides: Record<string, Handler> = {}) {
  const handlers: Record<string, Handler> = {
    app_info: () => appInfo(),
    restore_session: () => null,
    list_accounts: () => [],
    ...overrides,
  };
  const mock = vi.mocked(invoke);
  mock.mockReset();
  mock.mockImplementation(async (command: string, args?: unknown) => {
    const handler = handlers[command];
    if (!handler) throw `Command ${command} not found`;
    return handler(args as Args);
  });
  return {
    calls: (command: string) => mock.mock.calls.filter(([name]) => name === command),
    commands: () => mock.mock.calls.map(([name]) => name),
  };
}

/** A promise that the test settles by hand, for long-running commands like sign_in. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The sign-in client's approval: done, or with every permission of the reset job missing. */
export function signinConsent(done: boolean): SignInConsent {
  const missing = ['DeviceManagementManagedDevices.Read.All', 'DeviceManagementManagedDevices.PrivilegedOperations.All'];
  return {
    state: done ? 'done' : 'notDone',
    sentence: done ? sentence('signInConsentDone') : sentence('signInConsentMissing', { count: '2' }),
    detail: null,
    clientId: '14d82eec-204b-4c2f-b7e8-296a70dab67e',
    clientName: 'Microsoft Graph Command Line Tools',
    missing: done ? [] : missing,
    granted: done ? missing : [],
  };
}

/** A setup overview; `done` gives the finished organisation, otherwise nothing is done. */
export function overview(done = false, overrides: Partial<SetupOverview> = {}): SetupOverview {
  const apps = (['service', 'client'] as const).map((key) => ({
    app: {
      key,
      appId: `${key}-app-id`,
      displayName: `Microsoft Pin Reset ${key === 'service' ? 'Service' : 'Client'} Production`,
      publishedConsentUrl: `https://login.example.test/consent/${key}`,
    },
    state: (done ? 'enabled' : 'absent') as PinResetAppState,
    sentence: sentence(done ? 'appEnabled' : 'appAbsent', { name: `Microsoft Pin Reset ${key === 'service' ? 'Service' : 'Client'} Production` }),
    detail: null,
  }));
  const profile = done ? { id: 'profile-1', name: 'Windows Hello PIN recovery' } : null;
  return {
    tenant: { state: 'done', sentence: sentence('tenantNamed', { name: 'Contoso' }), detail: null, id: 'tenant-1', name: 'Contoso' },
    signin: signinConsent(true),
    consent: {
      state: done ? 'done' : 'notDone',
      sentence: sentence(done ? 'consentDone' : 'consentNotDone'),
      detail: null,
      apps,
      done,
      absentAfterAccept: !done,
    },
    policy: {
      state: done ? 'done' : 'notDone',
      sentence: done ? sentence('policyFound', { name: 'Windows Hello PIN recovery' }) : sentence('policyMissing'),
      detail: null,
      profile,
      others: [],
      problems: [],
      omaUri: './Device/Vendor/MSFT/PassportForWork/tenant-1/Policies/EnablePinRecovery',
    },
    assignment: {
      state: done ? 'done' : 'notDone',
      sentence: sentence(done ? 'assignedTo' : 'assignmentWaits'),
      detail: null,
      assignments: done
        ? [{ kind: 'group', groupId: 'g-pilot', target: sentence('group', { name: 'Pilot' }), key: 'key-pilot' }]
        : [],
    },
    deployment: { state: 'notDone', sentence: sentence('deploymentNoReport'), detail: null, counts: null },
    everythingDone: done,
    ...overrides,
  };
}

export function deployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    counts: { succeeded: 3, pending: 2, notApplicable: 1, errors: 1, failed: 0, lastUpdate: null },
    devices: [
      {
        device: 'NW-LT-0001',
        user: 'zoe@contoso.example',
        status: 'error',
        needsAttention: true,
        lastReport: '2026-11-25T09:00:00Z',
        deviceContext: false,
      },
      {
        device: 'Zoe iPhone',
        user: 'zoe@contoso.example',
        status: 'notApplicable',
        needsAttention: false,
        lastReport: null,
        deviceContext: false,
      },
    ],
    complete: true,
    ...overrides,
  };
}
