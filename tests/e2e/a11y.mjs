// Accessibility checks for the end-to-end tests: axe-core run inside the real window, and
// keyboard helpers that move the focus the way a person at the keyboard does.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keepScreenshot, root } from './harness.mjs';

const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
export const TAB = '\uE004';
export const ENTER = '\uE007';
export const SPACE = ' ';

/** The serious and critical WCAG 2.1 A/AA violations on the screen now, as readable lines. */
export async function seriousViolations(driver) {
  const loaded = await driver.execute('return typeof window.axe === "object"');
  if (!loaded) await driver.execute(`${AXE}\nreturn true;`);
  const result = await driver.executeAsync(
    `const done = arguments[arguments.length - 1];
     window.axe
       .run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })
       .then((r) => done(r.violations.map((v) => ({
         id: v.id, impact: v.impact, help: v.help,
         nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
       }))))
       .catch((e) => done([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }]));`,
  );
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
}

/** Presses Tab until the focused element matches `css`; fails after `max` presses. */
export async function tabTo(driver, css, max = 40) {
  for (let i = 0; i < max; i += 1) {
    if (await driver.execute('return document.activeElement?.matches(arguments[0]) ?? false', [css])) return;
    await driver.keys(TAB);
  }
  const at = await driver.execute('return document.activeElement?.outerHTML.slice(0, 120) ?? "nothing"');
  throw new Error(`Tab never reached ${css}; the focus is on ${at}`);
}

export function focused(driver, css) {
  return driver.execute('return document.activeElement?.closest(arguments[0]) != null', [css]);
}

/** Fails on serious or critical problems on the screen now, and keeps its screenshot named after
 * the theme the window shows (light or dark). */
export async function checkScreen(driver, name) {
  const problems = await seriousViolations(driver);
  const dark = await driver.execute("return matchMedia('(prefers-color-scheme: dark)').matches");
  const theme = dark ? 'dark' : 'light';
  if (problems.length > 0) throw new Error(`${theme} ${name}:\n${problems.join('\n')}`);
  await keepScreenshot(driver, `${theme}-${name.replaceAll(' ', '-')}`);
}
