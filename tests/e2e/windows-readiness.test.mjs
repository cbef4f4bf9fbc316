// A Windows PC's self-service PIN reset in the real window on the demo tenant: a PC whose PIN
// recovery profile succeeded and whose person has a method says "they can do it themselves" with
// the steps; a PC the profile has not reached says so; a person with no usable method is offered a
// Temporary Access Pass, created once and shown once, and the pass is in no file afterwards.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeFileSync } from 'node:fs';
import { pinRecoveryDeployed } from './admin-center.mjs';
import { de, englishLeft } from './catalogue.mjs';
import { appFileDirs, filesContaining, freshDir, keepScreenshot, startApp, startDemoTenant, demoEnv } from './harness.mjs';
import { openDevice, signIn } from '../bench/flows.mjs';

let tenant;
let app;
const dataDir = freshDir('pindesk-data-');

before(async () => {
  tenant = await startDemoTenant();
  await pinRecoveryDeployed(tenant, 'admin@pindesk-demo.example', ['Finance – Windows devices', 'Area managers']);
  // Devices that checked in lately take the profile within a few seconds of the assignment.
  await tenant.advanceClock(60_000);
  app = await startApp({
    env: demoEnv(tenant, {
      PINDESK_DATA_DIR: dataDir,
      PINDESK_LOG: 'debug',
    }),
  });
  const { driver } = app;
  await signIn(driver);
});

after(async () => {
  await app?.stop();
  await tenant?.stop();
});

/** Opens the PC named `name` and reads its readiness conclusion. */
async function open(name) {
  await openDevice(app.driver, name, name);
  return app.driver.waitForText('[data-testid="readiness-conclusion"]', 30000);
}

const lineState = (name) =>
  app.driver.execute(
    "return document.querySelector('[data-testid=\"readiness-' + arguments[0] + '\"]')?.dataset.state;",
    [name],
  );

const taps = () =>
  tenant.requestLog().split('\n').filter((line) => /^POST \/v1\.0\/users\/[^ ]+\/authentication\/temporaryAccessPassMethods /.test(line));

test('a PC whose profile succeeded and whose person has a method: they can do it themselves', async () => {
  const said = await open('Sales #4 / North');
  await app.driver.execute(`document.querySelector('[data-testid="windows-readiness"]').scrollIntoView();`);
  assert.match(said, /They can reset it themselves now: read them these steps/);
  for (const line of ['profileReached', 'serviceConsented', 'windowsSupported', 'mfaMethod']) {
    assert.equal(await lineState(line), 'yes', line);
  }
  assert.ok((await app.driver.findAll('[data-testid="self-service-steps"] li')).length >= 3, 'the steps follow');
  assert.match(await app.driver.text('[data-testid="readiness-methods"]'), /Microsoft Authenticator/);
  assert.equal(await app.driver.displayed('[data-testid="tap-panel"]'), false);
  await keepScreenshot(app.driver, 'windows-readiness');
});

test('a PC the profile has not reached yet says so and who fixes it', async () => {
  const said = await open('NW-LT-1703');
  assert.match(said, /PIN recovery has not reached this PC/);
  assert.equal(await lineState('profileReached'), 'no');
  assert.equal(await lineState('windowsSupported'), 'no');
});

test('a person without a usable method gets a Temporary Access Pass, created once and shown once', async () => {
  const { driver } = app;
  const said = await open("Ngozi's Surface");
  assert.match(said, /no method for multi-factor authentication/);
  assert.equal(await lineState('mfaMethod'), 'no');
  await driver.waitForDisplayed('[data-testid="tap-give"]', 30000);
  await driver.click('[data-testid="tap-give"]');
  await driver.waitForDisplayed('[data-testid="tap-confirm"]');
  assert.match(await driver.text('[data-testid="tap-confirm-name"]'), /Ngozi Okafor/);
  assert.equal(await driver.text('[data-testid="tap-confirm-upn"]'), 'ngozi.okafor@pindesk-demo.example');
  assert.equal(await driver.text('[data-testid="tap-confirm-lifetime"]'), '60 minutes');
  assert.equal(await driver.text('[data-testid="tap-confirm-use"]'), 'Once');
  // A double click sends one pass.
  await driver.execute(`const b = document.querySelector('[data-testid="tap-confirm-yes"]'); b.click(); b.click();`);
  await driver.waitForDisplayed('[data-testid="tap-pass-panel"]', 30000);
  assert.equal(await driver.displayed('[data-testid="tap-pass"]'), false, 'hidden until Show');
  await driver.click('[data-testid="tap-show"]');
  const pass = (await driver.waitForText('[data-testid="tap-pass"]')).replace(/\s/g, '');
  assert.equal(pass.length, 8);
  await driver.click('[data-testid="tap-spell"]');
  assert.ok((await driver.text('[data-testid="tap-spelled"]')).length > pass.length);
  assert.match(await driver.text('[data-testid="tap-ends-at"]'), /Stops working at/);
  await driver.click('[data-testid="tap-copy"]');
  assert.match(await driver.waitForText('[data-testid="tap-notice"]'), /cleared in \d+ seconds/);
  assert.equal(taps().length, 1, 'exactly one pass was created');
  assert.ok(!tenant.requestLog().includes(pass), 'the pass is not in the request log');
  await driver.execute(`document.querySelector('[data-testid="tap-pass-panel"]').scrollIntoView();`);
  await keepScreenshot(driver, 'temporary-access-pass');

  // Opening the PC again: the running pass is their method now, so they can do it themselves,
  // and nothing offers another pass (which would replace this one).
  await driver.click('[data-testid="tap-forget"]');
  assert.equal(await driver.displayed('[data-testid="tap-pass"]'), false);
  const again = await open("Ngozi's Surface");
  assert.match(again, /They can reset it themselves now/);
  assert.match(await driver.text('[data-testid="readiness-methods"]'), /Temporary Access Pass/);
  assert.equal(await driver.displayed('[data-testid="tap-give"]'), false);
  assert.equal(taps().length, 1);

  // The activity log names the person and how the pass works, in the window's words.
  await driver.click('[data-testid="open-audit"]');
  await driver.waitForDisplayed('[data-testid="audit-row"]');
  assert.match(
    await driver.text('[data-testid="audit-log"]'),
    /Temporary Access Pass for ngozi\.okafor@pindesk-demo\.example, 60 minutes, one-time use/,
  );

  // The audit log has the line, without the pass; no file the app wrote holds it.
  await app.stop();
  app = null;
  const found = filesContaining([dataDir, ...appFileDirs()], [pass]);
  assert.deepEqual(found, [], 'the pass is in no file');
  const audit = filesContaining([dataDir], ['ngozi.okafor']);
  assert.equal(audit.length, 1, 'one audit line names the person, not the pass');
});

test('in German, the checklist says the same in German words', async () => {
  const germanDir = freshDir('pindesk-data-de-');
  writeFileSync(join(germanDir, 'settings.json'), JSON.stringify({ language: 'de' }));
  app = await startApp({
    env: demoEnv(tenant, {
      PINDESK_DATA_DIR: germanDir,
    }),
  });
  const { driver } = app;
  await signIn(driver);
  assert.equal(await open('NW-LT-1703'), de['readiness.fix.profilePending']);
  assert.equal(await open('Sales #4 / North'), de['readiness.conclusion.selfService']);
  const words = await driver.execute(`return document.querySelector('[data-testid="windows-readiness"]').innerText;`);
  assert.deepEqual(englishLeft(words), [], words);
  await driver.execute(`document.querySelector('[data-testid="windows-readiness"]').scrollIntoView();`);
  await keepScreenshot(driver, 'windows-readiness-de');
});
