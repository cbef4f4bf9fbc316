// For the German screen tests: what of the English catalogue is still on screen, and devices
// whose eligibility comes with the Rust side's keys (and its English text as the fallback).
import type { Key } from '../src/lib/i18n';
import { de } from '../src/lib/i18n/de';
import { en } from '../src/lib/i18n/en';
import type { Eligibility, Verdict } from '../src/lib/api';
import type { RuleKey, WarningKey } from '../src/lib/generated/types';
import { device } from './backend';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English texts (split at placeholders) that German says differently, as whole words. */
const ENGLISH = [...new Set(
  (Object.keys(en) as Key[])
    .filter((key) => en[key] !== de[key])
    .flatMap((key) => en[key].split(/\{\w+\}/))
    .map((part) => part.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((part) => /\p{L}{2}/u.test(part)),
)].map((part) => ({ part, pattern: new RegExp(`(^|[^\\p{L}])${escape(part)}($|[^\\p{L}])`, 'u') }));

/** What stays as it is in every language: Microsoft's app names, Apple's name for an enrollment,
 * and settings' paths. */
const KEPT = [/Microsoft Pin Reset (Service|Client) Production/g, /User Enrollment/g, /\.\/(Device|Vendor)\/\S*/g];

/** Small English words that no German sentence uses. */
const FUNCTION_WORDS = /\b(the|and|you|your|with|this|is|to|of|it|be|has|have|The|This|You|Your)\b/;

/** Everything a person sees or hears of `root`: its text, and labels, titles and placeholders. */
export function visibleWords(root: ParentNode): string {
  const attributes = [...root.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) =>
    ['aria-label', 'title', 'placeholder'].map((name) => el.getAttribute(name) ?? ''),
  );
  const own = root instanceof Element ? [root.getAttribute('aria-label') ?? ''] : [];
  return [root.textContent ?? '', ...attributes, ...own].join('\n');
}

/** The English catalogue texts and English function words left in `root`. */
export function englishLeft(root: ParentNode = document.body): string[] {
  const text = KEPT.reduce((left, kept) => left.replace(kept, ' '), visibleWords(root)).replace(/\s+/g, ' ');
  const found = ENGLISH.filter(({ pattern }) => pattern.test(text)).map(({ part }) => part);
  const word = text.match(FUNCTION_WORDS);
  return word ? [...found, `function word "${word[0]}" in: ${text.slice(0, 400)}`] : found;
}

type Values = Record<string, string>;
const warning = (key: WarningKey, values: Values = {}) => ({ key, values });

/** An eligibility as the Rust side sends it: keys and values only. */
export function ruled(
  verdict: Verdict,
  rule: RuleKey,
  values: Values = {},
  warnings: Eligibility['warnings'] = [],
): Eligibility {
  return { verdict, rule, values, warnings, effect: verdict === 'resettable' ? 'newPasscode' : null };
}

/** One device for each rule the Rust side has, with every kind of warning among them. */
export const DEVICES = [
  device({ id: 'd-ok', name: 'PHONE-0042', eligibility: ruled('resettable', 'resettable', {}, [warning('stale', { days: '41' })]) }),
  device({ id: 'd-pc', name: 'PC-17', model: 'Surface Pro 4', osVersion: '10.0.22631.4460', eligibility: ruled('selfService', 'windowsDesktop') }),
  device({ id: 'd-81', name: 'PC-81', eligibility: ruled('notPossible', 'windows81', {}, [warning('noCheckIn')]), lastCheckIn: null }),
  device({ id: 'd-ios', name: 'IPHONE-3', os: 'iOS', model: null, user: null, eligibility: ruled('notPossible', 'iosUserEnrollment') }),
  device({ id: 'd-old', name: 'PHONE-OLD', eligibility: ruled('notPossible', 'mobileTooOld', { version: '10.0.14393.2551' }) }),
  device({ id: 'd-byod', name: 'PHONE-BYOD', eligibility: ruled('notPossible', 'notEntraJoined') }),
  device({ id: 'd-wipe', name: 'PHONE-WIPE', eligibility: ruled('notPossible', 'notManaged', { state: 'wiping' }, [warning('wipePending')]) }),
  device({ id: 'd-ret', name: 'PHONE-RET', eligibility: ruled('notPossible', 'notManaged', { state: 'retiring' }, [warning('retiring')]) }),
  ...(['unknownDevice', 'unknownVersion', 'unknownEnrollment', 'unknownManagement'] as const).map((key, i) =>
    device({
      id: `d-u${i}`,
      name: `ODD-${i}`,
      os: null,
      eligibility: ruled('unknown', key, { os: '', version: '10.0', model: 'Lumia 950', enrollment: '', management: 'Managed' }),
    }),
  ),
];
