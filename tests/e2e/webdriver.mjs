// A small W3C WebDriver client: just what the end-to-end tests need, with no dependencies.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

const ASK_FOR_A_PAINT = `const dot = document.createElement('div');
  dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;background:rgb(0 0 0 / 1%)';
  document.body.append(dot);
  requestAnimationFrame(() => dot.remove());`;

export class WebDriver {
  constructor(base, sessionId) {
    this.base = base;
    this.sessionId = sessionId;
  }

  static async connect(base, application, args = []) {
    const body = { capabilities: { alwaysMatch: { 'tauri:options': { application, args } } } };
    // A window that never opens (the app quit at start) fails here within a minute, not after
    // fetch's five.
    const value = await request(base, 'POST', '/session', body, AbortSignal.timeout(60000));
    return new WebDriver(base, value.sessionId);
  }

  command(method, path, body) {
    return request(this.base, method, `/session/${this.sessionId}${path}`, body);
  }

  async quit() {
    await this.command('DELETE', '').catch(() => {});
  }

  async find(css) {
    const value = await this.command('POST', '/element', { using: 'css selector', value: css });
    return value[ELEMENT];
  }

  async findAll(css) {
    const value = await this.command('POST', '/elements', { using: 'css selector', value: css });
    return value.map((element) => element[ELEMENT]);
  }

  async text(css) {
    return this.command('GET', `/element/${await this.find(css)}/text`);
  }

  async click(css) {
    await this.command('POST', `/element/${await this.find(css)}/click`, {});
  }

  /** Two clicks in quick succession with the pointer, as a person's double click. */
  async doubleClick(css) {
    const origin = { [ELEMENT]: await this.find(css) };
    const press = [
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ];
    await this.command('POST', '/actions', {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [{ type: 'pointerMove', origin, x: 0, y: 0 }, ...press, ...press],
        },
      ],
    });
    await this.command('DELETE', '/actions').catch(() => {});
  }

  async type(css, text) {
    await this.command('POST', `/element/${await this.find(css)}/value`, { text });
  }

  async displayed(css) {
    const ids = await this.findAll(css);
    if (ids.length === 0) return false;
    return this.command('GET', `/element/${ids[0]}/displayed`);
  }

  execute(script, args = []) {
    return this.command('POST', '/execute/sync', { script, args });
  }

  /** Runs `script` with a callback as its last argument; resolves with what it is called with. */
  executeAsync(script, args = []) {
    return this.command('POST', '/execute/async', { script, args });
  }

  /** Presses keys on whatever has the focus, as a person at the keyboard does. */
  async keys(...keys) {
    const actions = keys.flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ]);
    await this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.command('DELETE', '/actions').catch(() => {});
  }

  /**
   * WebKitGTK painting without compositing (as PinDesk does: src-tauri/src/rendering.rs) sends a
   * screenshot after its next paint, and a still page (no caret blinking) has none to come: while
   * one is pending, a dot of 1 % grey in the corner, gone at once, asks for a paint.
   */
  async screenshot() {
    let answered = false;
    const shot = this.command('GET', '/screenshot').finally(() => {
      answered = true;
    });
    for (let waited = 0; !answered; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (!answered && waited >= 300) await this.execute(ASK_FOR_A_PAINT).catch(() => {});
    }
    return Buffer.from(await shot, 'base64');
  }

  /** Polls until `check` returns a truthy value; WebDriver errors count as "not yet". */
  async waitFor(description, check, timeoutMs = 20000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      try {
        const value = await check();
        if (value) return value;
      } catch (error) {
        last = error;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`timed out waiting for ${description}${last ? `: ${last.message}` : ''}`);
  }

  waitForText(css, timeoutMs) {
    return this.waitFor(`text in ${css}`, async () => (await this.text(css)).trim(), timeoutMs);
  }

  waitForDisplayed(css, timeoutMs) {
    return this.waitFor(`${css} to be shown`, () => this.displayed(css), timeoutMs);
  }
}

async function request(base, method, path, body, signal = undefined) {
  const response = await fetch(`${base}${path}`, {
    method,
    signal,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok || json.value?.error) {
    const error = json.value ?? {};
    throw new Error(`WebDriver ${method} ${path}: ${error.error ?? response.status} ${error.message ?? ''}`);
  }
  return json.value;
}
