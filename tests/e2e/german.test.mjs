// The real window in German: a person who chose German in Settings starts PinDesk, signs in as
// the helpdesk, opens a device, resets it and reads the log, and sees no English catalogue text.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { englishLeft } from './catalogue.mjs';
import { freshDir, keepScreenshot, root, startApp, startDemoTenant } from './harness.mjs';

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
    env: {
      PINDESK_AUTHORITY: tenant.issuer,
      PINDESK_GRAPH_URL: tenant.graphUrl,
      PINDESK_DATA_DIR: dataDir,
      PINDESK_BROWSER: `node ${join(root, 'tests/e2e/fake-browser.mjs')}`,
      PINDESK_TEST_LOGIN: 'helpdesk@pindesk-demo.example',
    },
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
  await driver.waitFor('the phone among the results', () =>
    driver.execute(
      `const hit = [...document.querySelectorAll('[data-testid="device-result"]')]
         .find((el) => el.textContent.includes('Zoë’s Lumia'));
       if (hit) hit.click();
       return Boolean(hit);`,
    ),
  );
  await driver.waitForDisplayed('[data-testid="device-details"]');
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

  await driver.click('[data-testid="open-settings"]');
  await driver.waitForDisplayed('[data-testid="in-use-tenant"]');
  assert.equal(await driver.text('#settings-heading'), 'Einstellungen');
  await assertNoEnglish('Settings');
  await keepScreenshot(driver, 'settings-de');
});
