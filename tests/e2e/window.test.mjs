// Desktop manners in the real window: it shows itself once its page is ready, and comes back at
// the size the person left it.

import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { freshDir, startApp } from './harness.mjs';

const stateFile = join(homedir(), '.config', 'org.pindesk.desktop', '.window-state.json');
const env = { PINDESK_DATA_DIR: freshDir('pindesk-data-') };

after(() => {
  // Later tests start from the default size again.
  rmSync(stateFile, { force: true });
});

test('the window reopens at the size it was closed with', async () => {
  const first = await startApp({ args: ['--demo'], env });
  await first.driver.waitForDisplayed('[data-testid="sign-in-screen"]');
  await first.driver.command('POST', '/window/rect', { width: 900, height: 640 });
  const set = await first.driver.command('GET', '/window/rect');
  // Closing the window the way a person does lets the app remember it.
  await first.driver.command('DELETE', '/window').catch(() => {});
  await first.stop();

  const second = await startApp({ args: ['--demo'], env });
  try {
    await second.driver.waitForDisplayed('[data-testid="sign-in-screen"]');
    const again = await second.driver.command('GET', '/window/rect');
    assert.equal(again.width, set.width);
    assert.equal(again.height, set.height);
    assert.notEqual(set.width, 1040, 'the size really changed from the default');
  } finally {
    await second.stop();
  }
});

test('the window, hidden while its page loads, shows itself once the page is ready', async () => {
  const app = await startApp({ args: ['--demo'], env });
  try {
    await app.driver.waitForDisplayed('[data-testid="sign-in-screen"]');
    // WebKit calls a page hidden while its window is not on screen. Shown when the page is
    // ready, not by the 3 s fallback: well before that once the first screen is there.
    const shown = await app.driver.waitFor(
      'the window on screen',
      async () => (await app.driver.execute('return document.visibilityState')) === 'visible',
      1500,
    );
    assert.equal(shown, true);
  } finally {
    await app.stop();
  }
});
