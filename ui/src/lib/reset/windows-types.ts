// What the Rust side answers about a Windows PC's self-service PIN reset and the Temporary
// Access Pass, with the shape checks api.ts runs on every answer.
import { isRecord, isString, isNullableString } from '../guards';

export type CheckState = 'yes' | 'no' | 'unknown';
export type Missing =
  | 'noProfile'
  | 'profilePending'
  | 'profileFailed'
  | 'profileNotAssigned'
  | 'noConsent'
  | 'windowsTooOld'
  | 'noMfaMethod';
export type Fixer = 'wait' | 'intuneAdministrator' | 'applicationAdministrator' | 'helpdesk';

/** One line: yes, no (with what is missing) or unknown (with the permission or role needed). */
export interface Check {
  state: CheckState;
  why?: Missing;
  needs?: string;
}

export interface Readiness {
  profileReached: Check;
  serviceConsented: Check;
  windowsSupported: Check;
  mfaMethod: Check;
}

export type Conclusion =
  | { kind: 'selfService' }
  | { kind: 'blocked'; missing: Missing; fixer: Fixer }
  | { kind: 'unsure' };

export interface PrimaryUser {
  id: string;
  displayName: string | null;
  userPrincipalName: string | null;
}

export interface ReadinessView {
  deviceName: string | null;
  person: PrimaryUser | null;
  lines: Readiness;
  methodKinds: string[];
  conclusion: Conclusion;
  pinResetPage: string;
}

export type OfferState = 'offer' | 'policyOff' | 'notForThisPerson' | 'exists' | 'unknown';

export interface TapOffer {
  state: OfferState;
  lifetimeMinutes: number | null;
  oneTime: boolean | null;
  adminTarget: boolean;
  endsAt: string | null;
  needs: string | null;
}

/** The pass, shown once. */
export interface TapMade {
  pass: string;
  endsAt: string | null;
  lifetimeMinutes: number | null;
  oneTime: boolean;
  auditWarning: string | null;
}

export interface TapRequest {
  deviceId: string;
  deviceName: string | null;
  userId: string;
  userPrincipalName: string | null;
  /** null: the policy's default (PinDesk could not read the policy). */
  lifetimeMinutes: number | null;
  oneTime: boolean | null;
  adminTarget: boolean;
  ticket: string | null;
}


const isCheck = (v: unknown): v is Check =>
  isRecord(v) && ['yes', 'no', 'unknown'].includes(v.state as string);

export function isReadinessView(v: unknown): v is ReadinessView {
  if (!isRecord(v) || !isRecord(v.lines) || !isRecord(v.conclusion)) return false;
  const lines = v.lines;
  return (
    ['profileReached', 'serviceConsented', 'windowsSupported', 'mfaMethod'].every((k) =>
      isCheck(lines[k]),
    ) &&
    Array.isArray(v.methodKinds) &&
    v.methodKinds.every(isString) &&
    isString(v.conclusion.kind) &&
    isString(v.pinResetPage) &&
    (v.person === null || (isRecord(v.person) && isString(v.person.id)))
  );
}

export const isTapOffer = (v: unknown): v is TapOffer =>
  isRecord(v) &&
  ['offer', 'policyOff', 'notForThisPerson', 'exists', 'unknown'].includes(v.state as string) &&
  typeof v.adminTarget === 'boolean' &&
  isNullableString(v.endsAt ?? null);

export const isTapMade = (v: unknown): v is TapMade =>
  isRecord(v) && isString(v.pass) && v.pass !== '' && typeof v.oneTime === 'boolean';
