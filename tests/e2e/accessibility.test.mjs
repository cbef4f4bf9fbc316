// Accessibility in the real window on the demo tenant, in the light and the dark theme: axe-core
// finds no serious or critical WCAG 2.1 AA problem on any screen (contrast included), and a full
// reset can be done with the keyboard alone. Each screen checked is kept as a screenshot.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkScreen, ENTER, focused, seriousViolations, tabTo } from './a11y.mjs';
import { startApp, startDemoTenant, demoEnv } from './harness.mjs';
import { openDevice } from '../bench/flows.mjs';

for (const theme of ['light', 'dark']) {
  describe(`${theme} theme`, () => {
    let tenant;
    let app;

    before(async () => {
      tenant = await startDemoTenant();
      app = await startApp({
        env: demoEnv(tenant, {
          // GTK's dark variant is what WebKit reports as prefers-color-scheme: dark.
          GTK_THEME: theme === 'dark' ? 'Adwaita:dark' : 'Adwaita',
        }),
      });
      await app.driver.waitForDisplayed('[data-testid="sign-in-screen"]');
      const dark = await app.driver.execute("return matchMedia('(prefers-color-scheme: dark)').matches");
      assert.equal(dark, theme === 'dark', 'the window follows the system theme');
    });

    after(async () => {
      await app?.stop();
      await tenant?.stop();
    });

    const assertAccessible = (screen) => checkScreen(app.driver, screen);

    test('the sign-in screen passes the accessibility check, and the check does catch a problem', async () => {
      await assertAccessible('sign-in');
      // A planted image without a text alternative must be reported, or the check proves nothing.
      await app.driver.execute(
        `const img = document.createElement('img'); img.id = 'planted'; img.src = 'data:,';
         document.body.append(img);`,
      );
      const planted = await seriousViolations(app.driver);
      await app.driver.execute(`document.getElementById('planted').remove();`);
      assert.ok(planted.some((line) => line.includes('image-alt')), planted.join('\n'));
    });

    test('a full reset works from the keyboard alone, with the focus following each step', async () => {
      const { driver } = app;
      await tabTo(driver, '[data-testid="sign-in"]');
      await driver.keys(ENTER);
      await driver.waitForText('[data-testid="signed-in-name"]');
      await assertAccessible('reset search');

      await tabTo(driver, '[data-testid="device-search"]');
      await driver.keys(...'Lumi');
      await driver.waitForDisplayed('[data-testid="device-result"]');
      await assertAccessible('search results');
      await tabTo(driver, '[data-testid="device-result"]');
      await driver.keys(ENTER);
      await driver.waitForDisplayed('[data-testid="device-details"]');
      assert.ok(await focused(driver, '[data-testid="device-details"]'), 'the focus moves to the device');
      await assertAccessible('device details');

      await tabTo(driver, '[data-testid="reset-button"]');
      await driver.keys(ENTER);
      await driver.waitForDisplayed('[data-testid="confirm-reset"]');
      assert.ok(await focused(driver, '[data-testid="confirm-reset"]'), 'the focus moves into the confirmation');
      await assertAccessible('confirmation');
      await tabTo(driver, '[data-testid="confirm-yes"]');
      await driver.keys(ENTER);

      await driver.waitForDisplayed('[data-testid="show-passcode"]', 30000);
      assert.ok(await focused(driver, '[data-testid="passcode-panel"]'), 'the focus moves to the passcode');
      await tabTo(driver, '[data-testid="show-passcode"]');
      await driver.keys(ENTER);
      const passcode = (await driver.waitForText('[data-testid="passcode"]')).replace(/\s/g, '');
      assert.match(passcode, /^\d{6}$/);
      await assertAccessible('passcode shown');
    });

    test('the other screens pass the accessibility check too', async () => {
      const { driver } = app;
      const open = (text, name) => openDevice(driver, text, name);
      await open('NW-LT', 'NW-LT');
      await assertAccessible('self-service laptop');

      await open('NW-PHONE-0009', 'NW-PHONE-0009');
      await driver.click('[data-testid="reset-button"]');
      await driver.click('[data-testid="confirm-yes"]');
      await driver.waitForText('[data-testid="failure-reason"]', 30000);
      await assertAccessible('failed reset');

      await driver.click('[data-testid="close-device"]');
      await driver.click('[data-testid="open-audit"]');
      await driver.waitForDisplayed('[data-testid="audit-row"]');
      await assertAccessible('activity log');

      await driver.click('[data-testid="open-settings"]');
      await driver.waitForDisplayed('[data-testid="settings"]');
      await assertAccessible('settings');
    });
  });
}

for (const theme of ['light', 'dark']) {
  describe(`${theme} theme, the administrator's setup`, () => {
    let tenant;
    let app;

    before(async () => {
      tenant = await startDemoTenant();
      app = await startApp({
        env: demoEnv(tenant, {
          PINDESK_TEST_LOGIN: 'admin@pindesk-demo.example',
          GTK_THEME: theme === 'dark' ? 'Adwaita:dark' : 'Adwaita',
        }),
      });
      await app.driver.waitForDisplayed('[data-testid="sign-in-screen"]');
    });

    after(async () => {
      await app?.driver.click('[data-testid="sign-out"]').catch(() => {});
      await app?.stop();
      await tenant?.stop();
    });

    test('the consent and policy steps pass the accessibility check', async () => {
      const { driver } = app;
      await driver.click('[data-testid="sign-in-setup"]');
      await driver.waitForDisplayed('[data-testid="view-consent"]');
      await driver.waitFor('the overview', () =>
        driver.execute(
          `return document.querySelector('[data-testid="setup-item-tenant"]')?.dataset.state === 'done';`,
        ),
      );
      await checkScreen(driver, 'setup consent');
      await driver.click('[data-testid="step-policy"]');
      await driver.waitForDisplayed('[data-testid="create-policy"]');
      await checkScreen(driver, 'setup policy');
    });
  });
}
