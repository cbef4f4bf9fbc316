// @vitest-environment node
// One catalogue per language: the same keys and placeholders in both, and a word for every key
// the Rust side sends (error kinds, eligibility rules and warnings, reset reasons, outcomes).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { choose, fill, known, languageOf, locale, plural } from '../src/lib/i18n';
import { de } from '../src/lib/i18n/de';
import { en } from '../src/lib/i18n/en';
import { dateTime, dateTimeWithZone, lastSeen } from '../src/lib/reset/format';
import { FAILURE_KINDS, OUTCOMES, REASON_KEYS } from '../src/lib/generated/keys';
import type { DeviceLine, FailureKind, Outcome, ProblemKind, ReasonKey, RuleKey, WarningKey } from '../src/lib/generated/types';
import type { Key } from '../src/lib/i18n/en';

const CORE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src-tauri', 'core', 'src');
const rust = (path: string) => readFileSync(join(CORE, path), 'utf8');
const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);
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
    const states = rust('reset/eligibility/mod.rs').match(/fn state_key[\s\S]*?\n\}/)?.[0] ?? '';
    const stateKeys = all(states, /=> "([a-zA-Z]+)",/g);
    expect(stateKeys).toHaveLength(8);
    for (const state of stateKeys) expect(known(`state.${state}`), state).toBe(true);
    everyKeyWorded<`outcome.${Outcome}` | `reason.${ReasonKey}`>();
    for (const key of [...OUTCOMES.map((o) => `outcome.${o}`), ...REASON_KEYS.map((r) => `reason.${r}`)]) {
      expect(known(key), key).toBe(true);
    }
  });

  it('word every setup sentence, target, problem, group kind and device status the Rust side sends', () => {
    const setup = ['overview.rs', 'overview_item.rs', 'overview_profile.rs', 'consent.rs', 'assignment.rs', 'assignment_views.rs'].map((f) => rust(`setup/${f}`)).join('\n');
    const phrases = [
      ...all(setup, /Phrase::(?:new|plain)\(\s*"([a-zA-Z]+)"/g),
      ...all(setup, /named\("([a-zA-Z]+)"\)/g),
      ...all(setup, /\("(cannotSee[a-zA-Z]+)",/g),
    ].filter((key) => key !== 'group'); // a group is named by its own name
    expect(phrases.length).toBeGreaterThan(20);
    const prefixes = ['setup.status', 'setup.app', 'setup.target'];
    for (const key of phrases) {
      expect(prefixes.some((prefix) => known(`${prefix}.${key}`)), key).toBe(true);
    }
    everyKeyWorded<`setup.problem.${ProblemKind}`>();
    const kinds = rust('setup/assignment.rs').match(/fn group_kind_key[\s\S]*?\n\}/)?.[0] ?? '';
    const groupKinds = all(kinds, /=> "([a-zA-Z0-9]+)",/g);
    expect(groupKinds).toHaveLength(6);
    for (const kind of groupKinds) expect(known(`groupKind.${kind}`), kind).toBe(true);
    type Status = DeviceLine['status'];
    everyKeyWorded<`setup.device.${Status}` | `setup.device.${Status}.why`>();
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
