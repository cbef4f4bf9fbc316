// Sentences the Rust side decides and the window words: eligibility rules and warnings, reset
// reasons, audit outcomes and notes. Each comes with a stable key; the English text the Rust
// side sent is the fallback for a key this catalogue does not know.

import type { AuditRow, Eligibility, ResetStatus, RustPhrase } from '../api';
import { errorWords, t, tOr, type Params } from '.';

const UNRECOGNISED = new Set([
  'unknownDevice',
  'unknownVersion',
  'unknownEnrollment',
  'unknownManagement',
  'unknownAndroid',
  'androidUnchecked',
]);

function params(phrase: RustPhrase): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(phrase.params)) {
    out[name] = value === '' ? t('rule.notReported') : value;
  }
  if (phrase.key === 'notManaged' && phrase.params.state) {
    out.state = tOr(`state.${phrase.params.state}`, phrase.params.state);
  }
  return out;
}

export function headline(e: Eligibility): string {
  return e.rule ? tOr(`rule.${e.rule.key}.headline`, e.headline) : e.headline;
}

export function explanation(e: Eligibility): string {
  if (!e.rule) return e.explanation;
  if (UNRECOGNISED.has(e.rule.key)) return t('rule.unrecognised', params(e.rule));
  return tOr(`rule.${e.rule.key}.explanation`, e.explanation, params(e.rule));
}

export function steps(e: Eligibility): string[] {
  const rule = e.rule;
  if (!rule) return e.steps;
  return e.steps.map((step, i) => tOr(`rule.${rule.key}.step${i + 1}`, step));
}

export function warnings(e: Eligibility): string[] {
  return e.warnings.map((warning, i) => {
    const phrase = e.warningPhrases?.[i];
    return phrase ? tOr(`warning.${phrase.key}`, warning, params(phrase)) : warning;
  });
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
  if (kind === 'error' && key) return errorWords(key)?.what ?? row.note;
  return row.note;
}
