// The helpdesk's daily screen in the real window on the demo tenant: the search finds the person
// (any case, no accents) and a serial in lower case; a reset's waiting state, its passcode and a
// failure's reason lie inside the window at the default and the smallest size, in English and
// German; and a whole reset is done from the keyboard alone.

import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ENTER, focused } from './a11y.mjs';
import { freshDir, keepScreenshot, startApp, startDemoTenant, demoEnv } from './harness.mjs';
import { openDevice, search, signIn } from '../bench/flows.mjs';

const SIZES = [
  [1040, 740],
  [720, 540],
];
const DOWN = '\uE015';
const ESCAPE = '\uE00C';
const CONTROL = '\uE009';
const stateFile = join(homedir(), '.config', 'org.pindesk.desktop', '.window-state.json');

/** Where `css` lies against the window's visible area, measured in the page itself. */
function inView(driver, css) {
  return driver.execute(
    `const el = document.querySelector(arguments[0]);
     if (!el) return null;
     const box = el.getBoundingClientRect();
     return { top: box.top, bottom: box.bottom, left: box.left, right: box.right,
              width: innerWidth, height: innerHeight };`,
    [css],
  );
}

function assertInside(box, what) {
  assert.ok(box, `${what} is on the page`);
  assert.ok(
    box.top >= 0 && box.left >= 0 && box.bottom <= box.height && box.right <= box.width,
    `${what} lies inside the ${box.width}×${box.height} window: ${JSON.stringify(box)}`,
  );
}

const open = openDevice;

async function confirmReset(driver) {
  await driver.click('[data-testid="reset-button"]');
  await driver.waitForDisplayed('[data-testid="confirm-yes"]');
  await driver.click('[data-testid="confirm-yes"]');
}

for (const language of ['en', 'de']) {
  describe(`the daily screen (${language})`, () => {
    let tenant;
    let app;

    before(async () => {
      const dataDir = freshDir('pindesk-data-');
      writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ language }));
      tenant = await startDemoTenant();
      app = await startApp({
        env: demoEnv(tenant, {
          PINDESK_DATA_DIR: dataDir,
        }),
      });
      const { driver } = app;
      await signIn(driver);
    });

    after(async () => {
      await app?.stop();
      await tenant?.stop();
      rmSync(stateFile, { force: true });
    });

    if (language === 'en') {
      test('the helpdesk lands on the search with the box focused and no setup steps', async () => {
        const { driver } = app;
        await driver.waitForDisplayed('[data-testid="device-search"]');
        await driver.waitFor('the box to have the focus', () => focused(driver, '[data-testid="device-search"]'));
        assert.equal(await driver.displayed('[data-testid="step-consent"]'), false);
        assert.equal(await driver.displayed('[data-testid="open-setup"]'), true);
      });

      test("a first name in another case and without accents lists all that person's devices", async () => {
        const { driver } = app;
        await search(driver, 'ZOE');
        const names = await driver.waitFor('Zoë’s devices', async () => {
          const found = await driver.execute(
            `return [...document.querySelectorAll('[data-testid="person-group"] [data-testid="device-result"] .name')]
               .map((el) => el.textContent);`,
          );
          return found.length >= 2 ? found : null;
        });
        assert.ok(names.includes('Zoë’s Lumia') && names.includes('Zoë’s iPhone'), names.join(', '));
        const group = await driver.text('[data-testid="person-group"]');
        assert.match(group, /Zoë Martin/);
        assert.match(group, /zoe\.martin@pindesk-demo\.example/);
        assert.match(group, /Serial [0-9A-F]{12}/);
        await keepScreenshot(driver, 'search-person');
      });

      test('a serial number typed in lower case opens its device at once', async () => {
        const { driver } = app;
        const serial = await driver.execute(
          `const row = [...document.querySelectorAll('[data-testid="device-result"]')]
             .find((el) => el.textContent.includes('Zoë’s Lumia'));
           return row.querySelector('[data-testid="result-serial"]').textContent.replace(/^Serial /, '').trim();`,
        );
        await search(driver, serial.toLowerCase());
        await driver.waitFor('the Lumia to open', async () => (await driver.text('#device-heading')) === 'Zoë’s Lumia');
        assert.equal(await driver.displayed('[data-testid="device-result"]'), false, 'no list to pick from');
        assert.match(await driver.text('[data-testid="device-person"]'), /zoe\.martin@pindesk-demo\.example/);
      });
    }

    for (const [width, height] of SIZES) {
      test(`at ${width}×${height}, the waiting state, the passcode and a failure's reason are in view`, async () => {
        const { driver } = app;
        await driver.command('POST', '/window/rect', { width, height });
        await driver.waitFor(`the window at ${width}×${height}`, () =>
          driver.execute('return innerWidth <= arguments[0] && innerHeight <= arguments[1]', [width, height]));

        const [text, phone] = width === 1040 ? ["O'Brien", "O'Brien's phone"] : ['NW-PHONE-0107', 'NW-PHONE-0107'];
        await open(driver, text, phone);
        await confirmReset(driver);
        const waiting = await driver.waitFor('the waiting state', async () => {
          const box = await inView(driver, '[data-testid="reset-progress"]');
          return box ?? ((await driver.displayed('[data-testid="passcode-panel"]')) ? 'over' : null);
        }, 30000);
        if (waiting !== 'over') assertInside(waiting, 'the waiting state');
        await driver.waitForDisplayed('[data-testid="show-passcode"]', 30000);
        assert.ok(await focused(driver, '[data-testid="passcode-panel"]'), 'the focus is on the passcode');
        await driver.click('[data-testid="show-passcode"]');
        await driver.waitForText('[data-testid="passcode"]');
        await driver.waitForText('[data-testid="valid-until"]');
        assertInside(await inView(driver, '[data-testid="passcode-panel"]'), 'the passcode with its actions and validity');
        await keepScreenshot(driver, `passcode-${width}x${height}-${language}`);

        await open(driver, 'NW-PHONE-0009', 'NW-PHONE-0009');
        await confirmReset(driver);
        await driver.waitForText('[data-testid="failure-reason"]', 30000);
        assert.ok(await focused(driver, '[data-testid="reset-failure"]'), 'the focus is on the failure');
        assertInside(await inView(driver, '[data-testid="reset-failure"]'), "the failure's reason and next step");
        await keepScreenshot(driver, `failure-${width}x${height}-${language}`);
        await driver.command('POST', '/window/rect', { width: 1040, height: 740 });
      });
    }

    if (language === 'en') {
      test('a whole reset is done with the keyboard alone: find, open, confirm, read, next caller', async () => {
        const { driver } = app;
        await driver.keys(ESCAPE);
        // Ctrl+N as one chord (driver.keys presses and releases each key in turn).
        await driver.command('POST', '/actions', {
          actions: [{ type: 'key', id: 'kb', actions: [
            { type: 'keyDown', value: CONTROL }, { type: 'keyDown', value: 'n' },
            { type: 'keyUp', value: 'n' }, { type: 'keyUp', value: CONTROL },
          ] }],
        });
        await driver.command('DELETE', '/actions').catch(() => {});
        await driver.waitFor('an empty search with the focus', async () =>
          (await focused(driver, '[data-testid="device-search"]')) &&
          (await driver.execute('return document.querySelector(\'[data-testid="device-search"]\').value')) === '');
        await driver.keys(...'lumia');
        await driver.waitForDisplayed('[data-testid="device-result"]');
        await driver.keys(DOWN);
        for (let i = 0; i < 10; i += 1) {
          if (await driver.execute("return document.activeElement?.textContent.includes('The \"spare\" Lumia')")) break;
          await driver.keys(DOWN);
        }
        await driver.keys(ENTER);
        await driver.waitFor('the spare Lumia', async () => (await driver.text('#device-heading')) === 'The "spare" Lumia');
        // Tab to the reset button; Enter opens the confirmation with the focus inside it.
        for (let i = 0; i < 20 && !(await focused(driver, '[data-testid="reset-button"]')); i += 1) await driver.keys('\uE004');
        await driver.keys(ENTER);
        await driver.waitForDisplayed('[data-testid="confirm-reset"]');
        for (let i = 0; i < 20 && !(await focused(driver, '[data-testid="confirm-yes"]')); i += 1) await driver.keys('\uE004');
        await driver.keys(ENTER);
        await driver.waitForDisplayed('[data-testid="show-passcode"]', 30000);
        assert.ok(await focused(driver, '[data-testid="passcode-panel"]'));
        for (let i = 0; i < 5 && !(await focused(driver, '[data-testid="show-passcode"]')); i += 1) await driver.keys('\uE004');
        await driver.keys(ENTER);
        assert.match((await driver.waitForText('[data-testid="passcode"]')).replace(/\s/g, ''), /^\d{6}$/);
        await driver.keys(ESCAPE);
        await driver.waitFor('back at the results', () => focused(driver, '[data-testid="device-result"]'));
      });
    }
  });
}

describe("the administrator's rules for the confirmation", () => {
  let tenant;
  let app;

  before(async () => {
    const dataDir = freshDir('pindesk-data-');
    const adminConfig = join(freshDir('pindesk-admin-'), 'config.json');
    writeFileSync(adminConfig, JSON.stringify({ requireTicket: true, requireCallerCheck: true }));
    tenant = await startDemoTenant();
    app = await startApp({
      env: demoEnv(tenant, {
        PINDESK_DATA_DIR: dataDir,
        PINDESK_ADMIN_CONFIG: adminConfig,
      }),
    });
    await signIn(app.driver);
  });

  after(async () => {
    await app?.stop();
    await tenant?.stop();
  });

  test('Yes waits for a ticket number and "I verified the caller"; the confirmation names the sign-in address', async () => {
    const { driver } = app;
    await open(driver, 'Zoë’s Lumia', 'Zoë’s Lumia');
    await driver.click('[data-testid="reset-button"]');
    await driver.waitForDisplayed('[data-testid="confirm-yes"]');
    assert.match(await driver.text('[data-testid="confirm-person"]'), /zoe\.martin@pindesk-demo\.example/);
    const yesEnabled = () =>
      driver.execute('return !document.querySelector(\'[data-testid="confirm-yes"]\').disabled');
    assert.equal(await yesEnabled(), false, 'no ticket, no check: Yes is held back');
    await driver.type('[data-testid="confirm-ticket"]', 'INC-4711');
    assert.equal(await yesEnabled(), false, 'the caller check is still missing');
    await driver.click('[data-testid="caller-checked"]');
    assert.equal(await yesEnabled(), true);
    await keepScreenshot(driver, 'confirmation-rules');
    await driver.click('[data-testid="confirm-yes"]');
    await driver.waitForDisplayed('[data-testid="show-passcode"]', 30000);
    const sent = tenant.requestLog().split('\n').filter((l) => /^POST .*\/resetPasscode /.test(l)).length;
    assert.equal(sent, 1);
  });
});
