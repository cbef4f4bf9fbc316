// @vitest-environment node
// One catalogue per language: the same keys and placeholders in both, and a word for every key
// the Rust side sends, read from the key lists and types generated from it (generated/), never
// from its source.
import { describe, expect, it } from 'vitest';
import { choose, fill, known, languageOf, locale, plural } from '../src/lib/i18n';
import { de } from '../src/lib/i18n/de';
import { en } from '../src/lib/i18n/en';
import { dateTime, dateTimeWithZone, lastSeen } from '../src/lib/reset/format';
import { FAILURE_KINDS, OUTCOMES, PASS_NOTES, REASON_KEYS, STATE_KEYS } from '../src/lib/generated/keys';
import type {
  AppKey,
  DeviceStatus,
  FailureKind,
  GroupKind,
  Outcome,
  PassNote,
  ProblemKind,
  ReasonKey,
  RuleKey,
  StateKey,
  StatusKey,
  TargetKey,
  WarningKey,
} from '../src/lib/generated/types';
import type { Key } from '../src/lib/i18n/en';

/** Compiles only while every key of `K` is in the catalogue: the type check (`npm run check`)
 * names the one missing. For key lists generated from Rust types (generated/types.ts). */
function everyKeyWorded<K extends Key>(keys: K[] = []): K[] {
  return keys;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogues', () => {
  it('have exactly the same keys in English and German', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders for every key, and no empty text', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
      expect(en[key].trim(), key).not.toBe('');
      expect(de[key].trim(), key).not.toBe('');
    }
  });

  it('address the person formally in German', () => {
    const informal = Object.entries(de).filter(([, text]) => /\b(du|dein\w*|dich|dir)\b/i.test(text));
    expect(informal).toEqual([]);
  });

  it('word every error kind the Rust side sends, as what happened and what to do next', () => {
    // The list is generated from the Rust side's FailureKind (generated/keys.ts); the type check
    // below names a kind without words before this test runs.
    everyKeyWorded<`errors.${FailureKind}.what` | `errors.${FailureKind}.next`>();
    expect(FAILURE_KINDS.length).toBeGreaterThan(40);
    for (const kind of FAILURE_KINDS) {
      expect(known(`errors.${kind}.what`) && known(`errors.${kind}.next`), kind).toBe(true);
    }
  });

  it('word every eligibility rule, warning, management state, reset reason and outcome', () => {
    // Rules and warnings are Rust enums (generated/types.ts): `explanation()` in i18n/rust.ts
    // does not compile while a rule lacks its explanation.
    everyKeyWorded<`rule.${RuleKey}.headline` | `warning.${WarningKey}`>();
    everyKeyWorded<`state.${StateKey}` | `outcome.${Outcome}` | `reason.${ReasonKey}`>();
    const keys = [
      ...STATE_KEYS.map((s) => `state.${s}`),
      ...OUTCOMES.map((o) => `outcome.${o}`),
      ...REASON_KEYS.map((r) => `reason.${r}`),
    ];
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) expect(known(key), key).toBe(true);
  });

  it('word every audit note the Rust side writes', () => {
    everyKeyWorded<`audit.note.pass.${PassNote}`>();
    expect(PASS_NOTES.length).toBe(4);
    for (const how of PASS_NOTES) expect(known(`audit.note.pass.${how}`), how).toBe(true);
    expect(placeholders(en['audit.note.passError'])).toEqual(['error', 'person']);
  });

  it('word every setup sentence, target, problem, group kind and device status the Rust side sends', () => {
    // All of them are Rust enums (generated/types.ts): a key without words fails the type check
    // here before the test runs; "error" is worded by the error catalogue, a group by its name.
    everyKeyWorded<
      | `setup.status.${Exclude<StatusKey, 'error'>}`
      | `setup.app.${Exclude<AppKey, 'error'>}`
      | `setup.target.${Exclude<TargetKey, 'group'>}`
      | `setup.problem.${ProblemKind}`
      | `groupKind.${GroupKind}`
      | `setup.device.${DeviceStatus}`
      | `setup.device.${DeviceStatus}.why`
    >();
  });

  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(fill('Valid until {date}', { date: 'Friday' })).toBe('Valid until Friday');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('picks a supported language from a system locale, English otherwise', () => {
    expect(languageOf('de-AT')).toBe('de');
    expect(languageOf('de_CH.UTF-8')).toBe('de');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('fr-FR')).toBe('en');
    expect(languageOf('')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
    expect(languageOf('de.UTF-8')).toBe('de');
  });

  it('formats with the system locale when it speaks the chosen language, and survives odd ones', () => {
    const system = locale.systemTag;
    try {
      locale.systemTag = 'de-AT';
      expect(locale.intl).toBe('de-AT');
      expect(dateTime('2026-01-15T10:00:00Z')).toContain('Jänner'); // Austrian German
      choose('en');
      expect(locale.intl).toBe('en');
      for (const odd of ['C', 'C.UTF-8', 'POSIX', '', 'en_US.UTF-8']) {
        locale.systemTag = odd;
        choose(null);
        expect(plural('search.found', 2), odd).toBe('2 devices found');
        expect(dateTime('2026-12-02T10:00:00Z'), odd).toContain('2026');
        expect(lastSeen('2026-11-22T12:00:00Z', new Date('2026-11-25T12:00:00Z')), odd).toBe('3 days ago');
      }
      choose('de');
      expect(lastSeen('2026-11-22T12:00:00Z', new Date('2026-11-25T12:00:00Z'))).toBe('vor 3 Tagen');
      expect(dateTime('2026-12-02T10:00:00Z')).toContain('Dezember 2026');
      expect(dateTimeWithZone('2026-12-02T10:00:00Z')).toMatch(/^Mittwoch, 2\. Dezember 2026 um \d{1,2}:\d{2} \S+$/);
    } finally {
      locale.systemTag = system;
      choose(null);
    }
  });
});
