// Written by `cargo test -p pindesk --test contract` from the Rust side's key lists (src-tauri/src/contract.rs); do not edit.
import type { FailureKind, Outcome, PassNote, ReasonKey, StateKey } from './types';

/** Every kind of error the Rust side sends. */
export const FAILURE_KINDS: readonly FailureKind[] = [
  'config',
  'badRequest',
  'notSignedIn',
  'notBuiltYet',
  'internal',
  'signInCancelled',
  'signInTimedOut',
  'signInInProgress',
  'consentMissing',
  'orgNotApproved',
  'conditionalAccess',
  'clientUnknown',
  'userNotAssigned',
  'mfaRequired',
  'sessionExpired',
  'interactionRequired',
  'accountElsewhere',
  'identityProvider',
  'signInRejected',
  'network',
  'keychainUnavailable',
  'browserUnavailable',
  'storage',
  'clipboard',
  'tenantMismatch',
  'unconfirmed',
  'assignmentsChanged',
  'throttled',
  'roleMissing',
  'scopeMissing',
  'notFound',
  'notLicensed',
  'claimsChallenge',
  'serviceError',
  'cancelled',
  'tookTooLong',
  'resetAlreadySending',
  'resetUnconfirmed',
  'tapAlreadySending',
  'tapExists',
  'tapPolicyRefused',
  'tapAdminTarget',
  'tapRoleMissing',
  'tapUnconfirmed',
  'tapCreatedUnseen',
  'ticketRequired',
];

/** Every outcome an audit line can have. */
export const OUTCOMES: readonly Outcome[] = [
  'sent',
  'alreadyRunning',
  'notSent',
  'unconfirmed',
  'passcodeIssued',
  'doneWithoutPasscode',
  'failed',
  'notSupported',
  'canceled',
  'accessPassGiven',
];

/** Every reason a reset ended without a passcode. */
export const REASON_KEYS: readonly ReasonKey[] = [
  'failed',
  'notSupported',
  'canceled',
  'unknown',
];

/** Every state other than managed a device can be in (`state.<key>`). */
export const STATE_KEYS: readonly StateKey[] = [
  'retiring',
  'retireFailed',
  'wiping',
  'wipeFailed',
  'deleting',
  'unhealthy',
  'discovered',
  'other',
];

/** Every way an audit note says a pass was given (`pass:<how>`). */
export const PASS_NOTES: readonly PassNote[] = [
  'oneTime',
  'reusable',
  'oneTimePolicyLifetime',
  'reusablePolicyLifetime',
];
