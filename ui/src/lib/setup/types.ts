// What crosses IPC for the administrator's setup, and the shape checks api.ts applies to each
// answer, so an answer the window cannot render becomes a clear error rather than a blank screen.
// Sentences come in English (`message`) and by key (`phrase`): words.ts says them in the
// person's language, with the English as the fallback.

import type { RustPhrase } from '../reset/types';
import { isRecord, isString, isNullableString, isNumber } from '../guards';

export type ItemState = 'done' | 'notDone' | 'cannotSee' | 'failed';
export type PinResetAppState = 'enabled' | 'disabled' | 'absent' | 'cannotSee' | 'failed';

export interface Status {
  state: ItemState;
  message: string;
  phrase?: RustPhrase;
  detail: string | null;
}

export interface PinResetApp {
  key: 'service' | 'client';
  appId: string;
  displayName: string;
}

export interface AppCheck {
  app: PinResetApp;
  state: PinResetAppState;
  message: string;
  phrase?: RustPhrase;
  detail: string | null;
}

export interface ConsentStatus {
  apps: AppCheck[];
  done: boolean;
  /** When an app is still absent: the consent probably went to another organisation. The window
   * says so only once the person said they accepted or the watch ran out. */
  afterReturn?: { message: string; phrase?: RustPhrase } | null;
}

export interface ConsentLink {
  app: PinResetApp;
  url: string;
}

export interface ConsentLinks {
  links: ConsentLink[];
  messageForAdmin: string;
}

export interface ProfileRef {
  id: string;
  name: string;
}

export type ProblemKind = 'valueFalse' | 'otherTenant' | 'notBoolean' | 'wrongPath';

export interface ProfileProblem {
  profile: ProfileRef;
  kind: ProblemKind;
  message: string;
  phrase?: RustPhrase;
  omaUri: string;
}

export type TargetKind = 'group' | 'excludedGroup' | 'allDevices' | 'allUsers' | 'other';

export interface AssignmentView {
  kind: TargetKind;
  groupId: string | null;
  name: string;
  phrase?: RustPhrase;
  /** Names the target exactly; sent back with an assign as the set the window showed. */
  key?: string;
}

export interface DeploymentCounts {
  succeeded: number;
  pending: number;
  notApplicable: number;
  errors: number;
  failed: number;
  lastUpdate: string | null;
}

/** Whether the organisation approved PinDesk's sign-in client for everyone, and what is missing
 * (Graph permission names: shown in plain words, the names only behind Details). */
export interface SignInConsent extends Status {
  clientId: string;
  clientName: string | null;
  missing: string[];
  granted: string[];
}

export interface SetupOverview {
  tenant: Status & { id: string | null; name: string | null };
  signin: SignInConsent;
  consent: Status & ConsentStatus;
  policy: Status & {
    profile: ProfileRef | null;
    others: ProfileRef[];
    problems: ProfileProblem[];
    omaUri: string | null;
  };
  assignment: Status & { assignments: AssignmentView[] };
  deployment: Status & { counts: DeploymentCounts | null };
  everythingDone: boolean;
}

export interface PolicyChoice {
  profile: ProfileRef;
  created: boolean;
  omaUri: string;
  problems: ProfileProblem[];
}

export interface GroupChoice {
  id: string;
  name: string;
  description: string | null;
  kind: string;
  /** The kind by key (security, microsoft365, distribution, dynamic…), for the window's words. */
  kindKey?: string;
  /** Left out when Graph could not count cheaply. */
  memberCount: number | null;
}

/** What the administrator adds to the profile's assignments. */
export type NewTarget =
  | { kind: 'group'; groupId: string }
  | { kind: 'allDevices' }
  | { kind: 'allUsers' };

export type DeviceStatusWord =
  | 'succeeded'
  | 'pending'
  | 'notApplicable'
  | 'error'
  | 'conflict'
  | 'notAssigned';

export interface DeviceLine {
  device: string;
  user: string | null;
  status: DeviceStatusWord;
  explanation: string;
  needsAttention: boolean;
  lastReport: string | null;
  /** Applied to the device itself ("System account" in Intune), not for a person. */
  deviceContext?: boolean;
}

export interface Deployment {
  counts: DeploymentCounts;
  devices: DeviceLine[];
  /** False when PinDesk stopped at its page limit: the list is partial. */
  complete?: boolean;
}

const isOptionalPhrase = (v: unknown): boolean =>
  v === undefined ||
  (isRecord(v) && isString(v.key) && isRecord(v.params) && Object.values(v.params).every(isString));
const listOf =
  <T>(check: (v: unknown) => v is T) =>
  (v: unknown): v is T[] =>
    Array.isArray(v) && v.every(check);

const ITEM_STATES = ['done', 'notDone', 'cannotSee', 'failed'];
const APP_STATES = ['enabled', 'disabled', 'absent', 'cannotSee', 'failed'];

function isStatus(v: unknown): v is Status {
  return (
    isRecord(v) &&
    ITEM_STATES.includes(v.state as string) &&
    isString(v.message) &&
    isOptionalPhrase(v.phrase) &&
    (v.detail === undefined || isNullableString(v.detail))
  );
}

const isApp = (v: unknown): v is PinResetApp =>
  isRecord(v) && (v.key === 'service' || v.key === 'client') && isString(v.appId) && isString(v.displayName);

const isAppCheck = (v: unknown): v is AppCheck =>
  isRecord(v) && isApp(v.app) && APP_STATES.includes(v.state as string) && isString(v.message) && isOptionalPhrase(v.phrase);

export function isConsentStatus(v: unknown): v is ConsentStatus {
  const note = v && isRecord(v) ? v.afterReturn : undefined;
  const noteOk = note === undefined || note === null || (isRecord(note) && isString(note.message));
  return isRecord(v) && listOf(isAppCheck)(v.apps) && typeof v.done === 'boolean' && noteOk;
}

const isLink = (v: unknown): v is ConsentLink => isRecord(v) && isApp(v.app) && isString(v.url);

export function isConsentLinks(v: unknown): v is ConsentLinks {
  return isRecord(v) && listOf(isLink)(v.links) && isString(v.messageForAdmin);
}

const isProfile = (v: unknown): v is ProfileRef => isRecord(v) && isString(v.id) && isString(v.name);
const isProblem = (v: unknown): v is ProfileProblem =>
  isRecord(v) && isProfile(v.profile) && isString(v.kind) && isString(v.message) && isString(v.omaUri) && isOptionalPhrase(v.phrase);

export const isAssignment = (v: unknown): v is AssignmentView =>
  isRecord(v) && isString(v.kind) && isNullableString(v.groupId) && isString(v.name) && isOptionalPhrase(v.phrase) && (v.key === undefined || isString(v.key));
export const isAssignmentList = listOf(isAssignment);

const isCounts = (v: unknown): v is DeploymentCounts =>
  isRecord(v) &&
  ['succeeded', 'pending', 'notApplicable', 'errors', 'failed'].every((k) => isNumber(v[k])) &&
  isNullableString(v.lastUpdate);

export function isSignInConsent(v: unknown): v is SignInConsent {
  return (
    isStatus(v) &&
    isRecord(v) &&
    isString(v.clientId) &&
    isNullableString(v.clientName) &&
    listOf(isString)(v.missing) &&
    listOf(isString)(v.granted)
  );
}

export function isSetupOverview(v: unknown): v is SetupOverview {
  if (!isRecord(v)) return false;
  const { tenant, signin, consent, policy, assignment, deployment } = v;
  return (
    isStatus(tenant) &&
    isSignInConsent(signin) &&
    isStatus(consent) &&
    isConsentStatus(consent) &&
    isStatus(policy) &&
    isRecord(policy) &&
    (policy.profile === null || isProfile(policy.profile)) &&
    listOf(isProfile)(policy.others) &&
    listOf(isProblem)(policy.problems) &&
    isStatus(assignment) &&
    isRecord(assignment) &&
    isAssignmentList(assignment.assignments) &&
    isStatus(deployment) &&
    isRecord(deployment) &&
    (deployment.counts === null || isCounts(deployment.counts)) &&
    typeof v.everythingDone === 'boolean'
  );
}

export function isPolicyChoice(v: unknown): v is PolicyChoice {
  return (
    isRecord(v) &&
    isProfile(v.profile) &&
    typeof v.created === 'boolean' &&
    isString(v.omaUri) &&
    listOf(isProblem)(v.problems)
  );
}

const isGroup = (v: unknown): v is GroupChoice =>
  isRecord(v) &&
  isString(v.id) &&
  isString(v.name) &&
  isNullableString(v.description) &&
  isString(v.kind) &&
  (v.memberCount === null || v.memberCount === undefined || isNumber(v.memberCount));
export const isGroupList = listOf(isGroup);

const isDeviceLine = (v: unknown): v is DeviceLine =>
  isRecord(v) &&
  isString(v.device) &&
  isNullableString(v.user) &&
  isString(v.status) &&
  isString(v.explanation) &&
  typeof v.needsAttention === 'boolean' &&
  isNullableString(v.lastReport);

export function isDeployment(v: unknown): v is Deployment {
  return isRecord(v) && isCounts(v.counts) && listOf(isDeviceLine)(v.devices);
}
