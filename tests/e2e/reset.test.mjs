// The helpdesk job in the real window on the demo tenant: find a device by part of its name,
// learn what can be done, reset once, reveal and copy the passcode, find it in the audit log,
// and leave no passcode in any file the app wrote.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appFileDirs, filesContaining, freshDir, keepScreenshot, startApp, startDemoTenant, demoEnv } from './harness.mjs';
import { choose as chooseDevice, search as searchFor, signIn } from '../bench/flows.mjs';

let tenant;
let app;
const dataDir = freshDir('pindesk-data-');
/** Every passcode the window showed, to look for in files at the end. */
const passcodes = [];
const CLIPBOARD_SECONDS = 3;

/** What the X clipboard holds now ('' when nothing, as after PinDesk cleared it). */
function clipboard() {
  const read = spawnSync('xclip', ['-selection', 'clipboard', '-o'], { encoding: 'utf8' });
  return read.status === 0 ? read.stdout.trim() : '';
}

before(async () => {
  tenant = await startDemoTenant();
  app = await startApp({
    env: demoEnv(tenant, {
      PINDESK_DATA_DIR: dataDir,
      PINDESK_CLIPBOARD_SECONDS: String(CLIPBOARD_SECONDS),
      // The most the log can say, so the check at the end covers everything PinDesk logs.
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

const search = (text) => searchFor(app.driver, text);
const choose = (name) => chooseDevice(app.driver, name);

const resets = () =>
  tenant.requestLog().split('\n').filter((line) => /^POST .*\/resetPasscode /.test(line)).length;

async function showPasscode() {
  await app.driver.click('[data-testid="show-passcode"]');
  const passcode = (await app.driver.waitForText('[data-testid="passcode"]')).replace(/\s/g, '');
  passcodes.push(passcode);
  return passcode;
}

test('a Windows 10 Mobile phone found by part of its name gets a new passcode, once', async () => {
  const { driver } = app;
  await search('Lumi');
  await choose('Zoë’s Lumia');
  await driver.type('[data-testid="ticket"]', 'INC-4711');
  await driver.click('[data-testid="reset-button"]');
  await driver.waitForDisplayed('[data-testid="confirm-reset"]');
  assert.match(await driver.text('[data-testid="confirm-name"]'), /Zoë’s Lumia/);
  await driver.click('[data-testid="confirm-yes"]');
  await driver.waitForText('[data-testid="progress-text"]');
  await driver.waitForDisplayed('[data-testid="show-passcode"]', 30000);
  assert.equal(await driver.displayed('[data-testid="passcode"]'), false, 'hidden until Show');
  const passcode = await showPasscode();
  assert.match(passcode, /^\d{6}$/);
  assert.match(await driver.text('[data-testid="valid-until"]'), /Valid until/);
  assert.equal(resets(), 1, 'exactly one resetPasscode was sent');
  assert.ok(!tenant.requestLog().includes(passcode), 'the passcode is not in the request log');

  await driver.click('[data-testid="copy-passcode"]');
  assert.match(
    await driver.waitForText('[data-testid="reset-notice"]'),
    new RegExp(`cleared in ${CLIPBOARD_SECONDS} seconds`),
  );
  assert.equal(clipboard(), passcode);
  await keepScreenshot(driver, 'passcode');
  await driver.waitFor('the clipboard to be cleared', () => clipboard() === '', 15000);
});

test('coming back to the phone reads the same passcode from Intune and sends nothing', async () => {
  const { driver } = app;
  await driver.click('[data-testid="close-device"]');
  assert.equal(await driver.displayed('[data-testid="passcode"]'), false);
  await search('Lumi');
  await choose('Zoë’s Lumia');
  await driver.waitForDisplayed('[data-testid="earlier-reset"]');
  assert.equal(await showPasscode(), passcodes[0]);
  assert.equal(resets(), 1, 'reading it again sent no reset');
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

test('a double click on Yes sends one reset', async () => {
  const { driver } = app;
  await driver.click('[data-testid="close-device"]');
  await search("O'Brien");
  await choose("O'Brien's phone");
  await driver.click('[data-testid="reset-button"]');
  await driver.waitForDisplayed('[data-testid="confirm-yes"]');
  const before = resets();
  await driver.doubleClick('[data-testid="confirm-yes"]');
  await driver.waitForDisplayed('[data-testid="show-passcode"]', 30000);
  await showPasscode();
  assert.equal(resets(), before + 1, 'one resetPasscode for a double click');
});

test('the audit log lists each reset with its ticket and outcome, and never a passcode', async () => {
  const { driver } = app;
  await driver.click('[data-testid="close-device"]');
  await driver.click('[data-testid="open-audit"]');
  await driver.waitFor('three audit rows', async () => (await driver.findAll('[data-testid="audit-row"]')).length === 3);
  const log = await driver.text('[data-testid="audit-log"]');
  assert.match(log, /Zoë’s Lumia[\s\S]*INC-4711[\s\S]*New passcode issued/);
  assert.match(log, /NW-PHONE-0009[\s\S]*Failed on the device/);
  assert.match(log, /O'Brien's phone/);
  assert.match(log, /helpdesk@pindesk-demo\.example/);
  await keepScreenshot(driver, 'audit-log');

  await driver.click('[data-testid="export-audit"]');
  const saved = await driver.waitForText('[data-testid="export-done"]');
  const path = saved.replace(/^Saved \d+ entries to /, '');
  const csv = readFileSync(path, 'utf8');
  // The file speaks the window's words: headings, outcomes and the reason a reset failed.
  assert.equal(csv.split('\r\n')[0], 'Time (UTC),Done by,Organisation,Organisation ID,Device,Device ID,Ticket,Outcome,Note');
  assert.match(csv, /Zoë’s Lumia,[^\r\n]*,INC-4711,New passcode issued/);
  assert.match(csv, /NW-PHONE-0009,[^\r\n]*,Failed on the device,"?The device could not set a new passcode\./);
  assert.match(csv, /"O'Brien's phone"|O'Brien's phone/);
  for (const passcode of passcodes) {
    assert.ok(!log.includes(passcode) && !csv.includes(passcode), 'no passcode in the audit log');
  }
});

test('after the run no file the app wrote holds a passcode', async () => {
  assert.equal(passcodes.length >= 3, true, 'the earlier tests showed passcodes');
  await app.stop();
  app = null;
  const log = readFileSync(join(dataDir, 'logs', 'pindesk.log'), 'utf8');
  assert.match(log, /passcode reset sent/, 'the debug log recorded the resets');
  const found = filesContaining([dataDir, ...appFileDirs()], passcodes);
  assert.deepEqual(found, []);
});
