// What crosses IPC for the Reset view, and the shape checks api.ts applies to each answer,
// so an answer the window cannot render becomes a clear error rather than a blank screen.
import { isRecord, isString, isNullableString, isStringList } from '../guards';

export type Verdict = 'resettable' | 'selfService' | 'notPossible' | 'unknown';

/** A sentence by its stable key and the values it names, for the window's own words. */
export interface RustPhrase {
  key: string;
  params: Record<string, string>;
}

/** What can be done for a device, in plain sentences from the Rust side's rule table. The
 * English sentences are the fallback; `rule` and `warningPhrases` let the window say them in
 * the person's language. */
export interface Eligibility {
  verdict: Verdict;
  headline: string;
  explanation: string;
  steps: string[];
  warnings: string[];
  rule?: RustPhrase;
  warningPhrases?: RustPhrase[];
  /** What a reset does on this device; set only when it is resettable. */
  effect?: Effect | null;
}

/** A new passcode to read out, the passcode removed (iOS/iPadOS), or the work profile's
 * temporary passcode. */
export type Effect = 'newPasscode' | 'passcodeRemoved' | 'workProfilePasscode';
const EFFECTS: readonly string[] = ['newPasscode', 'passcodeRemoved', 'workProfilePasscode'];

export interface DeviceSummary {
  id: string;
  name: string;
  /** The person's display name; null when no person is assigned. */
  user: string | null;
  /** The person's sign-in address, shown beside the name. */
  signIn?: string | null;
  model: string | null;
  os: string | null;
  osVersion: string | null;
  /** ISO date-time of the last check-in with Intune. */
  lastCheckIn: string | null;
  /** Not part of every answer; shown in the confirmation when present. */
  serial?: string | null;
  eligibility: Eligibility;
}

/** One page of search results; `more` is handed back for the next page. */
export interface SearchResults {
  devices: DeviceSummary[];
  more: string | null;
}

export interface ResetStarted {
  deviceId: string;
  startedAt: string;
  /** True when a reset of the device was already running, so none was sent. */
  alreadyRunning: boolean;
  /** The device's name as Graph has it (for the audit log). */
  deviceName: string | null;
  /** Set when the reset went out but the audit log could not be written. */
  auditWarning: string | null;
}

export type ResetState =
  | 'none'
  | 'pending'
  | 'active'
  | 'done'
  | 'failed'
  | 'notSupported'
  | 'canceled'
  | 'accessPassGiven';

export interface ResetStatus {
  state: ResetState;
  passcode: string | null;
  /** When the reset started, by the service's clock. */
  startedAt: string | null;
  validUntil: string | null;
  reason: string | null;
  /** The reason's stable key (failed, notSupported, canceled, unknown); `reason` is English. */
  reasonKey?: string | null;
  /** For support, under "Details": device, start, error code. */
  detail?: string;
  adminCenterUrl: string;
}

const isPhrase = (v: unknown): v is RustPhrase =>
  isRecord(v) && isString(v.key) && isRecord(v.params) && Object.values(v.params).every(isString);

const VERDICTS = ['resettable', 'selfService', 'notPossible', 'unknown'];
const RESET_STATES = ['none', 'pending', 'active', 'done', 'failed', 'notSupported', 'canceled'];

export function isEligibility(v: unknown): v is Eligibility {
  return (
    isRecord(v) &&
    VERDICTS.includes(v.verdict as string) &&
    isString(v.headline) &&
    isString(v.explanation) &&
    isStringList(v.steps) &&
    isStringList(v.warnings) &&
    (v.rule === undefined || isPhrase(v.rule)) &&
    (v.warningPhrases === undefined ||
      (Array.isArray(v.warningPhrases) && v.warningPhrases.every(isPhrase))) &&
    (v.effect === undefined || v.effect === null || EFFECTS.includes(v.effect as string))
  );
}

export function isDeviceSummary(v: unknown): v is DeviceSummary {
  return (
    isRecord(v) &&
    isString(v.id) &&
    isString(v.name) &&
    ['user', 'model', 'os', 'osVersion', 'lastCheckIn'].every((key) => isNullableString(v[key])) &&
    (v.serial === undefined || isNullableString(v.serial)) &&
    (v.signIn === undefined || isNullableString(v.signIn)) &&
    isEligibility(v.eligibility)
  );
}

export const isDeviceList = (v: unknown): v is DeviceSummary[] =>
  Array.isArray(v) && v.every(isDeviceSummary);

export const isSearchResults = (v: unknown): v is SearchResults =>
  isRecord(v) && isDeviceList(v.devices) && isNullableString(v.more);

export const isResetStarted = (v: unknown): v is ResetStarted =>
  isRecord(v) &&
  isString(v.deviceId) &&
  isString(v.startedAt) &&
  typeof v.alreadyRunning === 'boolean' &&
  isNullableString(v.deviceName) &&
  isNullableString(v.auditWarning);

export interface Copied {
  clearAfterSeconds: number;
}

export const isCopied = (v: unknown): v is Copied =>
  isRecord(v) && typeof v.clearAfterSeconds === 'number';

/** How a reset ended, as the audit log keeps it. */
export type Outcome =
  | 'sent'
  | 'alreadyRunning'
  | 'notSent'
  | 'unconfirmed'
  | 'passcodeIssued'
  | 'doneWithoutPasscode'
  | 'failed'
  | 'notSupported'
  | 'canceled';

/** One reset in the audit log. Never holds the passcode. */
export interface AuditRow {
  at: string;
  operator: string;
  tenantId: string;
  tenantName: string | null;
  deviceId: string;
  deviceName: string | null;
  ticket: string | null;
  outcome: Outcome;
  outcomeWords: string;
  note: string | null;
  /** The note's stable key, `error:<kind>` or `reason:<key>`; `note` is its English text. */
  noteKey?: string | null;
}

export function isAuditRow(v: unknown): v is AuditRow {
  return (
    isRecord(v) &&
    ['at', 'operator', 'tenantId', 'deviceId', 'outcome', 'outcomeWords'].every((key) =>
      isString(v[key]),
    ) &&
    ['tenantName', 'deviceName', 'ticket', 'note'].every((key) => isNullableString(v[key])) &&
    (v.noteKey === undefined || isNullableString(v.noteKey))
  );
}

export const isAuditLog = (v: unknown): v is AuditRow[] => Array.isArray(v) && v.every(isAuditRow);

export interface Exported {
  path: string;
  rows: number;
}

export const isExported = (v: unknown): v is Exported =>
  isRecord(v) && isString(v.path) && typeof v.rows === 'number';

export function isResetStatus(v: unknown): v is ResetStatus {
  return (
    isRecord(v) &&
    RESET_STATES.includes(v.state as string) &&
    isNullableString(v.passcode) &&
    (v.startedAt === undefined || isNullableString(v.startedAt)) &&
    isNullableString(v.validUntil) &&
    isNullableString(v.reason) &&
    (v.reasonKey === undefined || isNullableString(v.reasonKey)) &&
    (v.detail === undefined || isString(v.detail)) &&
    isString(v.adminCenterUrl)
  );
}
