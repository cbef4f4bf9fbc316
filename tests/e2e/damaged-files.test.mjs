// A damaged or unreadable file never silences PinDesk: with a broken administrator's file,
// settings.json or accounts.json the real window still opens, says which file, what is wrong
// and what PinDesk does instead, and the log says it too. A misspelt key in the administrator's
// file is reported, and a sign-in setting the administrator locked shows as set by the
// organisation and cannot be edited.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freshDir, keepScreenshot, startApp, startDemoTenant } from './harness.mjs';

let tenant;

before(async () => {
  tenant = await startDemoTenant();
});

after(async () => {
  await tenant?.stop();
});

/** Starts the app over a data folder and an administrator's file laid out by `files`. */
async function withFiles(files, env, work) {
  const dataDir = freshDir('pindesk-damaged-');
  const adminDir = freshDir('pindesk-admin-');
  const adminFile = join(adminDir, 'config.json');
  mkdirSync(dataDir, { recursive: true });
  if (files.admin !== undefined) writeFileSync(adminFile, files.admin);
  if (files.settings !== undefined) writeFileSync(join(dataDir, 'settings.json'), files.settings);
  if (files.accounts !== undefined) writeFileSync(join(dataDir, 'accounts.json'), files.accounts);
  const app = await startApp({
    env: {
      PINDESK_AUTHORITY: tenant.issuer,
      PINDESK_GRAPH_URL: tenant.graphUrl,
      PINDESK_DATA_DIR: dataDir,
      PINDESK_ADMIN_CONFIG: adminFile,
      ...env,
    },
  });
  try {
    await work(app.driver, { dataDir, adminFile });
  } finally {
    await app.stop();
  }
}

const log = (dataDir) => readFileSync(join(dataDir, 'logs', 'pindesk.log'), 'utf8');

const cases = [
  {
    name: "a damaged administrator's file",
    files: { admin: '{ "tenant": "contoso.example", ' },
    file: 'administrator',
    says: [/Your organisation's PinDesk settings are damaged/, /built-in values and your own settings/],
    path: ({ adminFile }) => adminFile,
  },
  {
    name: 'a damaged settings.json',
    files: { settings: '\u0000\u0000 not json' },
    file: 'settings',
    says: [/Your own PinDesk settings are damaged/, /Saving in Settings writes a new file/],
    path: ({ dataDir }) => join(dataDir, 'settings.json'),
  },
  {
    name: 'a damaged accounts.json',
    files: { accounts: '[[[' },
    file: 'accounts',
    says: [/list of remembered accounts is damaged/, /starts without remembered accounts/],
    path: ({ dataDir }) => join(dataDir, 'accounts.json'),
  },
];

for (const c of cases) {
  test(`${c.name} opens the window with a message naming the file and what PinDesk does instead`, async () => {
    await withFiles(c.files, {}, async (driver, where) => {
      await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
      const text = await driver.waitForText('[data-testid="file-problems"]');
      for (const words of c.says) assert.match(text, words);
      assert.ok(text.includes(c.path(where)), `the message names ${c.path(where)}: ${text}`);
      const problem = await driver.find(`[data-testid="file-problem"][data-file="${c.file}"]`);
      assert.ok(problem, 'the problem is tagged with its file');
      assert.ok(log(where.dataDir).includes(c.path(where)), 'the log names the file too');
      await keepScreenshot(driver, `damaged-${c.file}`);
    });
  });
}

test("a misspelt key and a locked sign-in setting in the administrator's file are shown", async () => {
  const admin = JSON.stringify({ lockSignIn: true, clientId: 'org-client-id', graphURL: 'https://x' });
  const settings = JSON.stringify({ clientId: 'my-own-client' });
  await withFiles({ admin, settings }, { PINDESK_CLIENT_ID: 'env-client' }, async (driver, where) => {
    const text = await driver.waitForText('[data-testid="file-problems"]');
    assert.match(text, /"graphURL", which is not a setting PinDesk knows/);
    assert.match(text, /Did you mean "graphUrl"\?/);
    assert.match(log(where.dataDir), /graphURL/);

    await driver.click('[data-testid="open-settings"]');
    assert.equal(await driver.waitForText('[data-testid="in-use-clientId"]'), 'org-client-id');
    await driver.waitForDisplayed('[data-testid="locked-clientId"]');
    assert.match(await driver.text('[data-testid="settings"]'), /set by your organisation, cannot be changed here/);
    const readOnly = await driver.execute(
      'return document.querySelector(\'[data-testid="setting-clientId"]\').readOnly',
    );
    assert.equal(readOnly, true);
    await keepScreenshot(driver, 'settings-locked');
  });
});
