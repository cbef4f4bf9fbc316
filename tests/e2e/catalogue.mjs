// The window's English and German catalogues (ui/src/lib/i18n), read as the plain object
// literals they are, and a check for English catalogue text left on a German screen.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness.mjs';

const PARTS = ['app', 'reset', 'errors', 'rules', 'setup', 'setup-status', 'windows'];

function part(language, name) {
  const text = readFileSync(join(root, 'ui/src/lib/i18n', language, `${name}.ts`), 'utf8');
  const start = text.search(/(?:export default|=)\s*\{/);
  const literal = text.slice(text.indexOf('{', start), text.lastIndexOf('}') + 1);
  return new Function(`return (${literal});`)();
}

const catalogue = (language) => Object.assign({}, ...PARTS.map((name) => part(language, name)));

export const en = catalogue('en');
export const de = catalogue('de');

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English texts (split at placeholders) that German says differently, matched as whole words. */
const ENGLISH = [
  ...new Set(
    Object.keys(en)
      .filter((key) => en[key] !== de[key])
      .flatMap((key) => en[key].split(/\{\w+\}/))
      .map((part) => part.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
      .filter((part) => /\p{L}{2}/u.test(part)),
  ),
].map((part) => ({ part, pattern: new RegExp(`(^|[^\\p{L}])${escape(part)}($|[^\\p{L}])`, 'u') }));

/** What stays as it is in every language: Microsoft's app names, and settings' paths. */
const KEPT = [/Microsoft Pin Reset (Service|Client) Production/g, /\.\/(Device|Vendor)\/\S*/g];

/** The English catalogue texts found in `text`. */
export function englishLeft(text) {
  const flat = KEPT.reduce((left, kept) => left.replace(kept, ' '), text).replace(/\s+/g, ' ');
  return ENGLISH.filter(({ pattern }) => pattern.test(flat)).map(({ part }) => part);
}
