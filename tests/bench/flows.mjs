// The people's flows the benchmarks time and count, driven through the real window over WebDriver
// with the e2e helpers. Times that must be finer than WebDriver's polling are taken in the window
// itself: a listener notes the click or keystroke, a MutationObserver the answer, and the time is
// read after the next frame (requestAnimationFrame, then a task), i.e. once it is painted.

import { HELPDESK, demoEnv, freshDir } from '../e2e/harness.mjs';

export { HELPDESK };

/** Environment that points PinDesk at an external demo tenant, signing in without a person. */
export function pindeskEnv(tenant, dataDir = freshDir('pindesk-bench-data-')) {
  return demoEnv(tenant, { PINDESK_DATA_DIR: dataDir });
}

/**
 * Resolves once `ready` (a JS expression) holds in the window and a frame has been painted,
 * with the wall-clock time of that moment. WebDriver runs scripts only once the page has loaded,
 * often after the first screen is already there: then the page's own User Timing mark
 * `first-screen` (taken by PinDesk and the blank app alike, after the frame that shows it) gives
 * the time. `already` says the screen was there before we could watch and carried no mark, so
 * the time is late by up to the WebDriver round trip that asked.
 */
export async function whenPainted(driver, ready) {
  return driver.command('POST', '/execute/async', {
    script: `
      const done = arguments[arguments.length - 1];
      const ready = () => { try { return Boolean(${ready}); } catch { return false; } };
      const mark = () => performance.getEntriesByName('first-screen')[0];
      // The page's mark, when there is one, was taken after the same frame a moment earlier (its
      // frame callback was asked for first).
      const painted = (already) =>
        requestAnimationFrame(() => setTimeout(() => {
          const noted = mark();
          done(noted ? { at: performance.timeOrigin + noted.startTime, already: false }
            : { at: Date.now(), already });
        }));
      if (ready()) return painted(true);
      const observer = new MutationObserver(() => {
        if (!ready()) return;
        observer.disconnect();
        painted(false);
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });`,
    args: [],
  });
}

export async function signIn(driver) {
  await driver.waitForDisplayed('[data-testid="sign-in-screen"]');
  await driver.click('[data-testid="sign-in"]');
  await driver.waitForText('[data-testid="signed-in-name"]');
}

export async function search(driver, text) {
  await driver.command('POST', `/element/${await driver.find('[data-testid="device-search"]')}/clear`, {});
  await driver.type('[data-testid="device-search"]', text);
}

/** Closes the open device, if any, searches for `text` and opens the device named `name`. */
export async function openDevice(driver, text, name) {
  if (await driver.displayed('[data-testid="close-device"]')) await driver.click('[data-testid="close-device"]');
  await search(driver, text);
  await choose(driver, name);
}

/** Clicks the search result whose text contains `name` (or finds it already open, as a name or
 * serial number typed out in full opens its device at once) and waits for its details. */
export async function choose(driver, name) {
  await driver.waitFor(`a result named ${name}`, () =>
    driver.execute(
      `if (document.querySelector('#device-heading')?.textContent.includes(arguments[0])) return true;
      const hit = [...document.querySelectorAll('[data-testid="device-result"]')]
         .find((el) => el.textContent.includes(arguments[0]));
       if (hit) hit.click();
       return Boolean(hit);`,
      [name],
    ),
  );
  await driver.waitForDisplayed('[data-testid="device-details"]');
}

/**
 * Types `text` into the search box and measures, in the window, from the last keystroke to the
 * first page of results painted. Results of the query before stay on screen until the new ones
 * arrive, so only results shown after "Searching…" for this text count. With `lastKeyAfterMs`,
 * the last key comes that long after the others, as a person types (about 200 ms a key); without
 * it every key comes at once, as a paste or a scanner would.
 */
export async function timedSearch(driver, text, { lastKeyAfterMs = 0 } = {}) {
  await driver.execute(`
    const bench = (window.__benchSearch = { lastInput: 0, painted: 0, searching: false, pending: false });
    document.querySelector('[data-testid="device-search"]').addEventListener('input', () => {
      Object.assign(bench, { lastInput: Date.now(), painted: 0, searching: false, pending: false });
    }, true);
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="search-status"]')?.textContent ?? '';
      if (/Searching/.test(status)) bench.searching = true;
      // A device typed out in full opens at once: its details count as the results shown.
      const shown = (/found/.test(status) && document.querySelector('[data-testid="device-result"]'))
        || document.querySelector('[data-testid="device-details"]');
      if (!bench.lastInput || !bench.searching || bench.pending || !shown) return;
      bench.pending = true;
      // A paint for keys typed before the last one must not count for the last one.
      const forInput = bench.lastInput;
      requestAnimationFrame(() => setTimeout(() => {
        if (bench.lastInput === forInput) bench.painted = Date.now();
      }));
    }).observe(document.body, { subtree: true, childList: true, characterData: true });`);
  if (lastKeyAfterMs > 0) {
    await search(driver, text.slice(0, -1));
    await new Promise((resolve) => setTimeout(resolve, lastKeyAfterMs));
    await driver.type('[data-testid="device-search"]', text.slice(-1));
  } else {
    await search(driver, text);
  }
  const timing = await driver.waitFor(
    `results for ${text}`,
    async () => {
      const bench = await driver.execute('return window.__benchSearch');
      return bench.painted ? bench : null;
    },
    30000,
  );
  return { ms: timing.painted - timing.lastInput, lastInput: timing.lastInput, painted: timing.painted };
}

/**
 * From the open device: Reset, then "Yes", timed in the window until the passcode panel is
 * painted (the passcode is there, hidden until the person presses Show).
 */
export async function timedReset(driver) {
  // Opening a device reads an earlier reset of it from Intune; after the first run of the same
  // phone that shows its passcode again, with "Send a new reset" instead of the Reset button.
  const start = await driver.waitFor('the device to settle', () =>
    driver.execute(`return document.querySelector('[data-testid="reset-again"]') ? 'reset-again'
      : document.querySelector('[data-testid="reset-button"]') ? 'reset-button' : null;`),
  );
  await new Promise((r) => setTimeout(r, 1000));
  const again = await driver.execute(`return Boolean(document.querySelector('[data-testid="reset-again"]'));`);
  await driver.click(`[data-testid="${again ? 'reset-again' : start}"]`);
  await driver.waitForDisplayed('[data-testid="confirm-yes"]');
  await driver.execute(`
    const bench = (window.__benchReset = { yes: 0, shown: 0, pending: false });
    document.querySelector('[data-testid="confirm-yes"]').addEventListener('click', () => {
      bench.yes = Date.now();
    }, true);
    const observer = new MutationObserver(() => {
      if (!bench.yes || bench.pending) return;
      if (!document.querySelector('[data-testid="passcode-panel"]')) return;
      bench.pending = true;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { bench.shown = Date.now(); }));
    });
    observer.observe(document.body, { subtree: true, childList: true });`);
  await driver.click('[data-testid="confirm-yes"]');
  const timing = await driver.waitFor(
    'the passcode',
    async () => {
      const bench = await driver.execute('return window.__benchReset');
      return bench.shown ? bench : null;
    },
    60000,
  );
  return timing.shown - timing.yes;
}

/**
 * Notes when each new line appears in the tenant's log (it writes a line as it answers), polling
 * every few ms; stop() returns [{ line, at }] with wall-clock times.
 */
export function watchLog(tenant) {
  const seen = logLines(tenant).length;
  const stamps = [];
  const timer = setInterval(() => {
    const lines = logLines(tenant);
    const now = Date.now();
    for (const line of lines.slice(seen + stamps.length)) stamps.push({ line, at: now });
  }, 3);
  return {
    stop() {
      clearInterval(timer);
      return stamps;
    },
  };
}

/** The demo tenant's request log as lines, and helpers to count a slice of it. */
export function logLines(tenant) {
  return tenant.requestLog().split('\n').filter(Boolean);
}

export function countRequests(lines) {
  const count = (pattern) => lines.filter((line) => pattern.test(line)).length;
  return {
    token: count(/^POST \S*\/oauth2\/v2\.0\/token/),
    graph: count(/^\w+ \/(v1\.0|beta)\//),
    resetPosts: count(/^POST \S*\/resetPasscode /),
    graphReads: count(/^GET \/(v1\.0|beta)\//),
    other: lines.filter((line) => !/^\w+ \/(v1\.0|beta)\/|\/token/.test(line)).length,
    lines,
  };
}
