// A reset at a real device's pace: the demo tenant's device picks the action up late
// (`--pickup-after-ms`), and the window reads the status exactly as often as the schedule in
// ui/src/lib/reset/poll-schedule.js predicts, no more, and shows the passcode soon after Intune
// first reports it. Also: `pindesk --demo` takes the same option.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshDir, startApp, startDemoTenant } from './harness.mjs';
import { choose, logLines, pindeskEnv, search, signIn, timedReset, watchLog } from '../bench/flows.mjs';
import { plannedReads } from '../../ui/src/lib/reset/poll-schedule.js';

// Signs in through the fake browser, like every other test, on the app's own demo tenant.
const signInEnv = (({ PINDESK_BROWSER, PINDESK_TEST_LOGIN }) => ({ PINDESK_BROWSER, PINDESK_TEST_LOGIN }))(
  pindeskEnv({ issuer: '', graphUrl: '' }),
);

/** Resets Zoë's Lumia on a tenant whose device takes `pickupMs` + `finishMs`; returns the
 * request lines of the reset, when the tenant answered the POST, and when the passcode showed. */
async function resetAtPace(pickupMs, finishMs) {
  const tenant = await startDemoTenant(['--pickup-after-ms', String(pickupMs), '--finish-after-ms', String(finishMs)]);
  // One app at a time: a second start would only bring the first one's window forward.
  const app = await startApp({ env: pindeskEnv(tenant) }).catch(async (error) => {
    await tenant.stop();
    throw error;
  });
  try {
    const { driver } = app;
    await signIn(driver);
    await search(driver, 'Lumi');
    await choose(driver, 'Zoë’s Lumia');
    const before = logLines(tenant).length;
    const watch = watchLog(tenant);
    const shownAfterMs = await timedReset(driver);
    const stamps = watch.stop();
    const lines = logLines(tenant).slice(before);
    const post = stamps.find((s) => /^POST \S*\/resetPasscode /.test(s.line));
    const shown = await driver.execute('return window.__benchReset.shown');
    return { lines, postAnsweredAt: post?.at, shown, shownAfterMs };
  } finally {
    await app.stop();
    await tenant.stop();
  }
}

function split(lines) {
  const at = lines.findIndex((line) => /^POST \S*\/resetPasscode /.test(line));
  assert.ok(at >= 0, `no reset was sent: ${lines.join('\n')}`);
  return { before: lines.slice(0, at), after: lines.slice(at + 1) };
}

for (const [pickupMs, finishMs] of [[4000, 1000], [30000, 5000]]) {
  test(`a device that reports after ${(pickupMs + finishMs) / 1000} s costs exactly the reads the schedule plans`, async () => {
    const { lines, postAnsweredAt, shown } = await resetAtPace(pickupMs, finishMs);
    const { before, after: reads } = split(lines);
    assert.deepEqual(before.map((line) => line.split(' ')[0]), ['GET'], 'one read of the device before the reset');
    const expected = plannedReads(pickupMs + finishMs).length;
    assert.ok(reads.every((line) => /^GET \/v1\.0\/deviceManagement\/managedDevices\//.test(line)), reads.join('\n'));
    assert.equal(reads.length, expected, `status reads:\n${reads.join('\n')}`);
    assert.ok(expected <= 20);
    // Intune first reports the passcode pickup + finish after it accepted the reset.
    const reported = postAnsweredAt + pickupMs + finishMs;
    assert.ok(shown - reported <= 2500, `the passcode showed ${shown - reported} ms after it was reported`);
  });
}

test('pindesk --demo takes the device pace for its built-in demo tenant', async () => {
  const app = await startApp({
    env: { ...signInEnv, PINDESK_DATA_DIR: freshDir('pindesk-data-') },
    args: ['--demo', '--pickup-after-ms', '3000', '--finish-after-ms', '0'],
  });
  try {
    const { driver } = app;
    await signIn(driver);
    await search(driver, 'Lumi');
    await choose(driver, 'Zoë’s Lumia');
    const ms = await timedReset(driver);
    assert.ok(ms >= 3000, `the passcode came after ${ms} ms, before the device picked the reset up`);
  } finally {
    await app.stop();
  }
});
