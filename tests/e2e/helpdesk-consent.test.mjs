// PinDesk's own sign-in on a demo tenant where nothing is consented, in the real window: the
// helpdesk person is told plainly that the organisation has not approved PinDesk (never "you
// cancelled"); the administrator approves it on the setup's first step (Entra's admin consent
// page, played by the fake browser) and PinDesk verifies it through Graph; the helpdesk person
// then signs in and resets a phone.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { keepScreenshot, startApp, startDemoTenant, demoEnv } from './harness.mjs';
import { choose } from '../bench/flows.mjs';

let tenant;
let app;

async function start(login) {
  await app?.stop(); // a test that failed half-way leaves its app running
  app = await startApp({
    env: demoEnv(tenant, {
      PINDESK_TEST_LOGIN: login,
    }),
  });
  await app.driver.waitForDisplayed('[data-testid="sign-in-screen"]');
}

async function stop({ signOut }) {
  if (signOut) {
    // The keychain is shared with the other end-to-end files, which expect it empty.
    await app.driver.click('[data-testid="sign-out"]');
    await app.driver.waitForDisplayed('[data-testid="sign-in-screen"]');
  }
  await app.stop();
  app = null;
}

before(async () => {
  tenant = await startDemoTenant(['--no-org-consent']);
});

after(async () => {
  await app?.stop();
  await tenant?.stop();
});

const log = () => tenant.requestLog().split('\n');

test('a helpdesk person is told the organisation has not approved PinDesk, not that they cancelled', async () => {
  await start('helpdesk@pindesk-demo.example');
  const { driver } = app;
  await driver.click('[data-testid="sign-in"]');
  const said = await driver.waitForText('[data-testid="error"]', 30000);
  assert.match(said, /has not approved PinDesk/);
  assert.match(said, /administrator/);
  assert.doesNotMatch(said, /cancel/i);
  assert.equal(await driver.displayed('[data-testid="signed-in-name"]'), false);
  assert.ok(
    log().some((line) => /^GET \/[^ ]*\/oauth2\/v2\.0\/authorize\?.* 302$/.test(line)),
    'Entra answered the sign-in with a redirect',
  );
  await keepScreenshot(driver, 'sign-in-not-approved');
  await stop({ signOut: false });
});

test("the administrator approves PinDesk for the organisation on the setup's first step", async () => {
  await start('admin@pindesk-demo.example');
  const { driver } = app;
  await driver.click('[data-testid="sign-in-setup"]');
  await driver.waitForDisplayed('[data-testid="view-consent"]');
  await driver.waitFor('the sign-in line', async () =>
    (await driver.execute(
      `const el = document.querySelector('[data-testid="signin-consent-state"]');
       return el ? el.dataset.state : null;`,
    )) === 'notDone',
  );
  const missing = await driver.findAll('[data-testid="signin-missing-item"]');
  assert.ok(missing.length >= 7, `every task's permissions are missing (${missing.length})`);
  const names = await driver.execute(
    `return [...document.querySelectorAll('[data-testid="signin-missing-item"]')].map((el) => el.textContent);`,
  );
  assert.ok(names.includes("Reset a device's passcode"), names.join(' | '));
  assert.ok(names.every((name) => !/\.All|\.Read/.test(name)), 'plain words, not permission names');
  const hidden = await driver.execute(
    `return document.querySelector('[data-testid="signin-missing-names"]').closest('details').open;`,
  );
  assert.equal(hidden, false, 'the permission names stay behind Details');
  await keepScreenshot(driver, 'setup-signin-consent');

  await driver.click('[data-testid="grant-signin-consent"]');
  await driver.waitForDisplayed('[data-testid="signin-consent-done"]', 30000);
  assert.ok(
    log().some((line) => /^POST \/[^ ]*\/v2\.0\/adminconsent(\?[^ ]*)? 302$/.test(line)),
    'the admin consent page was accepted',
  );
  assert.ok(
    log().some((line) => /^POST \/v1\.0\/\$batch 200$/.test(line)),
    'PinDesk checked through Graph',
  );
  await driver.waitFor('the overview line', async () =>
    (await driver.execute(
      `const el = document.querySelector('[data-testid="setup-item-signin"]');
       return el ? el.dataset.state : null;`,
    )) === 'done',
  );
  await stop({ signOut: true });
});

test('the helpdesk person then signs in and resets a phone', async () => {
  await start('helpdesk@pindesk-demo.example');
  const { driver } = app;
  await driver.click('[data-testid="sign-in"]');
  await driver.waitForText('[data-testid="signed-in-name"]', 30000);
  await driver.waitForDisplayed('[data-testid="device-search"]', 30000);
  await driver.type('[data-testid="device-search"]', 'Lumi');
  await choose(driver, 'Lumia');
  await driver.type('[data-testid="ticket"]', 'INC-13');
  await driver.click('[data-testid="reset-button"]');
  await driver.waitForDisplayed('[data-testid="confirm-reset"]');
  await driver.click('[data-testid="confirm-yes"]');
  await driver.waitForDisplayed('[data-testid="show-passcode"]', 30000);
  const resets = log().filter((line) => /^POST .*\/resetPasscode /.test(line));
  assert.equal(resets.length, 1, 'exactly one reset was sent');
  await stop({ signOut: true });
});
