// The one door between the window and the Rust side. Nothing else in ui/src imports
// @tauri-apps/api or calls invoke(); a test greps the tree to keep it that way.
// The window never talks to Graph or the identity provider and never sees a token.

import { invoke } from '@tauri-apps/api/core';
import {
  isAuditLog,
  isCopied,
  isExported,
  isResetStarted,
  isResetStatus,
  isSearchResults,
  type AuditRow,
  type Copied,
  type Exported,
  type ResetStarted,
  type ResetStatus,
  type SearchResults,
} from './reset/types';
import { recordError } from './recent-errors';
import {
  isReadinessView,
  isTapMade,
  isTapOffer,
  type ReadinessView,
  type TapMade,
  type TapOffer,
  type TapRequest,
} from './reset/windows-types';

import {
  isAssignmentList,
  isConsentLinks,
  isConsentStatus,
  isDeployment,
  isGroupList,
  isPolicyChoice,
  isSetupOverview,
  isSignInConsent,
  type AssignmentView,
  type ConsentLinks,
  type ConsentStatus,
  type Deployment,
  type GroupChoice,
  type NewTarget,
  type PolicyChoice,
  type SetupOverview,
  type SignInConsent,
} from './setup/types';

import {
  isAccountList,
  isAppInfo,
  isSession,
  isSessionOrNull,
  isSettingsView,
  type Account,
  type AppInfo,
  type LogLevel,
  type Session,
  type SettingsView,
  type Task,
  type UserSettings,
} from './types';
import { isRecord, isString } from './guards';
import { describe, toIpcError, type IpcError } from './ipc-error';
import type { Command } from './generated/commands';

export { UNEXPECTED_MESSAGE, isIpcError, toIpcError, type IpcError } from './ipc-error';

export type * from './types';
export { isAccount, isAppInfo, isSession, isSettingsView } from './types';
export type * from './reset/types';
export type * from './setup/types';

const UNREADABLE_MESSAGE =
  'PinDesk received an answer it could not read. Try again; if it keeps happening, copy the details for your IT team.';

function unreadable(command: string, value: unknown): IpcError {
  return {
    kind: 'internal',
    message: UNREADABLE_MESSAGE,
    detail: `${command} returned an unexpected value: ${describe(value)}`,
  };
}

/** `command` must be one the Rust side registers (generated/commands.ts): a misspelt or removed
 * command fails the type check, not the person's click. */
async function call<T>(
  command: Command,
  args: Record<string, unknown> | undefined,
  check: (value: unknown) => value is T,
): Promise<T> {
  let value: unknown;
  try {
    value = args === undefined ? await invoke(command) : await invoke(command, args);
  } catch (error) {
    const ipc = toIpcError(error);
    recordError(command, ipc);
    throw ipc;
  }
  if (!check(value)) {
    const ipc = unreadable(command, value);
    recordError(command, ipc);
    throw ipc;
  }
  return value;
}

// Shape checks: an answer the window cannot render becomes a clear error, not a blank window.

const isNothing = (v: unknown): v is void => v === undefined || v === null;


// The commands, one function each. Argument keys are camelCase, as the Rust side expects.

export const api = {
  appInfo: (): Promise<AppInfo> => call('app_info', undefined, isAppInfo),

  useDemoTenant: (): Promise<AppInfo> => call('use_demo_tenant', undefined, isAppInfo),

  listAccounts: (): Promise<Account[]> => call('list_accounts', undefined, isAccountList),

  restoreSession: (): Promise<Session | null> =>
    call('restore_session', undefined, isSessionOrNull),

  signIn: (task: Task, loginHint: string | null): Promise<Session> =>
    call('sign_in', { task, loginHint }, isSession),

  cancelSignIn: (): Promise<void> => call('cancel_sign_in', undefined, isNothing),

  useAccount: (accountId: string): Promise<Session> =>
    call('use_account', { accountId }, isSession),

  signOut: (accountId: string): Promise<void> => call('sign_out', { accountId }, isNothing),

  settings: (): Promise<SettingsView> => call('settings', undefined, isSettingsView),

  saveSettings: (settings: UserSettings): Promise<SettingsView> =>
    call('save_settings', { settings }, isSettingsView),

  /** Saves the window's language (null: the system's); signs nobody out. */
  setLanguage: (language: string | null): Promise<void> =>
    call('set_language', { language }, isNothing),

  setLogLevel: (level: LogLevel): Promise<SettingsView> =>
    call('set_log_level', { level }, isSettingsView),

  /** Versions, system, configuration and recent log lines; never a secret. */
  diagnostics: (): Promise<{ text: string }> =>
    call('diagnostics', undefined, (v): v is { text: string } => isRecord(v) && isString(v.text)),

  searchDevices: (query: string): Promise<SearchResults> =>
    call('search_devices', { query }, isSearchResults),

  /** The next page of the same search; `more` is what the last page handed out. */
  moreDevices: (query: string, more: string): Promise<SearchResults> =>
    call('more_devices', { query, more }, isSearchResults),

  /** Sends exactly one passcode reset and writes it to the audit log; long-ish. `deviceName` is
   * the name the person confirmed, kept in the log when Graph's answer lacks one. */
  startReset: (deviceId: string, ticket: string | null, deviceName: string): Promise<ResetStarted> =>
    call('start_reset', { deviceId, ticket, deviceName }, isResetStarted),

  resetStatus: (deviceId: string, since: string): Promise<ResetStatus> =>
    call('reset_status', { deviceId, since }, isResetStatus),

  /** Opens the device in the system browser; the window never navigates away. */
  openAdminCenter: (deviceId: string): Promise<void> =>
    call('open_admin_center', { deviceId }, isNothing),

  /** The Rust side copies the passcode and clears the clipboard after a minute. */
  copyPasscode: (deviceId: string, since: string): Promise<Copied> =>
    call('copy_passcode', { deviceId, since }, isCopied),

  /** Every reset this computer sent, newest first; never a passcode. */
  auditLog: (): Promise<AuditRow[]> => call('audit_log', undefined, isAuditLog),

  /** Writes the audit log as CSV to the Downloads folder. */
  exportAuditLog: (): Promise<Exported> => call('export_audit_log', undefined, isExported),

  /** Where the tenant stands, read from Graph in batches; changes nothing. */
  setupOverview: (): Promise<SetupOverview> => call('setup_overview', undefined, isSetupOverview),

  consentLinks: (): Promise<ConsentLinks> => call('consent_links', undefined, isConsentLinks),

  /** Opens the service's consent page, then the client's, in the system browser. */
  openConsentPages: (): Promise<void> => call('open_consent_pages', undefined, isNothing),

  consentStatus: (): Promise<ConsentStatus> => call('consent_status', undefined, isConsentStatus),

  /** Whether the organisation approved PinDesk's sign-in for everyone; one batched read. */
  signinConsentStatus: (): Promise<SignInConsent> =>
    call('signin_consent_status', undefined, isSignInConsent),

  /** Opens Entra's admin consent page for PinDesk's sign-in client in the system browser. */
  openSigninConsent: (): Promise<void> => call('open_signin_consent', undefined, isNothing),

  /** Reuses the profile that already turns PIN recovery on, or creates it once. */
  ensurePolicy: (): Promise<PolicyChoice> => call('ensure_policy', undefined, isPolicyChoice),

  searchGroups: (text: string): Promise<GroupChoice[]> =>
    call('search_groups', { text }, isGroupList),

  /** Adds a target and keeps every existing assignment; nothing is sent when it is there. */
  /** `shown`: the keys of the assignments the window showed; a set changed since is refused. */
  assignPolicy: (policyId: string, target: NewTarget, shown: string[]): Promise<AssignmentView[]> =>
    call('assign_policy', { policyId, target, shown }, isAssignmentList),

  deploymentStatus: (policyId: string): Promise<Deployment> =>
    call('deployment_status', { policyId }, isDeployment),

  /** A Windows PC's readiness for self-service PIN reset, line by line; never method details. */
  windowsReadiness: (deviceId: string): Promise<ReadinessView> =>
    call('windows_readiness', { deviceId }, isReadinessView),

  /** Whether the pass policy lets the helpdesk give this person a Temporary Access Pass. */
  tapOffer: (userId: string): Promise<TapOffer> => call('tap_offer', { userId }, isTapOffer),

  /** Creates one Temporary Access Pass (never resent) and writes the audit line without it. */
  createTap: (request: TapRequest): Promise<TapMade> => call('create_tap', { request }, isTapMade),

  /** The Rust side copies the pass and clears the clipboard after the configured time. */
  copyAccessPass: (pass: string): Promise<Copied> => call('copy_access_pass', { pass }, isCopied),
};

export type Api = typeof api;
