import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- oidc-provider ships no type declarations; the little used here is typed below
import UntypedProvider from 'oidc-provider';
import { ConfigError, loadConfig } from '../src/config.js';
import { startTestRuntime, type TestRuntime } from './support/harness.js';
import { ApiClient } from './support/api-client.js';
import { freePort } from './support/free-port.js';
import { Browser } from './support/browser.js';

/** The part of oidc-provider's API this test uses. */
interface OidcProvider {
  issuer: string;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ params: Record<string, unknown>; prompt: { name: string } }>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> };
}
const Provider = UntypedProvider as new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

const CLIENT_ID = 'konstruktor';
const CLIENT_SECRET = 'a-long-enough-client-secret-for-the-test-provider';

/** Identities the provider knows; the account id is also the `sub`. */
const IDENTITIES: Record<string, Record<string, string>> = {
  'eid-ona': { given_name: 'Ona', family_name: 'Onaitė', email: 'ona@example.lt', personal_code: '49002020022' },
  // The same person as the seeded local account `citizen` (personal code 38501010013).
  'eid-jonas': { given_name: 'Jonas', family_name: 'Jonaitis', email: 'jonas@eid.example', personal_code: '38501010013' },
  'eid-petras': { given_name: 'Petras', family_name: 'Petraitis', email: 'petras@example.lt', personal_code: '38003030033' },
};

const listen = (server: Server) => new Promise<number>((resolve, reject) => {
  server.once('error', reject).listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
});

/**
 * A real OpenID provider on a loopback port. Its login and consent page is a route that finishes
 * the interaction at once, as the account named in the X-Test-Account header, or refuses it when
 * X-Test-Refuse is sent (the citizen pressed "Cancel").
 */
async function startProvider(redirectUris: string[]): Promise<{ issuer: string; close(): Promise<void> }> {
  // The issuer names the port, so the server listens first and gets its handler afterwards.
  const server = createServer();
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', kid: 'test' }] },
    cookies: { keys: ['a-cookie-signing-key-for-the-test-provider'] },
    claims: { openid: ['sub'], profile: ['given_name', 'family_name', 'name'], email: ['email'], eid: ['personal_code'] },
    // Put the scope's claims in the ID token itself, as eID gateways do; the runtime reads only the ID token.
    conformIdTokenClaims: false,
    // The provider insists on PKCE, so a login only succeeds if the runtime sends and proves it.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => (IDENTITIES[sub] ? { accountId: sub, claims: () => ({ sub, ...IDENTITIES[sub] }) } : undefined),
  });
  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (req.headers['x-test-refuse']) {
        return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The citizen cancelled the login' }, { mergeWithLastSubmission: false });
      }
      const accountId = String(req.headers['x-test-account']);
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * The browser between the runtime and the provider: follows the provider's redirects, keeping its
 * cookies, and stops at the first redirect back to the runtime's callback, which it returns
 * unvisited so that the test can call it (and call it again).
 */
async function throughProvider(authorizationUrl: string, callbackPrefix: string, as: { account?: string; refuse?: boolean }): Promise<string> {
  const browser = new Browser({ ...(as.account ? { 'x-test-account': as.account } : {}), ...(as.refuse ? { 'x-test-refuse': 'yes' } : {}) });
  const { url, response, next } = await browser.follow(authorizationUrl, { stopBefore: (hop) => hop.href.startsWith(callbackPrefix) });
  if (!next) throw new Error(`the provider answered ${response.status} at ${url}: ${await response.text()}`);
  return next.href;
}

/** Starts a login at the runtime; returns the provider URL it redirects to. */
async function startLogin(t: TestRuntime, returnTo = '/orders'): Promise<URL> {
  const start = await fetch(`${t.url}/api/session/oidc?returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
  if (start.status !== 302) throw new Error(`login start answered ${start.status}: ${await start.text()}`);
  return new URL(start.headers.get('location')!);
}

/**
 * Calls the runtime's callback like the browser would, the test standing in for a reverse proxy
 * (public URL → runtime); returns the answer with the session cookie, if one was set.
 */
async function callback(t: TestRuntime, callbackUrl: string, publicUrl: string) {
  const response = await fetch(`${t.url}${callbackUrl.slice(publicUrl.length)}`, { redirect: 'manual' });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('konstruktor_session='));
  const text = await response.text();
  return {
    status: response.status, location: response.headers.get('location'), session, contentType: response.headers.get('content-type') ?? '',
    body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
  };
}

/** A provider and a runtime registered with it, the runtime's public URL ending in `prefix`. */
async function startPair(prefix = '') {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}${prefix}`;
  const op = await startProvider([`${publicUrl}/api/session/oidc/callback`]);
  const t = await startTestRuntime({}, {
    PORT: String(port), PUBLIC_URL: prefix ? publicUrl : '', OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_SCOPE: 'openid profile email eid', OIDC_ALLOW_INSECURE_LOOPBACK: 'true',
  });
  return { op, t, publicUrl, callbackPrefix: `${publicUrl}/api/session/oidc/callback?` };
}

describe('login through an OpenID Connect provider', () => {
  let op: Awaited<ReturnType<typeof startProvider>>;
  let t: TestRuntime;
  let publicUrl: string;
  let callbackPrefix: string;

  beforeAll(async () => {
    ({ op, t, publicUrl, callbackPrefix } = await startPair());
    expect(t.url).toBe(publicUrl);
  });
  afterAll(async () => {
    await t?.close();
    await op?.close();
  });

  const db = () => t.runtime.database.dataSource;
  const userCount = async () => Number((await db().query('SELECT count(*)::int AS n FROM app_user'))[0].n);

  /** A whole login as the given identity; returns the callback's answer. */
  async function login(account: string, returnTo = '/orders') {
    const callbackUrl = await throughProvider((await startLogin(t, returnTo)).href, callbackPrefix, { account });
    return callback(t, callbackUrl, publicUrl);
  }

  const sessionOf = (cookie: string) => {
    const client = new ApiClient(t.url);
    client.useSessionCookie(cookie.split(';')[0]!);
    return client;
  };

  it('sends the citizen to the provider with PKCE (S256), state and nonce', async () => {
    const authorization = await startLogin(t);
    const discovery = (await (await fetch(`${op.issuer}/.well-known/openid-configuration`)).json()) as { authorization_endpoint: string };
    expect(`${authorization.origin}${authorization.pathname}`).toBe(discovery.authorization_endpoint);
    const params = authorization.searchParams;
    expect(Object.fromEntries(params)).toMatchObject({
      response_type: 'code', client_id: CLIENT_ID, redirect_uri: `${publicUrl}/api/session/oidc/callback`,
      scope: 'openid profile email eid', code_challenge_method: 'S256',
    });
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('nonce')).not.toBe(params.get('state'));
    // Two logins never share a state.
    expect((await startLogin(t)).searchParams.get('state')).not.toBe(params.get('state'));
  });

  it('creates the citizen on a first login, starts a session and returns him where he was going', async () => {
    const before = await userCount();
    const done = await login('eid-ona');
    expect(done.status).toBe(302);
    expect(done.location).toBe('/orders');
    expect(done.session).toMatch(/^konstruktor_session=[\w-]{40,};/);
    expect(done.session).toMatch(/HttpOnly/i);
    expect(done.session).toMatch(/SameSite=Lax/i);

    const me = await sessionOf(done.session!).get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ displayName: 'Ona Onaitė', email: 'ona@example.lt', roles: ['citizen'], agency: null });
    expect(await userCount()).toBe(before + 1);

    const [row] = await db().query('SELECT id, personal_code, oidc_subject, password_hash FROM app_user WHERE id = $1', [me.body.user.id]);
    expect(row).toEqual({ id: me.body.user.id, personal_code: '49002020022', oidc_subject: `${op.issuer}|eid-ona`, password_hash: null });

    const events = await db().query(`SELECT action, actor_id, details FROM audit_event WHERE object_id = $1 ORDER BY seq`, [me.body.user.id]);
    expect(events).toEqual([
      { action: 'user.created', actor_id: me.body.user.id, details: { via: 'oidc', issuer: op.issuer } },
      { action: 'session.login', actor_id: me.body.user.id, details: { method: 'oidc', issuer: op.issuer } },
    ]);
    const [session] = await db().query('SELECT auth_method FROM session WHERE user_id = $1', [me.body.user.id]);
    expect(session).toEqual({ auth_method: 'oidc' });
  });

  it('finds the same account on the next login instead of creating another', async () => {
    const first = await sessionOf((await login('eid-ona')).session!).get('/api/me');
    const before = await userCount();
    const again = await login('eid-ona', '/');
    expect(again).toMatchObject({ status: 302, location: '/' });
    const me = await sessionOf(again.session!).get('/api/me');
    expect(me.body.user.id).toBe(first.body.user.id);
    expect(await userCount()).toBe(before);
    expect((await db().query(`SELECT count(*)::int AS n FROM app_user WHERE personal_code = '49002020022'`))[0].n).toBe(1);
  });

  it('links the existing local account with the same personal code instead of duplicating it', async () => {
    const before = await userCount();
    const done = await login('eid-jonas');
    expect(done.status).toBe(302);
    const me = await sessionOf(done.session!).get('/api/me');
    expect(me.body.user).toMatchObject({ username: 'citizen', displayName: 'Jonas Jonaitis', roles: ['citizen'] });
    expect(await userCount()).toBe(before);
    const [row] = await db().query(`SELECT oidc_subject FROM app_user WHERE username = 'citizen'`);
    expect(row.oidc_subject).toBe(`${op.issuer}|eid-jonas`);

    // Both ways in lead to the same account.
    expect((await (await t.as('citizen')).get('/api/me')).body.user.id).toBe(me.body.user.id);
    expect((await sessionOf((await login('eid-jonas')).session!).get('/api/me')).body.user.id).toBe(me.body.user.id);
    expect(await userCount()).toBe(before);
  });

  it('refuses a replayed callback, an unknown state and a refusal by the provider, without a session', async () => {
    const callbackUrl = await throughProvider((await startLogin(t)).href, callbackPrefix, { account: 'eid-ona' });
    expect((await callback(t, callbackUrl, publicUrl)).status).toBe(302);

    const replay = await callback(t, callbackUrl, publicUrl);
    expect(replay.status).toBe(401);
    expect(replay.contentType).toContain('application/problem+json');
    expect(replay.body).toMatchObject({ status: 401, type: 'urn:konstruktor:problem:oidc-login-unknown' });
    expect(replay.session).toBeUndefined();

    // The browser sends the callback twice at once (double click, retry): one session, not two.
    const twiceUrl = await throughProvider((await startLogin(t)).href, callbackPrefix, { account: 'eid-ona' });
    const twice = await Promise.all([callback(t, twiceUrl, publicUrl), callback(t, twiceUrl, publicUrl)]);
    expect(twice.map((r) => r.status).sort()).toEqual([302, 401]);
    expect(twice.find((r) => r.status === 401)).toMatchObject({ body: { type: 'urn:konstruktor:problem:oidc-login-unknown' }, session: undefined });

    // A login left unfinished past its lifetime is refused too.
    const lateUrl = await throughProvider((await startLogin(t)).href, callbackPrefix, { account: 'eid-ona' });
    await db().query(`UPDATE oidc_login SET expires_at = now() - interval '1 second' WHERE state = $1`, [new URL(lateUrl).searchParams.get('state')]);
    expect(await callback(t, lateUrl, publicUrl)).toMatchObject({ status: 401, body: { type: 'urn:konstruktor:problem:oidc-login-unknown' }, session: undefined });

    const code = new URL(callbackUrl).searchParams.get('code')!;
    const unknown = await callback(t, `${publicUrl}/api/session/oidc/callback?state=never-issued&code=${code}`, publicUrl);
    expect(unknown).toMatchObject({ status: 401, body: { type: 'urn:konstruktor:problem:oidc-login-unknown' }, session: undefined });
    // A person's browser is sent to the portal's login page, which says in his language what went wrong.
    const navigated = await fetch(`${t.url}/api/session/oidc/callback?state=never-issued&code=${code}`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(navigated.status).toBe(302);
    expect(navigated.headers.get('location')).toBe('/login?eidError=oidc-login-unknown');
    expect(navigated.headers.get('set-cookie')).toBeNull();

    const refusedUrl = await throughProvider((await startLogin(t)).href, callbackPrefix, { refuse: true });
    expect(new URL(refusedUrl).searchParams.get('error')).toBe('access_denied');
    const refused = await callback(t, refusedUrl, publicUrl);
    expect(refused.status).toBe(401);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ type: 'urn:konstruktor:problem:oidc-login-refused', title: 'The eID gateway refused the login', detail: 'The citizen cancelled the login' });
    expect(refused.session).toBeUndefined();
  });

  it('does not let a code obtained for one login be redeemed by another (PKCE binds it)', async () => {
    const stolen = new URL(await throughProvider((await startLogin(t)).href, callbackPrefix, { account: 'eid-ona' }));
    const other = await startLogin(t);
    const forged = new URL(stolen);
    forged.searchParams.set('state', other.searchParams.get('state')!);
    const result = await callback(t, forged.href, publicUrl);
    expect(result).toMatchObject({ status: 401, body: { type: 'urn:konstruktor:problem:oidc-login-failed' }, session: undefined });
    expect(t.logs.join('')).toContain('OIDC code exchange failed');
  });

  it('refuses a disabled account even when the provider vouches for the person', async () => {
    const first = await login('eid-petras');
    const { id } = (await sessionOf(first.session!).get('/api/me')).body.user;
    await db().query('UPDATE app_user SET disabled_at = now() WHERE id = $1', [id]);
    const refused = await login('eid-petras');
    expect(refused).toMatchObject({ status: 401, body: { type: 'urn:konstruktor:problem:account-disabled' }, session: undefined });
    expect((await sessionOf(first.session!).get('/api/me')).status).toBe(401);
  });

  it('returns to the portal home instead of another site', async () => {
    for (const returnTo of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      const done = await login('eid-ona', returnTo);
      expect(done, returnTo).toMatchObject({ status: 302, location: '/' });
    }
  });

  it('never writes the client secret or a session token to the log', async () => {
    const logs = t.logs.join('');
    expect(logs).not.toContain(CLIENT_SECRET);
    expect(logs).not.toMatch(/konstruktor_session=[\w-]{20}/);
    // One-time authorization codes and states from the callback URL are blanked in request logs.
    expect(logs).toContain('/api/session/oidc/callback?');
    expect(logs).not.toMatch(/[?&](code|state)=(?!\[redacted\])/);
  });
});

describe('login when the portal is published under a path (PUBLIC_URL with a prefix the proxy strips)', () => {
  let pair: Awaited<ReturnType<typeof startPair>>;
  beforeAll(async () => {
    pair = await startPair('/portal');
  });
  afterAll(async () => {
    await pair?.t.close();
    await pair?.op.close();
  });

  it('registers and redeems the code with the same public redirect URI', async () => {
    const { t, publicUrl, callbackPrefix } = pair;
    const authorization = await startLogin(t);
    expect(authorization.searchParams.get('redirect_uri')).toBe(`${publicUrl}/api/session/oidc/callback`);
    // The test plays the reverse proxy: the browser calls ${publicUrl}/…, the runtime sees /….
    const done = await callback(t, await throughProvider(authorization.href, callbackPrefix, { account: 'eid-ona' }), publicUrl);
    expect(done).toMatchObject({ status: 302, location: '/orders', session: expect.stringMatching(/^konstruktor_session=/) });
  });
});

describe('OIDC settings', () => {
  const eid = { OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET };

  it('reads the provider settings with their defaults', () => {
    expect(loadConfig({ OIDC_ISSUER: 'https://eid.example/oidc', ...eid }).oidc).toEqual({
      issuer: 'https://eid.example/oidc', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET,
      scope: 'openid profile', personalCodeClaim: 'personal_code', allowInsecureLoopback: false,
    });
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  it('refuses at start an issuer or public URL that cannot work, instead of failing every login', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'eid.example', ...eid })).toThrow(ConfigError);
    expect(() => loadConfig({ OIDC_ISSUER: 'ftp://eid.example', ...eid })).toThrow(/OIDC_ISSUER must be an http\(s\) URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'portal.example' })).toThrow(/PUBLIC_URL is not a valid URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL must start with http/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://portal.example/?lang=lt' })).toThrow(ConfigError);
  });

  it('spells the public URL, and so the redirect URI, the one way the provider will compare', () => {
    expect(loadConfig({ PUBLIC_URL: 'HTTPS://Portal.Example:443/konstruktor/' }).publicUrl).toBe('https://portal.example/konstruktor');
    expect(loadConfig({ PUBLIC_URL: 'https://portal.example/' }).publicUrl).toBe('https://portal.example');
    expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0' }).publicUrl).toBe('http://127.0.0.1:8080');
  });
});

describe('login through a provider behind a plain-HTTP address that is not loopback', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    // Refused before any request is made: nothing leaves the machine.
    t = await startTestRuntime({}, {
      OIDC_ISSUER: 'http://example.invalid', OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET, OIDC_ALLOW_INSECURE_LOOPBACK: 'true',
    });
  });
  afterAll(() => t?.close());

  it('answers 503 instead of redirecting, and remembers no login attempt', async () => {
    const start = await t.anonymous().get('/api/session/oidc?returnTo=/orders');
    expect(start.status).toBe(503);
    expect(start.contentType).toContain('application/problem+json');
    expect(start.body).toMatchObject({ status: 503, type: 'urn:konstruktor:problem:identity-provider-unavailable' });
    expect(start.headers.get('location')).toBeNull();
    expect((await t.runtime.database.dataSource.query('SELECT count(*)::int AS n FROM oidc_login'))[0].n).toBe(0);
    expect(t.logs.join('')).toContain('is not HTTPS');
  });
});
