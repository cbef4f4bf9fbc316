// Plays "someone else in the Intune admin center" for end-to-end tests: signs in to the demo
// tenant on its own (authorization code with PKCE, prompt=none, as Entra allows for a person with
// a session) and changes a profile's assignments through Graph, the way the admin center does.

import { createHash, randomBytes } from 'node:crypto';

const CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';
const SCOPES = 'openid offline_access https://graph.microsoft.com/DeviceManagementConfiguration.ReadWrite.All https://graph.microsoft.com/GroupMember.Read.All';

const base64url = (bytes) => Buffer.from(bytes).toString('base64url');

/** An access token for `login`, from the demo tenant at `issuer`. */
export async function signIn(issuer, login) {
  const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  const verifier = base64url(randomBytes(32));
  const redirect = 'http://localhost:1/';
  const authorize = new URL(discovery.authorization_endpoint);
  for (const [key, value] of Object.entries({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirect,
    scope: SCOPES,
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
    state: base64url(randomBytes(8)),
    nonce: base64url(randomBytes(8)),
    prompt: 'none',
    login_hint: login,
  })) {
    authorize.searchParams.set(key, value);
  }
  const answer = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(answer.headers.get('location')).searchParams.get('code');
  if (!code) throw new Error(`no code from the demo tenant (${answer.status})`);
  const token = await fetch(discovery.token_endpoint, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      code,
      redirect_uri: redirect,
      code_verifier: verifier,
      scope: SCOPES,
    }),
  });
  const body = await token.json();
  if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body.error ?? body)}`);
  return body.access_token;
}

async function graph(graphUrl, token, method, path, body) {
  const response = await fetch(`${graphUrl}/v1.0/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ConsistencyLevel: 'eventual',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return response.json();
}

/** Adds the group named `groupName` to the assignments of the profile named `profileName`,
 * keeping the ones it has, as the admin center does. */
export async function addAssignment({ issuer, graphUrl }, login, profileName, groupName) {
  const token = await signIn(issuer, login);
  const profiles = await graph(graphUrl, token, 'GET', 'deviceManagement/deviceConfigurations');
  const profile = profiles.value.find((p) => p.displayName === profileName);
  if (!profile) throw new Error(`no profile named ${profileName}`);
  const groups = await graph(graphUrl, token, 'GET', `groups?$filter=displayName eq '${groupName.replace(/'/g, "''")}'`);
  const group = groups.value[0];
  if (!group) throw new Error(`no group named ${groupName}`);
  const path = `deviceManagement/deviceConfigurations/${profile.id}`;
  const current = await graph(graphUrl, token, 'GET', `${path}/assignments`);
  const assignments = [
    ...current.value.map((a) => ({ target: a.target })),
    { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: group.id } },
  ];
  await graph(graphUrl, token, 'POST', `${path}/assign`, { assignments });
}

/** What the administrator's setup leaves behind, done in the admin centers instead: both PIN reset
 * apps consented (their consent pages accepted as `login`) and the PIN recovery profile created
 * and assigned to the groups named. */
export async function pinRecoveryDeployed({ issuer, graphUrl }, login, groupNames) {
  for (const app of ['b8456c59-1230-44c7-a4a2-99b085333e84', '9115dd05-fad5-4f9c-acc7-305d08b1b04e']) {
    const form = new URLSearchParams({ client_id: app, login_as: login });
    const accepted = await fetch(`${graphUrl}/common/oauth2/authorize`, { method: 'POST', body: form });
    if (!accepted.ok) throw new Error(`consent to ${app}: ${accepted.status}`);
  }
  const token = await signIn(issuer, login);
  const tenantId = new URL(issuer).pathname.split('/')[1];
  const profile = await graph(graphUrl, token, 'POST', 'deviceManagement/deviceConfigurations', {
    '@odata.type': '#microsoft.graph.windows10CustomConfiguration',
    displayName: 'Windows Hello PIN recovery',
    omaSettings: [{
      '@odata.type': '#microsoft.graph.omaSettingBoolean',
      displayName: 'EnablePinRecovery',
      omaUri: `./Device/Vendor/MSFT/PassportForWork/${tenantId}/Policies/EnablePinRecovery`,
      value: true,
    }],
  });
  const groups = await graph(graphUrl, token, 'GET', 'groups');
  const assignments = groupNames.map((name) => {
    const group = groups.value.find((g) => g.displayName === name);
    if (!group) throw new Error(`no group named ${name}`);
    return { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: group.id } };
  });
  await graph(graphUrl, token, 'POST', `deviceManagement/deviceConfigurations/${profile.id}/assign`, { assignments });
}
