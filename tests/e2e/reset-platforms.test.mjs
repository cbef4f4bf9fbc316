// Every platform Intune can reset, in the real window on the demo tenant: an iPhone's passcode
// removed, a fully managed Android phone and a work profile each showing a passcode read from
// deviceActionResults, a work profile whose reset token is not active, and the devices Intune
// cannot help (User Enrollment iPhone, Mac, Android 7+ device administrator) saying why and
// sending nothing.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkScreen } from './a11y.mjs';
import { keepScreenshot, startApp, startDemoTenant, demoEnv } from './harness.mjs';
import { openDevice, signIn } from '../bench/flows.mjs';

let tenant;
let app;

before(async () => {
  tenant = await startDemoTenant();
  app = await startApp({
    env: demoEnv(tenant),
  });
  const { driver } = app;
  await signIn(driver);
});

after(async () => {
  await app?.stop();
  await tenant?.stop();
});

const log = () => tenant.requestLog().split('\n');
const resets = () => log().filter((line) => /^POST .*\/resetPasscode /.test(line)).length;
const betaReads = () => log().filter((line) => /^GET \/beta\/deviceManagement\/managedDevices\//.test(line));

const open = (text, name) => openDevice(app.driver, text, name);

async function confirmReset(heading) {
  const { driver } = app;
  await driver.click('[data-testid="reset-button"]');
  await driver.waitForDisplayed('[data-testid="confirm-reset"]');
  assert.match(await driver.text('[data-testid="confirm-heading"]'), heading);
  await driver.click('[data-testid="confirm-yes"]');
}

test("an iPhone's passcode is removed: no passcode to read, the removal said plainly, one reset", async () => {
  const { driver } = app;
  await open('iPhone', 'Zoë’s iPhone');
  assert.match(await driver.text('[data-testid="reset-button"]'), /Remove passcode/);
  await confirmReset(/This removes the passcode from Zoë’s iPhone/);
  const said = await driver.waitForText('[data-testid="removed-text"]', 30000);
  assert.match(said, /opens without a passcode/);
  assert.match(said, /they set it themselves/);
  assert.equal(await driver.displayed('[data-testid="passcode-panel"]'), false);
  assert.equal(await driver.displayed('[data-testid="reset-failure"]'), false);
  assert.equal(resets(), 1, 'exactly one resetPasscode was sent');
  assert.equal(betaReads().length, 0, 'an iPhone is judged from v1.0 alone');
  await checkScreen(driver, 'the passcode removed');
  await keepScreenshot(driver, 'passcode-removed');
});

test('a fully managed Android phone shows the new passcode Intune reports', async () => {
  const { driver } = app;
  await open('NW-AND-0031', 'NW-AND-0031');
  const reads = betaReads();
  assert.equal(reads.length, 1, `one beta read for the one Android phone: ${reads}`);
  assert.match(reads[0], /select=deviceType(,|%2C)deviceEnrollmentType/);
  await confirmReset(/This replaces the passcode of NW-AND-0031/);
  await driver.waitForDisplayed('[data-testid="show-passcode"]', 30000);
  await driver.click('[data-testid="show-passcode"]');
  const passcode = (await driver.waitForText('[data-testid="passcode"]')).replace(/\s/g, '');
  assert.match(passcode, /^\d{6}$/);
  assert.equal(resets(), 2);
});

test("a work-profile phone shows the work profile's temporary passcode", async () => {
  const { driver } = app;
  await open('Priya', "Priya's Galaxy");
  assert.match(await driver.text('[data-testid="explanation"]'), /only the work profile's passcode/);
  await confirmReset(/This replaces the work profile's passcode on Priya's Galaxy/);
  await driver.waitForDisplayed('[data-testid="show-passcode"]', 30000);
  assert.match(await driver.text('[data-testid="passcode-read-it"]'), /temporary passcode/);
  await driver.click('[data-testid="show-passcode"]');
  const passcode = (await driver.waitForText('[data-testid="passcode"]')).replace(/\s/g, '');
  assert.match(passcode, /^\d{6}$/);
  assert.equal(resets(), 3);
  await keepScreenshot(driver, 'work-profile-passcode');
});

test('a work profile without an active reset token says so in plain words', async () => {
  const { driver } = app;
  await open('Inès', "Inès's Pixel");
  await confirmReset(/work profile's passcode/);
  const reason = await driver.waitForText('[data-testid="failure-reason"]', 30000);
  assert.match(reason, /reset token is not active/);
  assert.match(reason, /accepts the prompt on the phone/);
  assert.equal(await driver.displayed('[data-testid="passcode-panel"]'), false);
  assert.equal(resets(), 4, 'Intune can only say "not supported" after the one reset was sent');
  await checkScreen(driver, 'the work profile without its reset token');
  await keepScreenshot(driver, 'work-profile-token');
});

test('a User Enrollment iPhone, a Mac and an Android 10 device-administrator phone say why and send nothing', async () => {
  const { driver } = app;
  for (const [text, name, why] of [
    ['Mateo', "Mateo's iPhone", /User Enrollment/],
    ['MacBook', "Avery's MacBook Air", /Apple Account or recovery key/],
    ['Moto', "Ngozi's Moto", /from Android 7\.0 on/],
  ]) {
    await open(text, name);
    assert.match(await driver.text('[data-testid="explanation"]'), why, name);
    assert.equal(await driver.displayed('[data-testid="reset-button"]'), false, name);
    if (name.startsWith('Mateo')) await keepScreenshot(driver, 'user-enrollment');
  }
  assert.equal(resets(), 4, 'nothing more was sent');
});

test('the activity log says an iPhone was done without a passcode, and a work profile was not supported', async () => {
  const { driver } = app;
  await driver.click('[data-testid="close-device"]');
  await driver.click('[data-testid="open-audit"]');
  await driver.waitFor('four audit rows', async () => (await driver.findAll('[data-testid="audit-row"]')).length === 4);
  const log = await driver.text('[data-testid="audit-log"]');
  assert.match(log, /Zoë’s iPhone[\s\S]*Done, no passcode returned/);
  assert.match(log, /NW-AND-0031[\s\S]*New passcode issued/);
  assert.match(log, /Inès's Pixel[\s\S]*Not supported by the device/);
});
