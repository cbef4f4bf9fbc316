// The window's words: t(key, params) in the language chosen now. One catalogue per language
// (en/, de/); English is the source of the keys and the fallback for anything missing.
// Components call t() in their markup, so a change of language shows at once.

import { de } from './de';
import { en, type Key } from './en';
import { languageOf, locale, SUPPORTED, type Language } from './locale.svelte';

export { en, de, locale, languageOf, SUPPORTED, type Key, type Language };

export type Params = Record<string, string | number>;

/** A sentence kept by key, rendered when shown (so it follows a change of language). */
export interface Phrase {
  key: Key;
  params?: Params;
}

const CATALOGUES: Record<Language, Record<Key, string>> = { en, de };

/** Each language named in itself, as language pickers do. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

export function fill(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function t(key: Key, params?: Params): string {
  return fill(CATALOGUES[locale.current][key] ?? en[key] ?? key, params);
}

export function say(phrase: Phrase | null | undefined): string {
  return phrase ? t(phrase.key, phrase.params) : '';
}

/** Whether a key exists: for keys built from what the Rust side sends. */
export function known(key: string): key is Key {
  return Object.hasOwn(en, key);
}

/** A key built at run time, or the fallback text when the catalogue has no such key. */
export function tOr(key: string, fallback: string, params?: Params): string {
  return known(key) ? t(key, params) : fallback;
}

/** The text before and after a placeholder left unfilled, for markup around a word
 * ("You need the <strong>…</strong> role"). */
export function around(key: Key, params?: Params): [string, string] {
  const text = t(key, params);
  const at = text.search(/\{\w+\}/);
  if (at < 0) return [text, ''];
  return [text.slice(0, at), text.slice(text.indexOf('}', at) + 1)];
}

type BaseOf<K> = K extends `${infer B}.one` ? B : never;
export type PluralKey = BaseOf<Key>;

/** "1 device found", "3 devices found": picks `.one` or `.other` by the language's rules. */
export function plural(base: PluralKey, count: number, params: Params = {}): string {
  const form = new Intl.PluralRules(locale.intl).select(count) === 'one' ? 'one' : 'other';
  return t(`${base}.${form}` as Key, { count, ...params });
}

/** The person's choice (null: the system's), as saved in their settings. */
export function choose(language: string | null | undefined): void {
  locale.preference = language ? languageOf(language) : null;
  if (typeof document !== 'undefined') document.documentElement.lang = locale.current;
}

/** What happened and what to do next for an error kind, or null for a kind not in the catalogue. */
export function errorWords(kind: string): { what: string; next: string } | null {
  const what = `errors.${kind}.what`;
  const next = `errors.${kind}.next`;
  return known(what) && known(next) ? { what: t(what), next: t(next) } : null;
}

// Until the person's saved choice arrives, the page speaks the system's language.
if (typeof document !== 'undefined') document.documentElement.lang = locale.current;
