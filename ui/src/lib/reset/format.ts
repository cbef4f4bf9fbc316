// Plain, locale-aware words for the Reset view: check-in times, the passcode read aloud.
// `undefined` as the locale means the person's own (the system's) locale.

const DAY = 24 * 60 * 60 * 1000;

function parse(iso: string | null): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 days ago", "yesterday", "5 minutes ago"; a date once it is over a month old. */
export function lastSeen(iso: string | null, now: Date = new Date()): string {
  const date = parse(iso);
  if (!date) return 'Never checked in';
  const diff = date.getTime() - now.getTime();
  const past = Math.abs(diff);
  if (past > 30 * DAY) return longDate(date);
  const words = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  if (past < 60 * 60 * 1000) return words.format(Math.round(diff / 60_000), 'minute');
  if (past < DAY) return words.format(Math.round(diff / 3_600_000), 'hour');
  return words.format(Math.round(diff / DAY), 'day');
}

function longDate(date: Date): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
}

/** The full date and time, for a tooltip or the "valid until" line. */
export function dateTime(iso: string | null): string {
  const date = parse(iso);
  if (!date) return '';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' }).format(date);
}

/** A compact date and time for lists: "Nov 25, 2026, 12:24 PM". */
export function shortDateTime(iso: string | null): string {
  const date = parse(iso);
  if (!date) return '';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "583920" → ["583", "920"]: groups of three, for reading aloud. */
export function groups(passcode: string): string[] {
  const chars = [...passcode.replace(/\s+/g, '')];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += 3) out.push(chars.slice(i, i + 3).join(''));
  return out;
}

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

const LETTERS: Record<string, string> = {
  a: 'Alfa', b: 'Bravo', c: 'Charlie', d: 'Delta', e: 'Echo', f: 'Foxtrot', g: 'Golf',
  h: 'Hotel', i: 'India', j: 'Juliett', k: 'Kilo', l: 'Lima', m: 'Mike', n: 'November',
  o: 'Oscar', p: 'Papa', q: 'Quebec', r: 'Romeo', s: 'Sierra', t: 'Tango', u: 'Uniform',
  v: 'Victor', w: 'Whiskey', x: 'X-ray', y: 'Yankee', z: 'Zulu',
};

const SYMBOLS: Record<string, string> = {
  '-': 'dash', _: 'underscore', '.': 'dot', '!': 'exclamation mark', '@': 'at sign',
  '#': 'hash', $: 'dollar sign', '%': 'percent sign', '&': 'ampersand', '*': 'star',
  '+': 'plus', '=': 'equals', '?': 'question mark', '/': 'slash',
};

/** One character as a word: "5" → "five", "K" → "capital K as in Kilo". */
export function spell(char: string): string {
  if (/^[0-9]$/.test(char)) return DIGITS[Number(char)];
  const lower = char.toLowerCase();
  if (LETTERS[lower]) {
    const upper = char !== lower;
    return `${upper ? 'capital ' : 'small '}${upper ? char : lower} as in ${LETTERS[lower]}`;
  }
  return SYMBOLS[char] ?? `the character ${char}`;
}

/** "583920" → "five eight three — nine two zero". */
export function spellOut(passcode: string): string {
  return groups(passcode)
    .map((group) => [...group].map(spell).join(' '))
    .join(' — ');
}
