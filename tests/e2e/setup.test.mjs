// The administrator's setup in the real window on the demo tenant: nothing done → consent (the
// demo's consent pages played by the fake browser) → both apps verified → the policy created with
// the tenant ID in its OMA-URI → assigned to a searched group while an existing assignment
// survives → deployment counts. Then the helpdesk operator: setup shows done, the app opens on
// the reset job, and the policy step says the role is missing instead of failing.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { addAssignment } from './admin-center.mjs';
import { freshDir, keepScreenshot, startApp, startDemoTenant, demoEnv } from './harness.mjs';

const TENANT_ID = '7d2c1f40-5b8e-4a63-9c1d-2e4f6a8b0c13';

let tenant;
let app;
const browserLog = join(freshDir('pindesk-browser-'), 'opened.log');

async function start(login) {
  app = await startApp({
    env: demoEnv(tenant, {
      PINDESK_TEST_LOGIN: login,
      PINDESK_TEST_BROWSER_LOG: browserLog,
    }),
  });
  await app.driver.waitForDisplayed('[data-testid="sign-in-screen"]');
}

before(async () => {
  tenant = await startDemoTenant();
});

after(async () => {
  await app?.stop();
  await tenant?.stop();
});

const log = () => tenant.requestLog().split('\n');
const posts = (pattern) => log().filter((line) => pattern.test(line)).length;
const state = (driver, key) =>
  driver.execute(
    `const el = document.querySelector('[data-testid="setup-item-${key}"]');
     return el ? el.dataset.state : null;`,
  );
const textContent = (driver, css) =>
  driver.execute(`const el = document.querySelector(arguments[0]); return el ? el.textContent : null;`, [css]);

/** Signs out (the keychain is shared with the other end-to-end files, which expect it empty of
 * other accounts) and closes the app. */
async function signOutAndStop() {
  await app.driver.click('[data-testid="sign-out"]');
  await app.driver.waitForDisplayed('[data-testid="sign-in-screen"]');
  await app.stop();
  app = null;
}

async function chooseGroup(driver, text, name) {
  await driver.command('POST', `/element/${await driver.find('[data-testid="group-search"]')}/clear`, {});
  await driver.type('[data-testid="group-search"]', text);
  await driver.waitFor(`the group ${name}`, () =>
    driver.execute(
      `const hit = [...document.querySelectorAll('[data-testid="group-result"]')]
         .find((el) => el.textContent.includes(arguments[0]));
       if (hit) hit.click();
       return Boolean(hit);`,
      [name],
    ),
  );
  await driver.waitForDisplayed('[data-testid="assign-button"]');
  await driver.click('[data-testid="assign-button"]');
  await driver.waitFor('the assignment to finish', async () =>
    /kept|nothing was changed/.test((await textContent(driver, '[data-testid="assign-notice"]')) ?? ''),
  );
}

test('the administrator goes from nothing done to a deployed policy', async () => {
  await start('admin@pindesk-demo.example');
  const { driver } = app;
  await driver.click('[data-testid="sign-in-setup"]');
  await driver.waitForDisplayed('[data-testid="view-consent"]');
  await driver.waitFor('the overview', async () => (await state(driver, 'tenant')) === 'done');
  assert.equal(await state(driver, 'consent'), 'notDone');
  assert.equal(await state(driver, 'policy'), 'notDone');
  assert.match(await driver.text('[data-testid="consent-before"]'), /Application Administrator/);
  await keepScreenshot(driver, 'setup-nothing-done');

  // Consent: both published pages open in order, the fake browser accepts them, PinDesk sees both.
  await driver.click('[data-testid="open-consent"]');
  await driver.waitForDisplayed('[data-testid="consent-done"]', 30000);
  // The links name the signed-in organisation, not `common`, so a guest consents in this one.
  const tenantId = new URL(tenant.issuer).pathname.split('/')[1];
  const opened = readFileSync(browserLog, 'utf8').split('\n').filter((l) => l.endsWith(`/${tenantId}/oauth2/authorize`));
  assert.equal(opened.length, 2, 'the service and the client consent pages were opened for this tenant');
  for (const key of ['service', 'client']) {
    const appState = await driver.execute(
      `return document.querySelector('[data-testid="consent-app-${key}"]').dataset.state;`,
    );
    assert.equal(appState, 'enabled', `${key} app verified`);
  }

  // Policy: created once, with this tenant's ID in the OMA-URI.
  await driver.click('[data-testid="step-policy"]');
  await driver.waitForDisplayed('[data-testid="create-policy"]');
  await driver.click('[data-testid="create-policy"]');
  await driver.waitForDisplayed('[data-testid="policy-profile"]', 30000);
  const omaUri = await textContent(driver, '[data-testid="policy-oma-uri"]');
  assert.ok(
    omaUri.includes(`./Device/Vendor/MSFT/PassportForWork/${TENANT_ID}/Policies/EnablePinRecovery`),
    omaUri,
  );
  assert.equal(posts(/^POST \/v1\.0\/deviceManagement\/deviceConfigurations 201/), 1);

  // Meanwhile someone assigns the new profile to a group in the admin center.
  await addAssignment(tenant, 'admin@pindesk-demo.example', 'Windows Hello PIN recovery', 'Helpdesk staff');
  await driver.click('[data-testid="refresh-overview"]');
  await driver.waitFor('the existing assignment listed', async () =>
    (await driver.findAll('[data-testid="assignment-item"]')).length === 1,
  );

  // Assignment to a searched group: the existing one survives.
  await chooseGroup(driver, 'pilot', 'PinDesk pilot users');
  await driver.waitFor('both assignments listed', async () =>
    (await driver.findAll('[data-testid="assignment-item"]')).length === 2,
  );
  const assigned = await textContent(driver, '[data-testid="assignment-section"]');
  assert.match(assigned, /Helpdesk staff/);
  assert.match(assigned, /PinDesk pilot users/);
  // Choosing the same group again sends nothing (one assign from the admin center, one from PinDesk).
  await chooseGroup(driver, 'pilot', 'PinDesk pilot users');
  assert.equal(posts(/^POST \/v1\.0\/deviceManagement\/deviceConfigurations\/[^/ ]+\/assign /), 2);

  // Deployment counts are shown.
  await driver.waitForDisplayed('[data-testid="deployment-counts"]', 30000);
  assert.match(await driver.text('[data-testid="count-succeeded"]'), /^\d+$/);
  await driver.waitFor('the overview to say everything is done', async () => {
    await driver.click('[data-testid="refresh-overview"]');
    return (await state(driver, 'assignment')) === 'done';
  });
  assert.equal(await state(driver, 'policy'), 'done');
  await keepScreenshot(driver, 'setup-policy');
  await signOutAndStop();
});

test('the helpdesk operator lands on the reset job and is told the role is missing to change the policy', async () => {
  await start('helpdesk@pindesk-demo.example');
  const { driver } = app;
  await driver.click('[data-testid="sign-in"]');
  await driver.waitForDisplayed('[data-testid="view-reset"]');
  assert.equal(await driver.displayed('[data-testid="setup-unfinished"]'), false);
  // The helpdesk's home is the search; the setup steps sit behind the Setup entry.
  assert.equal(await driver.displayed('[data-testid="step-consent"]'), false);
  await driver.click('[data-testid="open-setup"]');
  await driver.waitForDisplayed('[data-testid="step-done-policy"]', 30000);
  assert.equal(await driver.displayed('[data-testid="step-done-consent"]'), true);
  await driver.waitForDisplayed('[data-testid="setup-all-done"]', 30000);

  await driver.click('[data-testid="step-policy"]');
  await driver.waitForDisplayed('[data-testid="policy-profile"]');
  const before = posts(/\/assign /);
  await driver.click('[data-testid="choose-all-devices"]');
  await driver.click('[data-testid="assign-button"]');
  const said = await driver.waitForText('[data-testid="role-missing"]', 30000);
  assert.match(said, /Intune Administrator or the Policy and Profile Manager role/);
  assert.equal(await driver.displayed('[data-testid="error"]'), false, 'no raw failure on top');
  assert.equal(posts(/\/assign /) - before, 1);
  await keepScreenshot(driver, 'setup-helpdesk-role-missing');
  await signOutAndStop();
});
