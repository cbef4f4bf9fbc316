// Which language the window speaks: the person's choice if they made one, else the system's.
// Reactive, so everything rendered through t() changes at once when it changes.

import type { Key } from './en';

export type Language = 'en' | 'de';

export const SUPPORTED: readonly Language[] = ['en', 'de'];

/** The supported language a tag such as "de-AT" or "en_GB" stands for; English otherwise. */
export function languageOf(tag: string | null | undefined): Language {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_.@]/)[0];
  return SUPPORTED.find((language) => language === base) ?? 'en';
}

/** A tag Intl accepts ("en_US.UTF-8" → "en-US"), or null for one it refuses (such as "C"). */
export function canonicalTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.replace(/[.@].*$/, '').replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
}

function systemTag(): string {
  return typeof navigator === 'undefined' ? 'en' : navigator.language || 'en';
}

class LocaleState {
  /** The person's choice; null follows the system. */
  preference = $state<Language | null>(null);
  /** The system's locale tag, read once at start (navigator.language in the window). */
  systemTag = $state(systemTag());
  /** The catalogues loaded so far: each language is its own file, fetched when first needed. */
  catalogues = $state.raw<Partial<Record<Language, Record<Key, string>>>>({});

  get system(): Language {
    return languageOf(this.systemTag);
  }

  get current(): Language {
    return this.preference ?? this.system;
  }

  /** The locale for dates and numbers: the system's own (e.g. de-AT) when it speaks the
   * chosen language, else the language itself. */
  get intl(): string {
    const own = this.current === this.system ? canonicalTag(this.systemTag) : null;
    return own ?? this.current;
  }
}

export const locale = new LocaleState();
