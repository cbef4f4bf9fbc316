// `pindesk --demo` runs the built-in demo tenant inside the app and says so plainly.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDir, keepScreenshot, startApp } from './harness.mjs';

let app;

before(async () => {
  app = await startApp({ env: { PINDESK_DATA_DIR: freshDir('pindesk-data-') }, args: ['--demo'] });
});

after(async () => {
  await app?.stop();
});

test('demo mode shows the demo tenant badge on the sign-in screen', async () => {
  const { driver } = app;
  await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
  const badge = await driver.waitForText('[data-testid="demo-badge"]');
  assert.match(badge, /demo tenant/i);
  await driver.waitForText('[data-testid="app-version"]');
  await keepScreenshot(driver, 'sign-in');
});

test('demo mode does not offer to switch to the demo tenant again', async () => {
  await app.driver.waitForDisplayed('[data-testid="demo-badge"]');
  assert.equal(await app.driver.displayed('[data-testid="use-demo"]'), false);
});
