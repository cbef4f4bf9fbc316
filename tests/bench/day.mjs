// A helpdesk working day, compressed: 2,000 searches, 200 resets and 50 setup overviews in one
// run of PinDesk against the demo tenant (no latency, devices that answer at once), asked from
// the window through the same commands its screens call. Memory, threads and open files are read
// after the first 100 actions and at the end: a leak shows as a curve that keeps rising.

import { readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appBinary, appPids, startApp, startDemoTenant } from '../e2e/harness.mjs';
import { pindeskEnv, signIn } from './flows.mjs';
import { pssTree, processTree, sleep } from './measure.mjs';

export const DAY = { searches: 2000, resets: 200, overviews: 50 };
const ADMIN = 'admin@pindesk-demo.example';
// The app's log rotation (src-tauri/core/src/logging/rotating.rs): pindesk.log and five more.
const LOG_FILES = 6;
const LOG_FILE_BYTES = 1024 * 1024;
// Each reading waits for the app to be idle this long: the async runtime's spare threads end
// after 10 s without work, and WebKit's memory-pressure monitor opens its seven /proc and cgroup
// files on its first poll, about 5 s after start. Read sooner, both look like a change over the
// day that is only the moment of reading.
const SETTLE_MS = 12_000;
// Threads that GLib and WebKit start on demand and end when idle (thread pools, the JavaScript
// collector's helpers): they come and go with the moment of reading, so they are shown but do
// not count as a change. PinDesk's own threads (the async runtime, its blocking pool, D-Bus)
// all count.
const ON_DEMAND = /^(pool(-.*)?|HeapHelper|.*ollector Thread)$/;
const QUERIES = ['Lumi', 'NW-PHONE-0', 'iPhone', 'NW-LT-1', 'Pixel', 'NW-AND', 'Galaxy', 'NW-DT'];

/** What an open file is, without its path: `socket`, `pipe`, `anon_inode:[eventfd]`, `/dev`,
 * `file`. */
function kindOf(link) {
  const bracket = link.match(/^(socket|pipe|anon_inode):/);
  if (bracket) return link.startsWith('anon_inode:') ? link : bracket[1];
  if (link.startsWith('/dev/')) return '/dev';
  if (link.startsWith('/memfd:')) return 'memfd';
  return 'file';
}

/** Threads and open files of `pid` and every process below it, and the files by process and kind
 * (to tell what a rise is made of). */
function handles(pid) {
  let threads = 0;
  let files = 0;
  const kinds = {};
  // The app's own files by path (its data folder, libraries): what a rise in them is.
  const appFiles = [];
  const threadsBy = {};
  let lasting = 0;
  for (const member of processTree(pid)) {
    try {
      const name = readFileSync(`/proc/${member}/comm`, 'utf8').trim();
      const tasks = readdirSync(`/proc/${member}/task`);
      threads += tasks.length;
      for (const task of tasks) {
        let name = '?';
        try {
          name = readFileSync(`/proc/${member}/task/${task}/comm`, 'utf8').trim();
        } catch {
          // ended meanwhile
        }
        threadsBy[name] = (threadsBy[name] ?? 0) + 1;
        if (!ON_DEMAND.test(name)) lasting += 1;
      }
      const fds = readdirSync(`/proc/${member}/fd`);
      files += fds.length;
      for (const fd of fds) {
        let kind = 'gone';
        try {
          const link = readlinkSync(`/proc/${member}/fd/${fd}`);
          kind = kindOf(link);
          if (String(member) === String(pid) && kind === 'file') appFiles.push(link);
        } catch {
          // closed meanwhile
        }
        const key = `${name} ${kind}`;
        kinds[key] = (kinds[key] ?? 0) + 1;
      }
    } catch {
      // gone meanwhile
    }
  }
  return { threads, lasting, files, kinds, appFiles: appFiles.sort(), threadsBy };
}

function logFiles(dataDir) {
  const dir = join(dataDir, 'logs');
  try {
    return readdirSync(dir).map((name) => ({ name, bytes: statSync(join(dir, name)).size }));
  } catch {
    return [];
  }
}

/** Runs a list of commands in the window, one after the other; resolves to the errors' kinds. */
function invokeAll(driver, calls) {
  return driver.command('POST', '/execute/async', {
    script: `const done = arguments[arguments.length - 1];
      (async () => {
        const failed = [];
        for (const [command, args] of arguments[0]) {
          try {
            const answer = await window.__TAURI_INTERNALS__.invoke(command, args);
            if (command === 'start_reset') {
              for (let i = 0; i < 50; i += 1) {
                const s = await window.__TAURI_INTERNALS__.invoke('reset_status',
                  { deviceId: args.deviceId, since: answer.startedAt });
                if (['done', 'failed', 'notSupported', 'canceled'].includes(s.state)) break;
                await new Promise((r) => setTimeout(r, 20));
              }
            }
          } catch (e) {
            failed.push(command + ': ' + (e?.kind ?? String(e)));
          }
        }
        return failed;
      })().then(done, (e) => done([String(e)]));`,
    args: [calls],
  });
}

/** The day's actions in a fixed order: searches, with a reset every tenth and an overview every
 * fortieth action. */
function plan(devices) {
  const actions = [];
  let [searches, resets, overviews] = [0, 0, 0];
  while (searches < DAY.searches || resets < DAY.resets || overviews < DAY.overviews) {
    if (searches < DAY.searches) {
      actions.push(['search_devices', { query: QUERIES[searches % QUERIES.length] }]);
      searches += 1;
    }
    const searched = searches >= DAY.searches;
    if (resets < DAY.resets && (searches % 10 === 0 || searched)) {
      const device = devices[resets % devices.length];
      actions.push(['start_reset', { deviceId: device.id, ticket: `DAY-${resets}`, deviceName: device.name }]);
      resets += 1;
    }
    if (overviews < DAY.overviews && (searches % 40 === 0 || searched)) {
      actions.push(['setup_overview', {}]);
      overviews += 1;
    }
  }
  return actions;
}

export async function workingDay(freshDir) {
  const tenant = await startDemoTenant(['--pickup-after-ms', '0', '--finish-after-ms', '0']);
  const dataDir = freshDir('pindesk-bench-day-');
  // The demo administrator may also reset passcodes, so one person does the whole day.
  const app = await startApp({ env: { ...pindeskEnv(tenant, dataDir), PINDESK_TEST_LOGIN: ADMIN, PINDESK_LOG: 'info' } });
  try {
    const { driver } = app;
    const [pid] = appPids(appBinary);
    await signIn(driver);
    const found = await driver.command('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        window.__TAURI_INTERNALS__.invoke('search_devices', { query: 'Lumi' }).then(done, () => done(null));`,
      args: [],
    });
    const devices = (found?.devices ?? found?.items ?? []).filter((d) => d.eligibility?.verdict === 'resettable');
    if (devices.length === 0) throw new Error('the working day found no device to reset');
    const actions = plan(devices);
    const failures = [];
    const curve = [];
    const note = async (done) => {
      await sleep(SETTLE_MS);
      const memory = pssTree(pid);
      // Per process, to tell the app's own memory from the web view's JavaScript heap.
      const parts = memory.parts.map((part) => `${part.name} ${(part.kb / 1000).toFixed(0)}`).join(', ');
      curve.push({ actions: done, pssKb: memory.kb, parts, ...handles(pid) });
    };
    failures.push(...(await invokeAll(driver, actions.slice(0, 100))));
    await note(100);
    for (let at = 100; at < actions.length; at += 500) {
      failures.push(...(await invokeAll(driver, actions.slice(at, at + 500))));
      await note(Math.min(at + 500, actions.length));
    }
    const logs = logFiles(dataDir);
    return {
      actions: actions.length,
      failures,
      curve,
      logs,
      logsWithinRotation: logs.length <= LOG_FILES && logs.every((f) => f.bytes <= LOG_FILE_BYTES),
      logLimit: `${LOG_FILES} files of ${LOG_FILE_BYTES / 1024 / 1024} MiB`,
    };
  } finally {
    await app.stop();
    await tenant.stop();
  }
}
