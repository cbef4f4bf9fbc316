// What each flow costs the tenant, counted exactly in the demo tenant's request log: every Graph
// request spends the organisation's throttling budget, so one more request here is a failure, not
// a figure. (The release build's figures, with latency, are in scripts/bench; the reset at a real
// device's pace is in reset-pace.test.mjs.)

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDir, startApp, startDemoTenant } from './harness.mjs';
import { countRequests, logLines, pindeskEnv, signIn, timedSearch, watchLog } from '../bench/flows.mjs';

const ADMIN = 'admin@pindesk-demo.example';
let tenant;
const dataDir = freshDir('pindesk-data-');

before(async () => {
  tenant = await startDemoTenant();
});

after(async () => {
  await tenant?.stop();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the tenant has had no request for `quietMs`: what was under way has arrived. */
async function untilQuiet(quietMs = 700, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let seen = logLines(tenant).length;
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error('the tenant kept receiving requests');
    await sleep(50);
    const now = logLines(tenant).length;
    if (now !== seen) [seen, since] = [now, Date.now()];
  }
}

/**
 * The requests `action` caused: waits for the `graph` Graph requests it should cost, then gives
 * one more request `settleMs` to arrive, so that one too many fails rather than slipping by.
 */
async function requestsOf(action, graph, settleMs = 500) {
  const from = logLines(tenant).length;
  await action();
  const deadline = Date.now() + 10000;
  while (countRequests(logLines(tenant).slice(from)).graph < graph && Date.now() < deadline) {
    await sleep(50);
  }
  await sleep(settleMs);
  return countRequests(logLines(tenant).slice(from));
}

/** Calls a command from the window as api.ts does; resolves to its answer or throws its error. */
async function invoke(driver, command, args) {
  const answer = await driver.command('POST', '/execute/async', {
    script: `const done = arguments[arguments.length - 1];
      window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
        .then((value) => done({ value }), (e) => done({ error: e?.kind ?? String(e) }));`,
    args: [command, args],
  });
  if (answer.error) throw new Error(`${command} answered ${answer.error}`);
  return answer.value;
}

test('a silent start sends one token request and no Graph request before the first screen is painted', async () => {
  const env = pindeskEnv(tenant, dataDir);
  const first = await startApp({ env });
  await signIn(first.driver);
  await untilQuiet(); // what the first sign-in reads after its screen
  await first.stop();

  const from = logLines(tenant).length;
  const watch = watchLog(tenant);
  const app = await startApp({ env });
  try {
    await app.driver.waitForText('[data-testid="signed-in-name"]');
    const painted = await app.driver.waitFor('the first-screen mark', () =>
      app.driver.execute(`const m = performance.getEntriesByName('first-screen')[0];
        return m ? performance.timeOrigin + m.startTime : null;`),
    );
    await untilQuiet(1000);
    const stamps = watch.stop();
    const early = countRequests(stamps.filter((s) => s.at <= painted).map((s) => s.line));
    assert.equal(early.token, 1, early.lines.join('\n'));
    assert.equal(early.graph, 0, early.lines.join('\n'));
    // Afterwards the step list's ✓ marks: one token for the read-only setup scopes, and the
    // setup overview's two batches.
    const all = countRequests(logLines(tenant).slice(from));
    assert.deepEqual([all.token, all.graph], [2, 2], all.lines.join('\n'));
  } finally {
    watch.stop();
    await app.stop();
  }
});

test('one search by name costs two Graph requests (devices and people), by serial number three and one to open the device it names', async () => {
  const app = await startApp({ env: pindeskEnv(tenant) });
  try {
    await signIn(app.driver);
    await untilQuiet();
    // Device names and the directory's people are asked together; nobody is called Lumi, so no
    // person's devices are read.
    const named = await requestsOf(() => timedSearch(app.driver, 'Lumi'), 2);
    assert.deepEqual([named.token, named.graph], [0, 2], named.lines.join('\n'));
    const serial = await requestsOf(() => timedSearch(app.driver, 'NW-PHONE-0009'), 4);
    // ...and, when the text looks like a serial number, the serial too. A serial typed in full
    // names one device, which opens at once: its earlier resets are read.
    assert.deepEqual([serial.token, serial.graph], [0, 4], serial.lines.join('\n'));
    assert.equal(serial.lines.filter((line) => /managedDevices\/[^?]+\?\$select=id,deviceName,deviceActionResults /.test(line)).length, 1, serial.lines.join('\n'));
  } finally {
    await app.stop();
  }
});

test('the setup overview costs two Graph requests, a group search two', async () => {
  const app = await startApp({ env: { ...pindeskEnv(tenant), PINDESK_TEST_LOGIN: ADMIN } });
  try {
    await app.driver.waitForDisplayed('[data-testid="sign-in-screen"]');
    await invoke(app.driver, 'sign_in', { task: 'setup', loginHint: ADMIN });
    await untilQuiet();
    const overview = await requestsOf(() => invoke(app.driver, 'setup_overview', {}), 2);
    assert.equal(overview.graph, 2, overview.lines.join('\n'));
    // The directory search, then one batch for the member counts of the groups found.
    const groups = await requestsOf(() => invoke(app.driver, 'search_groups', { text: 'Help' }), 2);
    assert.equal(groups.graph, 2, groups.lines.join('\n'));
  } finally {
    await app.stop();
  }
});
