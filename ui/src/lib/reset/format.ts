// Plain, locale-aware words for the Reset view: check-in times, the passcode read aloud.
// Dates follow the chosen language (with the system's regional variant when it matches) and
// the computer's own time zone.

import { locale, t, type Key } from '../i18n';

const DAY = 24 * 60 * 60 * 1000;

// Making an Intl formatter costs far more than using one (a page of 25 results asks for 50), so
// each is made once per language and options.
const made = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function dates(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d ${locale.intl} ${JSON.stringify(options)}`;
  let format = made.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) made.set(key, (format = new Intl.DateTimeFormat(locale.intl, options)));
  return format;
}

function relative(numeric: 'auto' | 'always'): Intl.RelativeTimeFormat {
  const key = `r ${locale.intl} ${numeric}`;
  let format = made.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!format) made.set(key, (format = new Intl.RelativeTimeFormat(locale.intl, { numeric })));
  return format;
}

function parse(iso: string | null): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 days ago", "yesterday", "5 minutes ago"; a date once it is over a month old. */
export function lastSeen(iso: string | null, now: Date = new Date()): string {
  const date = parse(iso);
  if (!date) return t('time.never');
  const diff = date.getTime() - now.getTime();
  const past = Math.abs(diff);
  if (past > 30 * DAY) return longDate(date);
  const words = relative('auto');
  if (past < 60 * 60 * 1000) return words.format(Math.round(diff / 60_000), 'minute');
  if (past < DAY) return words.format(Math.round(diff / 3_600_000), 'hour');
  return words.format(Math.round(diff / DAY), 'day');
}

function longDate(date: Date): string {
  return dates({ dateStyle: 'medium' }).format(date);
}

/** The full date and time, for a tooltip or the "valid until" line. */
export function dateTime(iso: string | null): string {
  const date = parse(iso);
  if (!date) return '';
  return dates({ dateStyle: 'full', timeStyle: 'short' }).format(date);
}

/** As `dateTime`, naming the computer's time zone too ("… 11:00 MEZ"): for the passcode's
 * validity, which a person elsewhere may be told over the phone. */
export function dateTimeWithZone(iso: string | null): string {
  const date = parse(iso);
  if (!date) return '';
  return dates({
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** A compact date and time for lists: "Nov 25, 2026, 12:24 PM". */
export function shortDateTime(iso: string | null): string {
  const date = parse(iso);
  if (!date) return '';
  return dates({ dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "583920" → ["583", "920"]: groups of three, for reading aloud. */
export function groups(passcode: string): string[] {
  const chars = [...passcode.replace(/\s+/g, '')];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += 3) out.push(chars.slice(i, i + 3).join(''));
  return out;
}

/** The phonetic alphabet (ICAO), said the same way in every language PinDesk speaks. */
const LETTERS: Record<string, string> = {
  a: 'Alfa', b: 'Bravo', c: 'Charlie', d: 'Delta', e: 'Echo', f: 'Foxtrot', g: 'Golf',
  h: 'Hotel', i: 'India', j: 'Juliett', k: 'Kilo', l: 'Lima', m: 'Mike', n: 'November',
  o: 'Oscar', p: 'Papa', q: 'Quebec', r: 'Romeo', s: 'Sierra', t: 'Tango', u: 'Uniform',
  v: 'Victor', w: 'Whiskey', x: 'X-ray', y: 'Yankee', z: 'Zulu',
};

const SYMBOLS = '-_.!@#$%&*+=?/';

/** One character as a word: "5" → "five", "K" → "capital K as in Kilo". */
export function spell(char: string): string {
  if (/^[0-9]$/.test(char)) return t(`spell.${char}` as Key);
  const lower = char.toLowerCase();
  if (LETTERS[lower]) {
    const upper = char !== lower;
    return t(upper ? 'spell.capital' : 'spell.small', { letter: char, word: LETTERS[lower] });
  }
  return SYMBOLS.includes(char) ? t(`spell.${char}` as Key) : t('spell.other', { char });
}

/** "583920" → "five eight three — nine two zero". */
export function spellOut(passcode: string): string {
  return groups(passcode)
    .map((group) => [...group].map(spell).join(' '))
    .join(' — ');
}

/** "Sent 2 minutes ago." from when the reset was sent (the computer's clock). */
export function sentAgo(iso: string | null, now: number = Date.now()): string {
  const date = parse(iso);
  if (!date) return '';
  const minutes = Math.round((now - date.getTime()) / 60_000);
  if (minutes < 1) return t('daily.sentJustNow');
  const words = relative('always');
  const ago = minutes < 60 ? words.format(-minutes, 'minute') : words.format(-Math.round(minutes / 60), 'hour');
  return t('daily.sentAgo', { ago });
}
