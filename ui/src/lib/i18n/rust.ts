// Sentences the Rust side decides and the window words: eligibility rules and warnings, reset
// reasons, audit outcomes and notes. Rules and warnings come as keys with values only; the
// type check fails while a rule the Rust side sends has no headline or explanation here.

import type { AuditRow, Eligibility, ResetStatus } from '../api';
import type { RuleKey } from '../generated/types';
import { isFailureKind } from '../ipc-error';
import { errorWords, known, t, tOr, type Params } from '.';

/** The rules that mean "not eligible, here is what we saw": one explanation names the values. */
const UNRECOGNISED = [
  'unknownDevice',
  'unknownVersion',
  'unknownEnrollment',
  'unknownManagement',
  'unknownAndroid',
  'androidUnchecked',
] as const satisfies readonly RuleKey[];
type Unrecognised = (typeof UNRECOGNISED)[number];
const unrecognised = (rule: RuleKey): rule is Unrecognised =>
  (UNRECOGNISED as readonly RuleKey[]).includes(rule);

/** The values a sentence names, worded: nothing reported reads as such, a state by its name. */
function worded(values: Partial<Record<string, string>>): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(values)) {
    out[name] = value ? value : t('rule.notReported');
  }
  if (typeof values.state === 'string' && values.state !== '') {
    out.state = tOr(`state.${values.state}`, values.state);
  }
  return out;
}

export function headline(e: Eligibility): string {
  return t(`rule.${e.rule}.headline`);
}

export function explanation(e: Eligibility): string {
  const rule = e.rule;
  if (unrecognised(rule)) return t('rule.unrecognised', worded(e.values));
  return t(`rule.${rule}.explanation`, worded(e.values));
}

/** The steps a rule asks of the person, in order (`rule.<key>.step1`, `.step2`, …); none for
 * most rules. */
export function steps(e: Eligibility): string[] {
  const out: string[] = [];
  for (let i = 1; ; i += 1) {
    const key = `rule.${e.rule}.step${i}`;
    if (!known(key)) return out;
    out.push(t(key));
  }
}

export function warnings(e: Eligibility): string[] {
  return e.warnings.map((warning) => t(`warning.${warning.key}`, worded(warning.values)));
}

/** Why a reset ended without a passcode, in the person's language; null when there is none. */
export function reason(status: Pick<ResetStatus, 'reason' | 'reasonKey'>): string | null {
  const text = status.reason?.trim() || null;
  if (!status.reasonKey) return text;
  return tOr(`reason.${status.reasonKey}`, text ?? '') || null;
}

export function outcome(row: AuditRow): string {
  return tOr(`outcome.${row.outcome}`, row.outcomeWords);
}

/** An audit note: a reason (`reason:<key>`) or an error (`error:<kind>`) by its key. */
export function note(row: AuditRow): string | null {
  const [kind, key] = (row.noteKey ?? '').split(':');
  if (kind === 'reason' && key) return tOr(`reason.${key}`, row.note ?? '') || null;
  if (kind === 'error' && isFailureKind(key)) return errorWords(key).what;
  return row.note;
}
