// The window's words: t(key, params) in the language chosen now. One catalogue per language
// (en/, de/); English is the source of the keys and the fallback for anything missing.
// Components call t() in their markup, so a change of language shows at once.
// Each catalogue is its own file, loaded when its language is first needed (before the first
// screen for the person's language): a start loads the words of one language only.

import type { FailureKind } from '../generated/types';
import type { Key } from './en';
import { languageOf, locale, SUPPORTED, type Language } from './locale.svelte';

export { locale, languageOf, SUPPORTED, type Key, type Language };

const LOADERS: Record<Language, () => Promise<Record<Key, string>>> = {
  en: () => import('./en').then((module) => module.en),
  de: () => import('./de').then((module) => module.de),
};
const loading = new Map<Language, Promise<void>>();

/** Loads a language's catalogue once; t() speaks it as soon as it is there. */
export function loadLanguage(language: Language): Promise<void> {
  let load = loading.get(language);
  if (!load) {
    load = LOADERS[language]().then((words) => {
      locale.catalogues = { ...locale.catalogues, [language]: words };
    });
    loading.set(language, load);
  }
  return load;
}

/** The words to speak now: the chosen language's, or until they arrive, those already here. */
function words(): Partial<Record<Key, string>> {
  const loaded = locale.catalogues;
  return loaded[locale.current] ?? loaded.en ?? loaded.de ?? {};
}

export type Params = Record<string, string | number>;

/** A sentence kept by key, rendered when shown (so it follows a change of language). */
export interface Phrase {
  key: Key;
  params?: Params;
}

/** Each language named in itself, as language pickers do. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

export function fill(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function t(key: Key, params?: Params): string {
  return fill(words()[key] ?? locale.catalogues.en?.[key] ?? key, params);
}

export function say(phrase: Phrase | null | undefined): string {
  return phrase ? t(phrase.key, phrase.params) : '';
}

/** Whether a key exists: for keys built from what the Rust side sends. */
export function known(key: string): key is Key {
  return Object.hasOwn(words(), key);
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

let rules: { tag: string; rules: Intl.PluralRules } | undefined;
/** The language's plural rules, made once per language (making them costs more than asking). */
function pluralRules(): Intl.PluralRules {
  if (rules?.tag !== locale.intl) rules = { tag: locale.intl, rules: new Intl.PluralRules(locale.intl) };
  return rules.rules;
}

/** "1 device found", "3 devices found": picks `.one` or `.other` by the language's rules. */
export function plural(base: PluralKey, count: number, params: Params = {}): string {
  const form = pluralRules().select(count) === 'one' ? 'one' : 'other';
  return t(`${base}.${form}` as Key, { count, ...params });
}

/** The person's choice (null: the system's), as saved in their settings. */
export function choose(language: string | null | undefined): void {
  locale.preference = language ? languageOf(language) : null;
  void loadLanguage(locale.current);
  if (typeof document !== 'undefined') document.documentElement.lang = locale.current;
}

/** What happened and what to do next for an error kind: every kind the Rust side sends has
 * both, or `npm run check` fails on this line. */
export function errorWords(kind: FailureKind): { what: string; next: string } {
  return { what: t(`errors.${kind}.what`), next: t(`errors.${kind}.next`) };
}

// Until the person's saved choice arrives, the page speaks the system's language.
if (typeof document !== 'undefined') document.documentElement.lang = locale.current;
