// Checks that the built window fits its CSP:
//   default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:
// dist/index.html may only load local files, has no inline script or style, and its styles
// come from a CSS file. Run after `vite build` (the build script does).
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const problems = [];

for (const [tag, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (!/\bsrc=/.test(attrs)) problems.push(`inline script: ${tag.slice(0, 80)}`);
  if (body.trim() !== '') problems.push(`script with a body: ${tag.slice(0, 80)}`);
}
if (/<style\b/i.test(html)) problems.push('inline <style> element');
if (/\sstyle=/i.test(html)) problems.push('style="..." attribute');
if (/\son[a-z]+=/i.test(html)) problems.push('inline event handler attribute');

const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/gi)].map((m) => m[1]);
for (const ref of refs) {
  const local = (ref.startsWith('/') && !ref.startsWith('//')) || ref.startsWith('./');
  if (!local) problems.push(`not a local asset: ${ref}`);
  else if (!existsSync(join(dist, ref.replace(/^\.?\//, '')))) problems.push(`missing file: ${ref}`);
}
if (!refs.some((ref) => ref.endsWith('.css'))) problems.push('no stylesheet file is linked');

if (problems.length > 0) {
  console.error(`dist/index.html does not fit the window's CSP:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`dist/index.html fits the CSP: ${refs.length} local assets, no inline script or style`);
