#!/usr/bin/env node
// Plays the person's browser for end-to-end tests (PINDESK_BROWSER): it opens the authorize URL
// the app gives it as someone who already has a session (prompt=none, as Entra allows) and follows
// the redirect back to the app's loopback listener. Each URL it is asked to open is noted in
// PINDESK_TEST_BROWSER_LOG (path only: the query carries nothing a test needs).

import { appendFileSync } from 'node:fs';

const url = new URL(process.argv.at(-1));
if (process.env.PINDESK_TEST_BROWSER_LOG) {
  appendFileSync(process.env.PINDESK_TEST_BROWSER_LOG, `${url.origin}${url.pathname}\n`);
}
// A published PIN reset consent URL (Entra's v1 endpoint, prompt=admin_consent): read the page a
// person would see, then click "Accept as <PINDESK_TEST_LOGIN>" the way its form posts it.
if (url.pathname.endsWith('/oauth2/authorize') && url.searchParams.get('prompt') === 'admin_consent') {
  const page = await fetch(url);
  if (!page.ok) {
    console.error(`fake browser: the consent page answered ${page.status}`);
    process.exit(1);
  }
  const form = new URLSearchParams({
    client_id: url.searchParams.get('client_id') ?? '',
    login_as: process.env.PINDESK_TEST_LOGIN ?? 'admin@pindesk-demo.example',
  });
  const accepted = await fetch(url, { method: 'POST', body: form });
  console.error(`fake browser: the consent page accepted with ${accepted.status}`);
  process.exit(accepted.ok ? 0 : 1);
}
// Entra's v2 admin consent page for PinDesk's sign-in client: read it, then click "Accept for the
// organisation as <PINDESK_TEST_LOGIN>". Its redirect goes to http://localhost, where nothing
// listens (as in real life); PinDesk checks the result through Graph.
if (url.pathname.endsWith('/v2.0/adminconsent')) {
  const page = await fetch(url);
  if (!page.ok) {
    console.error(`fake browser: the admin consent page answered ${page.status}`);
    process.exit(1);
  }
  const form = new URLSearchParams(url.searchParams);
  form.set('login_as', process.env.PINDESK_TEST_LOGIN ?? 'admin@pindesk-demo.example');
  const accepted = await fetch(url, { method: 'POST', body: form, redirect: 'manual' });
  const location = accepted.headers.get('location') ?? '';
  console.error(`fake browser: the admin consent page answered ${accepted.status}`);
  process.exit(location.includes('admin_consent=True') ? 0 : 1);
}
url.searchParams.set('prompt', 'none');
if (!url.searchParams.get('login_hint')) {
  url.searchParams.set('login_hint', process.env.PINDESK_TEST_LOGIN ?? 'helpdesk@pindesk-demo.example');
}
const authorize = await fetch(url, { redirect: 'manual' });
const location = authorize.headers.get('location');
if (!location) {
  console.error(`fake browser: the sign-in page answered ${authorize.status} without a redirect`);
  process.exit(1);
}
const callback = await fetch(location);
console.error(`fake browser: the app's redirect page answered ${callback.status}`);
