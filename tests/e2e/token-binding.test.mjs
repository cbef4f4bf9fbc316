// A refresh token goes only where it was issued, in the real window with the real Secret
// Service: an account signed in at one tenant is listed as belonging elsewhere when PinDesk
// points at another (which sees no token request), and the demo tenant neither lists, refreshes
// nor deletes a real account stored before it.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freshDir, root, startApp, startDemoTenant } from './harness.mjs';
import { secretItems } from './keyring.mjs';

const HELPDESK = 'helpdesk@pindesk-demo.example';
let first;
let second;
let env;

before(async () => {
  first = await startDemoTenant();
  second = await startDemoTenant();
  env = {
    PINDESK_DATA_DIR: freshDir('pindesk-data-'),
    PINDESK_BROWSER: `node ${join(root, 'tests/e2e/fake-browser.mjs')}`,
    PINDESK_TEST_LOGIN: HELPDESK,
  };
});

after(async () => {
  await first?.stop();
  await second?.stop();
});

const at = (tenant) => ({ ...env, PINDESK_AUTHORITY: tenant.issuer, PINDESK_GRAPH_URL: tenant.graphUrl });
const tokenRequests = (tenant) =>
  tenant.requestLog().split('\n').filter((line) => /^POST \S*\/oauth2\/v2\.0\/token /.test(line)).length;

test('an account is signed in at the first tenant and its refresh token is in the keychain', async () => {
  const app = await startApp({ env: at(first) });
  try {
    const { driver } = app;
    await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
    await driver.click('[data-testid="sign-in"]');
    assert.equal(await driver.waitForText('[data-testid="signed-in-name"]'), 'Harper Helpdesk');
    assert.ok(secretItems('service', 'PinDesk').length > 0);
  } finally {
    await app.stop();
  }
});

test('pointed at another tenant, the account is listed as belonging elsewhere and no token is sent', async () => {
  const app = await startApp({ env: at(second) });
  try {
    const { driver } = app;
    await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
    const note = await driver.waitForText('[data-testid="account-elsewhere"]');
    assert.match(note, /Harper Helpdesk/);
    assert.match(note, /another sign-in service/);
    assert.equal((await driver.findAll('[data-testid="continue-account"]')).length, 0);
    assert.equal(tokenRequests(second), 0, 'the second tenant saw no refresh grant');
  } finally {
    await app.stop();
  }
});

test('the demo tenant started with a real account stored lists none, and the account survives', async () => {
  const stored = secretItems('service', 'PinDesk').length;
  const demo = await startApp({ env: at(first), args: ['--demo'] });
  try {
    const { driver } = demo;
    await driver.waitForDisplayed('[data-testid="demo-badge"]');
    await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
    assert.equal((await driver.findAll('[data-testid="continue-account"]')).length, 0);
    assert.equal((await driver.findAll('[data-testid="account-elsewhere"]')).length, 0);
    await driver.click('[data-testid="sign-in"]');
    assert.equal(await driver.waitForText('[data-testid="signed-in-name"]'), 'Harper Helpdesk');
    await driver.click('[data-testid="sign-out"]');
    await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
  } finally {
    await demo.stop();
  }
  assert.equal(secretItems('service', 'PinDesk').length, stored, 'the real keychain entries survive');
  assert.equal(secretItems('service', 'PinDesk demo').length, 0, 'the demo cleaned up its own');

  const real = await startApp({ env: at(first) });
  try {
    assert.equal(await real.driver.waitForText('[data-testid="signed-in-name"]'), 'Harper Helpdesk');
  } finally {
    await real.stop();
  }
});

test('an account listed as belonging elsewhere can be forgotten', async () => {
  const app = await startApp({ env: at(second) });
  try {
    const { driver } = app;
    await driver.waitForDisplayed('[data-testid="account-elsewhere"]');
    await driver.click('[data-testid="forget-account"]');
    await driver.waitFor('the account to be gone', async () =>
      (await driver.findAll('[data-testid="account-elsewhere"]')).length === 0);
    await driver.waitFor('the keychain to be empty', () => secretItems('service', 'PinDesk').length === 0);
    assert.equal(tokenRequests(second), 0);
  } finally {
    await app.stop();
  }
});
