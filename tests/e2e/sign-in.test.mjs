// Sign-in in the real window against the demo tenant: the browser round trip, the silent return
// after a restart (refresh token from the real Secret Service), and a sign-out that forgets.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freshDir, root, startApp, startDemoTenant } from './harness.mjs';
import { secretItems } from './keyring.mjs';

const HELPDESK = 'helpdesk@pindesk-demo.example';
let tenant;
let env;
let browserLog;

before(async () => {
  tenant = await startDemoTenant();
  browserLog = join(freshDir('pindesk-browser-'), 'opened.log');
  env = {
    PINDESK_AUTHORITY: tenant.issuer,
    PINDESK_GRAPH_URL: tenant.graphUrl,
    PINDESK_DATA_DIR: freshDir('pindesk-data-'),
    PINDESK_BROWSER: `node ${join(root, 'tests/e2e/fake-browser.mjs')}`,
    PINDESK_TEST_BROWSER_LOG: browserLog,
    // The most the log can say, so the check below covers everything PinDesk logs.
    PINDESK_LOG: 'debug',
  };
});

after(async () => {
  await tenant?.stop();
});

const opened = () => (existsSync(browserLog) ? readFileSync(browserLog, 'utf8').trim().split('\n') : []);
const authorizeRequests = () =>
  tenant.requestLog().split('\n').filter((line) => line.includes('/oauth2/v2.0/authorize')).length;

test('helpdesk operator signs in through the browser and sees their name', async () => {
  const app = await startApp({ env });
  try {
    const { driver } = app;
    await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
    await driver.type('[data-testid="login-hint"]', HELPDESK);
    await driver.click('[data-testid="sign-in"]');
    const name = await driver.waitForText('[data-testid="signed-in-name"]');
    assert.equal(name, 'Harper Helpdesk');
    assert.equal(opened().length, 1, 'the browser was opened once');
    assert.ok(secretItems('service', 'PinDesk').length > 0, 'the refresh token is in the keychain');
  } finally {
    await app.stop();
  }
});

test('restarting the app signs the person in again without any browser', async () => {
  const before = { browser: opened().length, authorize: authorizeRequests() };
  const app = await startApp({ env });
  try {
    const name = await app.driver.waitForText('[data-testid="signed-in-name"]');
    assert.equal(name, 'Harper Helpdesk');
    assert.equal(opened().length, before.browser, 'no browser was opened');
    assert.equal(authorizeRequests(), before.authorize, 'no authorize request was made');
  } finally {
    await app.stop();
  }
});

test('sign-out leaves no entry of the app in the Secret Service', async () => {
  const app = await startApp({ env });
  try {
    const { driver } = app;
    await driver.waitForText('[data-testid="signed-in-name"]');
    await driver.click('[data-testid="sign-out"]');
    await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
    await driver.waitFor('the keychain to be empty', () => secretItems('service', 'PinDesk').length === 0);
    assert.equal((await driver.findAll('[data-testid="continue-account"]')).length, 0);
  } finally {
    await app.stop();
  }
});

test('no file the app wrote holds a token', () => {
  const dirs = [env.PINDESK_DATA_DIR, join(homedir(), '.local/share/org.pindesk.desktop')];
  const files = dirs.filter(existsSync).flatMap(walk);
  assert.ok(files.length > 0, 'the app wrote its account list');
  assert.ok(
    files.some((file) => file.endsWith(join('logs', 'pindesk.log'))),
    'the app wrote its log, at debug level',
  );
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    assert.ok(!/eyJ[\w-]{10,}\.[\w-]{10,}/.test(text), `${file} holds something like a token`);
  }
});

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

test('without a keychain the sign-in works for this session only and says so', async () => {
  const app = await startApp({
    env: {
      ...env,
      PINDESK_DATA_DIR: freshDir('pindesk-data-'),
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/pindesk-no-keychain',
    },
  });
  try {
    const { driver } = app;
    await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
    await driver.type('[data-testid="login-hint"]', HELPDESK);
    await driver.click('[data-testid="sign-in"]');
    assert.equal(await driver.waitForText('[data-testid="signed-in-name"]'), 'Harper Helpdesk');
    assert.match(await driver.waitForText('[data-testid="storage-warning"]'), /this session only/);
  } finally {
    await app.stop();
  }
});
