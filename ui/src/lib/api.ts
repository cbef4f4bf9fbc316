// The one door between the window and the Rust side. Nothing else in ui/src imports
// @tauri-apps/api or calls invoke(); a test greps the tree to keep it that way.
// The window never talks to Graph or the identity provider and never sees a token.

import { invoke } from '@tauri-apps/api/core';
import type {
  AuditRow,
  Copied,
  Exported,
  ExportWords,
  ResetStarted,
  ResetStatus,
  SearchResults,
} from './reset/types';
import { recordError } from './recent-errors';
import type { ReadinessView, TapMade, TapOffer, TapRequest } from './reset/windows-types';
import type {
  AssignmentView,
  ConsentLinks,
  ConsentStatus,
  Deployment,
  GroupChoice,
  NewTarget,
  PolicyChoice,
  SetupOverview,
  SignInConsent,
} from './setup/types';
import type {
  AppInfo,
  Diagnostics,
  ListedAccount,
  LogLevel,
  Session,
  SettingsView,
  Task,
  UserSettings,
} from './types';
import { toIpcError } from './ipc-error';
import type { Command } from './generated/commands';

export { isIpcError, toIpcError, type IpcError } from './ipc-error';

export type * from './types';
export type * from './reset/types';
export type * from './setup/types';

/** `command` must be one the Rust side registers (generated/commands.ts): a misspelt or removed
 * command fails the type check, not the person's click. What it answers is the Rust type
 * generated into generated/types.ts. */
async function call<T>(command: Command, args?: Record<string, unknown>): Promise<T> {
  try {
    return (args === undefined ? await invoke(command) : await invoke(command, args)) as T;
  } catch (error) {
    const ipc = toIpcError(error);
    recordError(command, ipc);
    throw ipc;
  }
}

// The commands, one function each. Argument keys are camelCase, as the Rust side expects.

export const api = {
  appInfo: (): Promise<AppInfo> => call('app_info'),

  useDemoTenant: (): Promise<AppInfo> => call('use_demo_tenant'),

  listAccounts: (): Promise<ListedAccount[]> => call('list_accounts'),

  restoreSession: (): Promise<Session | null> => call('restore_session'),

  signIn: (task: Task, loginHint: string | null): Promise<Session> =>
    call('sign_in', { task, loginHint }),

  cancelSignIn: (): Promise<void> => call('cancel_sign_in'),

  useAccount: (accountId: string): Promise<Session> => call('use_account', { accountId }),

  signOut: (accountId: string): Promise<void> => call('sign_out', { accountId }),

  settings: (): Promise<SettingsView> => call('settings'),

  saveSettings: (settings: UserSettings): Promise<SettingsView> =>
    call('save_settings', { settings }),

  /** Saves the window's language (null: the system's); signs nobody out. */
  setLanguage: (language: string | null): Promise<void> => call('set_language', { language }),

  setLogLevel: (level: LogLevel): Promise<SettingsView> => call('set_log_level', { level }),

  /** Versions, system, configuration and recent log lines; never a secret. */
  diagnostics: (): Promise<Diagnostics> => call('diagnostics'),

  searchDevices: (query: string): Promise<SearchResults> =>
    call('search_devices', { query }),

  /** The next page of the same search; `more` is what the last page handed out. */
  moreDevices: (query: string, more: string): Promise<SearchResults> =>
    call('more_devices', { query, more }),

  /** Sends exactly one passcode reset and writes it to the audit log; long-ish. `deviceName` is
   * the name the person confirmed, kept in the log when Graph's answer lacks one. */
  startReset: (deviceId: string, ticket: string | null, deviceName: string): Promise<ResetStarted> =>
    call('start_reset', { deviceId, ticket, deviceName }),

  resetStatus: (deviceId: string, since: string): Promise<ResetStatus> =>
    call('reset_status', { deviceId, since }),

  /** Opens the device in the system browser; the window never navigates away. */
  openAdminCenter: (deviceId: string): Promise<void> => call('open_admin_center', { deviceId }),

  /** The Rust side copies the passcode and clears the clipboard after a minute. */
  copyPasscode: (deviceId: string, since: string): Promise<Copied> =>
    call('copy_passcode', { deviceId, since }),

  /** Every reset this computer sent, newest first; never a passcode. */
  auditLog: (): Promise<AuditRow[]> => call('audit_log'),

  /** Writes the audit log as CSV to the Downloads folder. */
  exportAuditLog: (words: ExportWords): Promise<Exported> => call('export_audit_log', { words }),

  /** Where the tenant stands, read from Graph in batches; changes nothing. */
  setupOverview: (): Promise<SetupOverview> => call('setup_overview'),

  consentLinks: (): Promise<ConsentLinks> => call('consent_links'),

  /** Opens the service's consent page, then the client's, in the system browser. */
  openConsentPages: (): Promise<void> => call('open_consent_pages'),

  consentStatus: (): Promise<ConsentStatus> => call('consent_status'),

  /** Whether the organisation approved PinDesk's sign-in for everyone; one batched read. */
  signinConsentStatus: (): Promise<SignInConsent> => call('signin_consent_status'),

  /** Opens Entra's admin consent page for PinDesk's sign-in client in the system browser. */
  openSigninConsent: (): Promise<void> => call('open_signin_consent'),

  /** Reuses the profile that already turns PIN recovery on, or creates it once. */
  ensurePolicy: (): Promise<PolicyChoice> => call('ensure_policy'),

  searchGroups: (text: string): Promise<GroupChoice[]> => call('search_groups', { text }),

  /** Adds a target and keeps every existing assignment; nothing is sent when it is there. */
  /** `shown`: the keys of the assignments the window showed; a set changed since is refused. */
  assignPolicy: (policyId: string, target: NewTarget, shown: string[]): Promise<AssignmentView[]> =>
    call('assign_policy', { policyId, target, shown }),

  deploymentStatus: (policyId: string): Promise<Deployment> =>
    call('deployment_status', { policyId }),

  /** A Windows PC's readiness for self-service PIN reset, line by line; never method details. */
  windowsReadiness: (deviceId: string): Promise<ReadinessView> =>
    call('windows_readiness', { deviceId }),

  /** Whether the pass policy lets the helpdesk give this person a Temporary Access Pass. */
  tapOffer: (userId: string): Promise<TapOffer> => call('tap_offer', { userId }),

  /** Creates one Temporary Access Pass (never resent) and writes the audit line without it. */
  createTap: (request: TapRequest): Promise<TapMade> => call('create_tap', { request }),

  /** The Rust side copies the pass and clears the clipboard after the configured time. */
  copyAccessPass: (pass: string): Promise<Copied> => call('copy_access_pass', { pass }),
};

export type Api = typeof api;
