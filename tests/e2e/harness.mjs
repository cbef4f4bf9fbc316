// Starts the real pieces for an end-to-end test: the demo tenant binary, tauri-driver (which starts
// WebKitWebDriver and the real app binary), and a fresh data folder per app.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { WebDriver } from './webdriver.mjs';

export const root = resolve(import.meta.dirname, '../..');
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
export const appBinary = process.env.PINDESK_APP_BIN ?? join(targetDir, 'debug', 'pindesk');
export const demoTenantBinary =
  process.env.PINDESK_DEMO_TENANT_BIN ?? join(targetDir, 'debug', 'demo-tenant');

/** The version Cargo builds the app with, read the way a person would: from Cargo.toml. */
export function cargoVersion() {
  const manifest = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const match = manifest.match(/\[workspace\.package\][^[]*?version\s*=\s*"([^"]+)"/);
  if (!match) throw new Error('no workspace version in Cargo.toml');
  return match[1];
}

export function freshDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const HELPDESK = 'helpdesk@pindesk-demo.example';

/** The environment that points PinDesk at the demo tenant `tenant`, signing in as the demo's
 * helpdesk through the fake browser, with its files in a fresh folder; `env` adds or overrides
 * (another `PINDESK_TEST_LOGIN`, `PINDESK_DATA_DIR`, `PINDESK_LOG`...). */
export function demoEnv(tenant, env = {}) {
  return {
    PINDESK_AUTHORITY: tenant.issuer,
    PINDESK_GRAPH_URL: tenant.graphUrl,
    PINDESK_DATA_DIR: freshDir('pindesk-data-'),
    PINDESK_BROWSER: `node ${join(root, 'tests/e2e/fake-browser.mjs')}`,
    PINDESK_TEST_LOGIN: HELPDESK,
    ...env,
  };
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function stopProcess(child) {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** Starts `demo-tenant`, waits for the issuer it prints first, and logs requests to a file. */
export async function startDemoTenant(args = []) {
  const log = join(freshDir('pindesk-demo-log-'), 'requests.log');
  const child = spawn(demoTenantBinary, [...args, '--log', log], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const issuer = await new Promise((resolveIssuer, reject) => {
    child.once('exit', (code) => reject(new Error(`demo-tenant exited early (${code})`)));
    lines.once('line', (line) => resolveIssuer(line.trim()));
  });
  const graphUrl = new URL(issuer).origin;
  return {
    issuer,
    graphUrl,
    requestLog: () => readFileSync(log, 'utf8'),
    /** Moves the tenant's clock (devices, deployments, passes) on instead of waiting. */
    advanceClock: (ms) =>
      new Promise((resolveAdvance) => {
        lines.once('line', resolveAdvance);
        child.stdin.write(`advance ${Math.round(ms)}\n`);
      }),
    stop: () => stopProcess(child),
  };
}

async function waitForPort(port, child) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('tauri-driver exited early');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('tauri-driver did not start listening');
}

/**
 * Starts the real app under tauri-driver with the given environment (the app inherits it through
 * WebKitWebDriver) and returns a WebDriver session on its window. `binary` lets the benchmarks
 * start their blank baseline app the same way.
 */
export async function startApp(options = {}) {
  try {
    return await startAppOnce(options);
  } catch (error) {
    // Said out loud, so a start that fails often shows in the log even when the second works.
    console.log(`# the app did not start (${error.message}); starting it once more`);
    return startAppOnce(options);
  }
}

async function startAppOnce({ env = {}, args = [], binary = appBinary } = {}) {
  // An instance another test file left behind (or one still quitting) would take this start's
  // arguments and leave it without a window: one instance at a time.
  await appGone(binary);
  const [port, nativePort] = [await freePort(), await freePort()];
  const driverProcess = spawn(
    'tauri-driver',
    ['--port', String(port), '--native-port', String(nativePort)],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  let driver;
  try {
    await waitForPort(port, driverProcess);
    driver = await WebDriver.connect(`http://127.0.0.1:${port}`, binary, args);
  } catch (error) {
    // A driver left running would keep this test file alive until the run's timeout.
    await stopProcess(driverProcess);
    await appGone(binary);
    throw error;
  }
  return {
    driver,
    async stop() {
      await driver.quit();
      await stopProcess(driverProcess);
      await appGone(binary);
    },
  };
}

/**
 * Keeps a picture of the window in tests/e2e/artifacts; with PINDESK_UPDATE_SCREENSHOTS=1 also as
 * the README's screenshot in docs/screenshots.
 */
export async function keepScreenshot(driver, name) {
  const png = await driver.screenshot();
  const dirs = [join(root, 'tests/e2e/artifacts')];
  if (process.env.PINDESK_UPDATE_SCREENSHOTS === '1') dirs.push(join(root, 'docs/screenshots'));
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.png`), png);
  }
}

export function appPids(binary = appBinary) {
  try {
    return execFileSync('pgrep', ['-f', `^${binary}`], { encoding: 'utf8' }).split(/\s+/).filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/**
 * Waits until the app has really quit: the next start would otherwise find the old instance and
 * hand over to it (PinDesk keeps a single instance), leaving the new session without a window.
 */
async function appGone(binary) {
  const deadline = Date.now() + 10000;
  while (appPids(binary).length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const pid of appPids(binary)) process.kill(Number(pid), 'SIGKILL');
}

/** Where the app's window (WebKit) keeps its own files on Linux, besides PinDesk's data folder. */
export function appFileDirs() {
  const home = homedir();
  return ['.local/share', '.cache', '.config']
    .map((base) => join(home, base, 'org.pindesk.desktop'))
    .filter((dir) => existsSync(dir));
}

/** The files under `dirs` that contain any of `needles` (as text), for leak checks. */
export function filesContaining(dirs, needles) {
  const found = [];
  const walk = (path) => {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if (info.isFile() && info.size < 64 * 1024 * 1024) {
      const bytes = readFileSync(path);
      if (needles.some((needle) => bytes.includes(needle))) found.push(path);
    }
  };
  dirs.forEach(walk);
  return found;
}
