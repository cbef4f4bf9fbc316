// What crosses IPC about the app itself, the person signed in and the settings, with the shape
// checks api.ts applies to each answer.
import { isRecord, isString, isNullableString } from './guards';

export interface AppInfo {
  version: string;
  demo: boolean;
  authority: string;
  graphUrl: string;
  clientId: string;
  /** The language the person chose in Settings; null or absent follows the system. */
  language?: string | null;
  /** What was wrong with the settings and accounts files at start. */
  problems?: FileProblem[];
  /** The administrator's rules for the reset's confirmation. */
  resetRules?: { requireTicket: boolean; requireCallerCheck: boolean };
}

/** A problem with a file PinDesk read at start: which file, what is wrong, and (from `file` and
 * `kind`) what PinDesk does instead. */
export interface FileProblem {
  file: 'administrator' | 'settings' | 'accounts';
  path: string;
  kind: 'unreadable' | 'damaged' | 'unknownKey' | 'badValue';
  key?: string;
  suggestion?: string;
  detail: string;
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  tenantId: string;
  tenantName: string | null;
  /** Set when the account signed in with another authority, client ID or Graph than the ones in
   * use (the authority it used; '' when unknown): it needs a new sign-in and can only be
   * forgotten. Absent in a session's account. */
  signedInElsewhere?: string | null;
}

export type Task = 'helpdesk' | 'setup';

/** Where a setting's value came from, later sources winning. */
export type Origin = 'default' | 'administrator' | 'user' | 'environment' | 'localTenant';

export interface SettingValue {
  value: string;
  origin: Origin;
  /** Locked by the organisation's file: shown, not editable. */
  locked?: boolean;
}

export interface SettingsView {
  tenant: SettingValue;
  clientId: SettingValue;
  authorityHost: SettingValue;
  authority: SettingValue;
  graphUrl: SettingValue;
  dataDir: string;
  adminConfigPath: string;
  userSettingsPath: string;
  /** The language the person chose; null or absent follows the system. */
  language?: string | null;
  /** How much PinDesk writes to its log, and where. */
  logLevel?: LogLevel;
  logDir?: string;
}

export type LogLevel = 'warn' | 'info' | 'debug';

/** The person's own settings; an empty or missing value falls back to the next source. */
export interface UserSettings {
  tenant?: string;
  clientId?: string;
  authorityHost?: string;
  graphUrl?: string;
}

export interface Session {
  account: Account;
  task: Task;
  /** Set when the keychain refused the sign-in: it then lasts for this session only. */
  storageWarning?: string | null;
}


export function isAppInfo(v: unknown): v is AppInfo {
  return (
    isRecord(v) &&
    isString(v.version) &&
    typeof v.demo === 'boolean' &&
    isString(v.authority) &&
    isString(v.graphUrl) &&
    isString(v.clientId) &&
    (v.language === undefined || isNullableString(v.language)) &&
    (v.problems === undefined || (Array.isArray(v.problems) && v.problems.every(isFileProblem))) &&
    (v.resetRules === undefined ||
      (isRecord(v.resetRules) &&
        typeof v.resetRules.requireTicket === 'boolean' &&
        typeof v.resetRules.requireCallerCheck === 'boolean'))
  );
}

const FILES = ['administrator', 'settings', 'accounts'];
const PROBLEMS = ['unreadable', 'damaged', 'unknownKey', 'badValue'];
function isFileProblem(v: unknown): v is FileProblem {
  return (
    isRecord(v) &&
    FILES.includes(v.file as string) &&
    PROBLEMS.includes(v.kind as string) &&
    isString(v.path) &&
    isString(v.detail) &&
    (v.key === undefined || isString(v.key)) &&
    (v.suggestion === undefined || isString(v.suggestion))
  );
}

export function isAccount(v: unknown): v is Account {
  return (
    isRecord(v) &&
    isString(v.id) &&
    isString(v.username) &&
    isString(v.displayName) &&
    isString(v.tenantId) &&
    isNullableString(v.tenantName) &&
    (v.signedInElsewhere === undefined || isNullableString(v.signedInElsewhere))
  );
}

export const isAccountList = (v: unknown): v is Account[] => Array.isArray(v) && v.every(isAccount);

export function isSession(v: unknown): v is Session {
  return (
    isRecord(v) &&
    isAccount(v.account) &&
    (v.task === 'helpdesk' || v.task === 'setup') &&
    (v.storageWarning === undefined || isNullableString(v.storageWarning))
  );
}

export const isSessionOrNull = (v: unknown): v is Session | null => v === null || isSession(v);

const ORIGINS = ['default', 'administrator', 'user', 'environment', 'localTenant'];
const isSettingValue = (v: unknown): v is SettingValue =>
  isRecord(v) && isString(v.value) && ORIGINS.includes(v.origin as string);

export function isSettingsView(v: unknown): v is SettingsView {
  return (
    isRecord(v) &&
    ['tenant', 'clientId', 'authorityHost', 'authority', 'graphUrl'].every((key) =>
      isSettingValue(v[key]),
    ) &&
    isString(v.dataDir) &&
    isString(v.adminConfigPath) &&
    isString(v.userSettingsPath) &&
    (v.language === undefined || isNullableString(v.language))
  );
}
