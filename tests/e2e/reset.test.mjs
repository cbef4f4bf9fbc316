// The helpdesk job in the real window on the demo tenant: find a device by part of its name,
// learn what can be done, reset once, reveal and copy the passcode.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freshDir, keepScreenshot, root, startApp, startDemoTenant } from './harness.mjs';

let tenant;
let app;

before(async () => {
  tenant = await startDemoTenant();
  app = await startApp({
    env: {
      PINDESK_AUTHORITY: tenant.issuer,
      PINDESK_GRAPH_URL: tenant.graphUrl,
      PINDESK_DATA_DIR: freshDir('pindesk-data-'),
      PINDESK_BROWSER: `node ${join(root, 'tests/e2e/fake-browser.mjs')}`,
      PINDESK_TEST_LOGIN: 'helpdesk@pindesk-demo.example',
    },
  });
  const { driver } = app;
  await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
  await driver.click('[data-testid="sign-in"]');
  await driver.waitForText('[data-testid="signed-in-name"]');
});

after(async () => {
  await app?.stop();
  await tenant?.stop();
});

async function search(text) {
  const { driver } = app;
  await driver.command('POST', `/element/${await driver.find('[data-testid="device-search"]')}/clear`, {});
  await driver.type('[data-testid="device-search"]', text);
}

/** Clicks the search result whose text contains `name`. */
async function choose(name) {
  await app.driver.waitFor(`a result named ${name}`, () =>
    app.driver.execute(
      `const hit = [...document.querySelectorAll('[data-testid="device-result"]')]
         .find((el) => el.textContent.includes(arguments[0]));
       if (hit) hit.click();
       return Boolean(hit);`,
      [name],
    ),
  );
  await app.driver.waitForDisplayed('[data-testid="device-details"]');
}

const resets = () =>
  tenant.requestLog().split('\n').filter((line) => /^POST .*\/resetPasscode /.test(line)).length;

test('a Windows 10 Mobile phone found by part of its name gets a new passcode, once', async () => {
  const { driver } = app;
  await search('Lumi');
  await choose('Zoë’s Lumia');
  await driver.click('[data-testid="reset-button"]');
  await driver.waitForDisplayed('[data-testid="confirm-reset"]');
  assert.match(await driver.text('[data-testid="confirm-name"]'), /Zoë’s Lumia/);
  await driver.click('[data-testid="confirm-yes"]');
  await driver.waitForText('[data-testid="progress-text"]');
  await driver.waitForDisplayed('[data-testid="show-passcode"]', 30000);
  assert.equal(await driver.displayed('[data-testid="passcode"]'), false, 'hidden until Show');
  await driver.click('[data-testid="show-passcode"]');
  const passcode = (await driver.waitForText('[data-testid="passcode"]')).replace(/\s/g, '');
  assert.match(passcode, /^\d{6}$/);
  assert.match(await driver.text('[data-testid="valid-until"]'), /Valid until/);
  assert.equal(resets(), 1, 'exactly one resetPasscode was sent');
  assert.ok(!tenant.requestLog().includes(passcode), 'the passcode is not in the request log');

  await driver.click('[data-testid="copy-passcode"]');
  await driver.waitForText('[data-testid="reset-notice"]');
  const clipboard = execFileSync('xclip', ['-selection', 'clipboard', '-o'], { encoding: 'utf8' });
  assert.equal(clipboard.trim(), passcode);
  await keepScreenshot(driver, 'passcode');
});

test('a Windows 11 laptop gets the self-service steps and no reset button', async () => {
  const { driver } = app;
  await driver.click('[data-testid="close-device"]');
  await search('NW-LT');
  await choose('NW-LT');
  await driver.waitForDisplayed('[data-testid="self-service-steps"]');
  assert.match(await driver.text('[data-testid="self-service-steps"]'), /forgot my PIN/i);
  assert.equal(await driver.displayed('[data-testid="reset-button"]'), false);
});

test('a reset the device refuses shows the reason and the way to the admin center', async () => {
  const { driver } = app;
  await driver.click('[data-testid="close-device"]');
  await search('NW-PHONE-0009');
  await choose('NW-PHONE-0009');
  assert.match(await driver.text('[data-testid="warnings"]'), /check/i);
  await driver.click('[data-testid="reset-button"]');
  await driver.waitForDisplayed('[data-testid="confirm-reset"]');
  await driver.click('[data-testid="confirm-yes"]');
  const reason = await driver.waitForText('[data-testid="failure-reason"]', 30000);
  assert.ok(reason.length > 10, `a plain reason: ${reason}`);
  assert.equal(await driver.displayed('[data-testid="open-admin-center"]'), true);
});
