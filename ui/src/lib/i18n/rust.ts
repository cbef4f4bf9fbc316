// Sentences the Rust side decides and the window words: eligibility rules and warnings, reset
// reasons, audit outcomes and notes. Rules and warnings come as keys with values only; the
// type check fails while a rule the Rust side sends has no headline or explanation here.

import type { AuditRow, Eligibility, ResetStatus } from '../api';
import { FAILURE_KINDS, OUTCOMES, PASS_NOTES, REASON_KEYS } from '../generated/keys';
import type { ExportWords, RuleKey } from '../generated/types';
import { errorWords, fill, known, t, tOr, type Params } from '.';

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
export function reason(status: Pick<ResetStatus, 'reasonKey'>): string | null {
  return status.reasonKey ? t(`reason.${status.reasonKey}`) : null;
}

export function outcome(row: AuditRow): string {
  return t(`outcome.${row.outcome}`);
}

/** Every audit note's words by its key (`error:<kind>`, `reason:<key>`, `pass:<how>`,
 * `passError:<kind>`), its values left as `{name}`; `value:<name>` words a value not recorded. */
function noteWords(): Record<string, string> {
  const notes: Record<string, string> = { 'value:person': t('audit.note.somePerson') };
  for (const kind of FAILURE_KINDS) {
    notes[`error:${kind}`] = errorWords(kind).what;
    notes[`passError:${kind}`] = t('audit.note.passError', { error: errorWords(kind).what });
  }
  for (const key of REASON_KEYS) notes[`reason:${key}`] = t(`reason.${key}`);
  for (const how of PASS_NOTES) notes[`pass:${how}`] = t(`audit.note.pass.${how}`);
  return notes;
}

/** An audit note in the person's language, from its key and values; a line an earlier version
 * wrote keeps its own text. */
export function note(row: AuditRow): string | null {
  const notes = noteWords();
  const words = row.noteKey ? notes[row.noteKey] : undefined;
  if (words === undefined) return row.note;
  const unrecorded = Object.fromEntries(
    Object.entries(notes)
      .filter(([key]) => key.startsWith('value:'))
      .map(([key, text]) => [key.slice('value:'.length), text]),
  );
  return fill(words, { ...unrecorded, ...row.noteValues });
}

/** The CSV export's words: the columns, every outcome, and every note by its key. */
export function exportWords(): ExportWords {
  return {
    headings: [
      t('audit.csv.time'),
      t('audit.csv.operator'),
      t('audit.csv.tenant'),
      t('audit.csv.tenantId'),
      t('audit.csv.device'),
      t('audit.csv.deviceId'),
      t('audit.csv.ticket'),
      t('audit.outcome'),
      t('audit.csv.note'),
    ],
    outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, t(`outcome.${o}`)])),
    notes: noteWords(),
  };
}
