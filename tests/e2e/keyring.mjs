// Reads the real Secret Service (over the D-Bus session the tests run in) the way any other
// program could: which items carry a given attribute.

import { execFileSync } from 'node:child_process';

/** Object paths of the Secret Service items whose `attribute` equals `value`. */
export function secretItems(attribute, value) {
  const output = execFileSync(
    'gdbus',
    [
      'call', '--session',
      '--dest', 'org.freedesktop.secrets',
      '--object-path', '/org/freedesktop/secrets',
      '--method', 'org.freedesktop.Secret.Service.SearchItems',
      `{'${attribute}': '${value}'}`,
    ],
    { encoding: 'utf8' },
  );
  return [...output.matchAll(/objectpath '([^']+)'/g)].map((match) => match[1]);
}
