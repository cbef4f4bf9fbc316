// The .deb as a person installs it: `apt-get install ./PinDesk_…deb` put the app on the system,
// and the installed app starts on its demo tenant. Run by scripts/test after installing the
// package, with PINDESK_APP_BIN=/usr/bin/pindesk.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { appBinary, cargoVersion, freshDir, startApp } from '../e2e/harness.mjs';

let app;

before(async () => {
  assert.equal(appBinary, '/usr/bin/pindesk', 'run with PINDESK_APP_BIN=/usr/bin/pindesk');
  app = await startApp({ args: ['--demo'], env: { PINDESK_DATA_DIR: freshDir('pindesk-data-') } });
});

after(async () => {
  await app?.stop();
});

test('the package puts a launcher for the app in the desktop menu', () => {
  const entry = readFileSync('/usr/share/applications/PinDesk.desktop', 'utf8');
  assert.match(entry, /^Exec=pindesk/m);
  assert.match(entry, /^Name=PinDesk/m);
});

test('the installed app starts on the demo tenant and shows its version', async () => {
  const { driver } = app;
  await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
  await driver.waitForDisplayed('[data-testid="demo-badge"]');
  const version = await driver.waitForText('[data-testid="app-version"]');
  assert.match(version, new RegExp(`\\b${cargoVersion().replaceAll('.', '\\.')}\\b`));
});
