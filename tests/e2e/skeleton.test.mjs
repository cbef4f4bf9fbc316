// The walking skeleton in the real window: it opens on the sign-in screen in front of the three
// jobs, and shows the version the Rust side reports over IPC.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cargoVersion, freshDir, startApp, startDemoTenant } from './harness.mjs';

let tenant;
let app;

before(async () => {
  tenant = await startDemoTenant();
  app = await startApp({
    env: {
      PINDESK_AUTHORITY: tenant.issuer,
      PINDESK_GRAPH_URL: tenant.graphUrl,
      PINDESK_DATA_DIR: freshDir('pindesk-data-'),
    },
  });
});

after(async () => {
  await app?.stop();
  await tenant?.stop();
});

test('window opens on the sign-in screen', async () => {
  const { driver } = app;
  await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
  assert.equal(await driver.displayed('[data-testid="sign-in"]'), true);
});

test('window shows the version that the Rust side reports', async () => {
  const text = await app.driver.waitForText('[data-testid="app-version"]');
  assert.match(text, new RegExp(`\\b${cargoVersion().replaceAll('.', '\\.')}\\b`));
});

test('window names the three jobs of the wizard', async () => {
  const text = await app.driver.execute('return document.body.innerText');
  for (const job of ['Allow PIN reset', 'Turn on PIN recovery', 'Reset a passcode']) {
    assert.ok(text.includes(job), `missing "${job}" in the window`);
  }
});

test('window offers the demo tenant when pointed at another tenant', async () => {
  await app.driver.waitForDisplayed('[data-testid="use-demo"]');
});

test('settings view shows the Graph address in use, set for this run', async () => {
  const { driver } = app;
  await driver.click('[data-testid="open-settings"]');
  const graph = await driver.waitForText('[data-testid="in-use-graphUrl"]');
  assert.equal(new URL(graph).origin, tenant.graphUrl);
  assert.match(await driver.text('[data-testid="settings"]'), /set for this run/);
  await driver.click('[data-testid="close-settings"]');
  await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
});
