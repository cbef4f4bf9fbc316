// Search on a 100 000-device tenant through the real window: the first page comes from one
// filtered, capped request, never from listing the fleet, and "Show more" pages on request.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startApp, startDemoTenant, demoEnv } from './harness.mjs';
import { signIn } from '../bench/flows.mjs';

let tenant;
let app;

before(async () => {
  tenant = await startDemoTenant(['--devices', '100000']);
  app = await startApp({
    env: demoEnv(tenant),
  });
  await signIn(app.driver);
});

after(async () => {
  await app?.stop();
  await tenant?.stop();
});

/** The request log's device list requests (not single devices), as sent. */
const deviceListRequests = () =>
  tenant
    .requestLog()
    .split('\n')
    .filter((line) => /^GET \/v1\.0\/deviceManagement\/managedDevices(\?| )/.test(line));

test('the first page of a 100 000-device search comes from one filtered request', async () => {
  const { driver } = app;
  await driver.type('[data-testid="device-search"]', 'NW-PHONE');
  await driver.waitFor('25 results', async () => (await driver.findAll('[data-testid="device-result"]')).length === 25);
  const asked = deviceListRequests();
  assert.equal(asked.length, 1, `one request: ${asked.join('\n')}`);
  assert.match(asked[0], /(\$|%24)filter=/);
  assert.match(asked[0], /(\$|%24)top=25/);

  await driver.click('[data-testid="more-results"]');
  await driver.waitFor('50 results', async () => (await driver.findAll('[data-testid="device-result"]')).length === 50);
  const all = deviceListRequests();
  assert.equal(all.length, 2, 'Show more asked for exactly one more page');
  assert.ok(all.every((line) => /(\$|%24)filter=/.test(line)), 'no request listed the fleet');
  const names = await driver.execute(
    `return [...document.querySelectorAll('[data-testid="device-result"] .name')].map((el) => el.textContent);`,
  );
  assert.equal(new Set(names).size, 50, 'the second page brought new devices');
  assert.ok(names.every((name) => name.includes('NW-PHONE')));
});
