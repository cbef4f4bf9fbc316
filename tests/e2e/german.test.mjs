// The real window in German: a person who chose German in Settings starts PinDesk, signs in as
// the helpdesk, opens a device, resets it and reads the log, and sees no English catalogue text.
// Then the administrator, in German too, goes through the setup's Consent and Policy steps.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { englishLeft } from './catalogue.mjs';
import { freshDir, keepScreenshot, startApp, startDemoTenant, demoEnv } from './harness.mjs';
import { choose } from '../bench/flows.mjs';

let tenant;
let app;
const dataDir = freshDir('pindesk-data-de-');

/** Everything on screen now: text, and labels, titles and placeholders. */
const screenWords = () =>
  app.driver.execute(
    `const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
       .flatMap((el) => ['aria-label', 'title', 'placeholder'].map((name) => el.getAttribute(name) ?? ''));
     return [document.body.innerText, ...attributes].join('\\n');`,
  );

async function assertNoEnglish(where) {
  const words = await screenWords();
  assert.deepEqual(englishLeft(words), [], `English left on ${where}:\n${words}`);
}

before(async () => {
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ language: 'de' }));
  tenant = await startDemoTenant();
  app = await startApp({
    env: demoEnv(tenant, {
      PINDESK_DATA_DIR: dataDir,
    }),
  });
});

after(async () => {
  await app?.stop();
  await tenant?.stop();
});

test('the sign-in screen speaks German from the start', async () => {
  const { driver } = app;
  await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
  await driver.waitFor('the German heading', async () => (await driver.text('#sign-in-heading')) === 'Anmelden');
  assert.equal(await driver.execute('return document.documentElement.lang;'), 'de');
  await assertNoEnglish('the sign-in screen');
});

test('signed in as the helpdesk, a device opens in German and is reset with a German date', async () => {
  const { driver } = app;
  await driver.click('[data-testid="sign-in"]');
  await driver.waitForText('[data-testid="signed-in-name"]');
  await driver.waitForDisplayed('[data-testid="view-reset"]');
  assert.equal(await driver.text('#heading-reset'), 'Kennung zurücksetzen');
  await assertNoEnglish('the Reset step');

  await driver.type('[data-testid="device-search"]', 'Lumi');
  await driver.waitFor('results', async () => /^\d+ Geräte? gefunden$/.test(await driver.text('[data-testid="search-status"]')));
  await assertNoEnglish('the search results');
  await choose(driver, 'Zoë’s Lumia');
  assert.equal(await driver.text('[data-testid="eligibility"]'), 'Eine neue Kennung kann erzeugt werden');
  assert.match(await driver.text('[data-testid="explanation"]'), /mit Entra verbunden/);
  await assertNoEnglish('the device details');

  await driver.click('[data-testid="reset-button"]');
  await driver.waitForDisplayed('[data-testid="confirm-reset"]');
  await assertNoEnglish('the confirmation');
  await driver.click('[data-testid="confirm-yes"]');
  await driver.waitForDisplayed('[data-testid="show-passcode"]', 30000);
  assert.match(await driver.text('[data-testid="valid-until"]'), /^Gültig bis \S+, \d+\. \S+ \d{4} um \d{1,2}:\d{2} \S+$/);
  await assertNoEnglish('the passcode panel');
  await keepScreenshot(driver, 'passcode-de');
});

test('the activity log and Settings are German too', async () => {
  const { driver } = app;
  await driver.click('[data-testid="close-device"]');
  await driver.click('[data-testid="open-audit"]');
  await driver.waitFor('one audit row', async () => (await driver.findAll('[data-testid="audit-row"]')).length === 1);
  assert.match(await driver.text('[data-testid="audit-log"]'), /Neue Kennung erteilt/);
  await assertNoEnglish('the activity log');
  // The export is written in the window's language, headings and outcomes alike.
  await driver.click('[data-testid="export-audit"]');
  const saved = await driver.waitForText('[data-testid="export-done"]');
  const csv = readFileSync(saved.replace(/^.* gespeichert in /, ''), 'utf8');
  assert.match(csv.split('\r\n')[0], /^Zeit \(UTC\),Bearbeitet von,Organisation,/);
  assert.match(csv, /,Neue Kennung erteilt,/);

  await driver.click('[data-testid="open-settings"]');
  await driver.waitForDisplayed('[data-testid="in-use-tenant"]');
  assert.equal(await driver.text('#settings-heading'), 'Einstellungen');
  await assertNoEnglish('Settings');
  await keepScreenshot(driver, 'settings-de');
});

test('the administrator sets up the organisation in German', async () => {
  await app.stop();
  const adminData = freshDir('pindesk-data-de-admin-');
  writeFileSync(join(adminData, 'settings.json'), JSON.stringify({ language: 'de' }));
  app = await startApp({
    env: demoEnv(tenant, {
      PINDESK_DATA_DIR: adminData,
      PINDESK_TEST_LOGIN: 'admin@pindesk-demo.example',
    }),
  });
  const { driver } = app;
  const state = (key) =>
    driver.execute(
      `const el = document.querySelector('[data-testid="setup-item-' + arguments[0] + '"]');
       return el ? el.dataset.state : null;`,
      [key],
    );
  await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
  await driver.click('[data-testid="sign-in-setup"]');
  await driver.waitForDisplayed('[data-testid="view-consent"]');
  await driver.waitFor('the overview', async () => (await state('tenant')) === 'done');
  assert.match(await driver.text('[data-testid="consent-before"]'), /Anwendungsadministrator/);
  assert.match(await driver.text('[data-testid="setup-item-tenant"]'), /Organisation: /);
  await assertNoEnglish('the Consent step, nothing done');
  await keepScreenshot(driver, 'setup-nothing-done-de');

  await driver.click('[data-testid="open-consent"]');
  await driver.waitForDisplayed('[data-testid="consent-done"]', 30000);
  assert.match(await driver.text('[data-testid="consent-done"]'), /Schritt 2/);
  await assertNoEnglish('the Consent step, done');

  await driver.click('[data-testid="step-policy"]');
  await driver.waitForDisplayed('[data-testid="create-policy"]');
  await assertNoEnglish('the Policy step, no profile');
  await driver.click('[data-testid="create-policy"]');
  await driver.waitForDisplayed('[data-testid="policy-profile"]', 30000);
  assert.match(await driver.text('[data-testid="policy-notice"]'), /wurde erstellt/);
  await driver.waitForDisplayed('[data-testid="deployment"]');
  await assertNoEnglish('the Policy step, profile created');

  await driver.type('[data-testid="group-search"]', 'pilot');
  await driver.waitFor('German search results', async () =>
    /^\d+ Gruppen? gefunden$/.test(await driver.text('[data-testid="group-search-status"]')),
  );
  await assertNoEnglish('the group picker');
  await driver.click('[data-testid="choose-all-devices"]');
  assert.match(await driver.text('[data-testid="broad-warning"]'), /jedes verwaltete Gerät/);
  await assertNoEnglish('the All devices warning');
  await driver.click('[data-testid="assign-button"]');
  await driver.waitFor('the assignment to finish', async () =>
    /Zuweisungen|nichts verändert/.test(await driver.text('[data-testid="assign-notice"]')),
  );
  await driver.waitForDisplayed('[data-testid="deployment-counts"]', 30000);
  await assertNoEnglish('the assigned profile and its deployment');
  await keepScreenshot(driver, 'setup-policy-de');

  // The keychain is shared with the other end-to-end files: leave no account of this one in it.
  await driver.click('[data-testid="sign-out"]');
  await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
});
