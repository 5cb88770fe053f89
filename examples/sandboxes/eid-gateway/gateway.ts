/**
 * Sandbox eID gateway: a real OpenID Connect provider (oidc-provider) on loopback whose login
 * page lets a tester log in as any living person of the sandbox population register. The ID
 * token carries the person's personal code, given and family name, as national gateways do.
 */
import { generateKeyPair, randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import express, { type NextFunction, type Request, type Response } from 'express';
import { loadPeople, parsePersonalCode, type PersonRecord } from '../registers/index.js';
import { expiredPage, loginPage, pageLanguage } from './login-page.js';

/** The part of oidc-provider's API the gateway uses. */
interface Interaction {
  uid: string;
  params: Record<string, unknown>;
  /** The gateway session the browser came with, if any. */
  session?: { uid: string };
  /** Expiry, seconds since the epoch. */
  exp: number;
  save(ttlSeconds: number): Promise<unknown>;
}
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options: { mergeWithLastSubmission: boolean }): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> };
  Session: { findByUid(uid: string): Promise<{ destroy(): Promise<void> } | undefined> };
}
interface OidcCheckContext { oidc: { result?: { login?: unknown } } }
interface InteractionPolicy {
  base(): { get(name: string): { checks: unknown[] } };
  Check: (new (reason: string, description: string, error: string, check: (ctx: OidcCheckContext) => boolean) => unknown) & { REQUEST_PROMPT: boolean; NO_NEED_TO_PROMPT: boolean };
}
/**
 * oidc-provider, loaded when a gateway starts: on import it warns on stderr about Node 20, which
 * every command importing the examples (the connectors' CLI among them) would print otherwise.
 */
async function oidcProvider(): Promise<{ Provider: new (issuer: string, configuration: Record<string, unknown>) => OidcProvider; interactionPolicy: InteractionPolicy }> {
  // @ts-expect-error -- oidc-provider ships no type declarations; the little used here is typed above
  const module = (await import('oidc-provider')) as { default: unknown; interactionPolicy: unknown };
  return { Provider: module.default as new (issuer: string, configuration: Record<string, unknown>) => OidcProvider, interactionPolicy: module.interactionPolicy as InteractionPolicy };
}

/** Claims by scope; `eid` is the national part, the personal code. */
const CLAIMS = { openid: ['sub'], profile: ['given_name', 'family_name', 'name', 'birthdate'], eid: ['personal_code'] };

export interface EidGatewayOptions {
  /** Where the one client (the runtime) may be sent back: its `${PUBLIC_URL}/api/session/oidc/callback`. */
  redirectUris: string[];
  /** The client's name on the login page. */
  clientName?: string;
  port?: number;
}

export interface SandboxEidGateway {
  /** The OpenID issuer, http://127.0.0.1:<port> (discovery at /.well-known/openid-configuration). */
  issuer: string;
  /** The runtime's registration. The secret is made at start: hand it over in memory, never print it. */
  client: { id: string; secret: string; scope: string; personalCodeClaim: string };
  close(): Promise<void>;
}

/** `PNOLT-38501010013`: the person's semantics identifier (ETSI EN 319 412-1), stable across restarts. */
const subjectOf = (person: PersonRecord) => `PNO${parsePersonalCode(person.personalCode)!.country}-${person.personalCode}`;

export async function startEidGateway(options: EidGatewayOptions): Promise<SandboxEidGateway> {
  const { Provider, interactionPolicy } = await oidcProvider();
  const people = [...(await loadPeople()).values()].filter((person) => !person.deceasedOn);
  const bySubject = new Map(people.map((person) => [subjectOf(person), person]));
  const byCode = new Map(people.map((person) => [person.personalCode, person]));
  const client = { id: 'konstruktor', secret: randomBytes(32).toString('base64url'), scope: 'openid profile eid', personalCodeClaim: 'personal_code' };
  const clientName = options.clientName ?? 'Konstruktor';

  // The issuer names the port, so the server listens first and gets its handler afterwards.
  const app = express();
  const server: Server = app.listen(options.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A tester switches people between logins: the login page is shown at every authorisation,
  // even while the gateway still has a session from the previous one.
  const policy = interactionPolicy.base();
  policy.get('login').checks.push(new interactionPolicy.Check('sandbox_pick_person', 'the tester picks a person at every login', 'login_required',
    (ctx) => (ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT)));

  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [{
      client_id: client.id, client_secret: client.secret, client_name: clientName, redirect_uris: options.redirectUris,
      grant_types: ['authorization_code'], response_types: ['code'],
    }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', kid: 'sandbox-eid' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: CLAIMS,
    // The scope's claims go in the ID token itself, as eID gateways do; the runtime reads only the ID token.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    discovery: { ui_locales_supported: ['lt', 'lv', 'en'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { policy, url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const person = bySubject.get(sub);
      return person && {
        accountId: sub,
        claims: () => ({
          sub, personal_code: person.personalCode, given_name: person.givenName, family_name: person.familyName,
          name: `${person.givenName} ${person.familyName}`, birthdate: person.birthDate,
        }),
      };
    },
  });

  app.disable('x-powered-by');
  app.get('/interaction/:uid', async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    res.type('html').send(loginPage({ uid: details.uid, language: pageLanguage(req.query.lang, details.params.ui_locales), clientName, people }));
  });
  app.post('/interaction/:uid', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    const form = (req.body ?? {}) as Record<string, unknown>;
    if (form.action === 'cancel') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The person cancelled the login at the eID gateway' }, { mergeWithLastSubmission: false });
      return;
    }
    const person = typeof form.personalCode === 'string' ? byCode.get(form.personalCode) : undefined;
    if (!person) {
      res.status(400).type('html').send(loginPage({ uid: details.uid, language: pageLanguage(form.lang, details.params.ui_locales), clientName, people, error: true }));
      return;
    }
    // The browser may still hold the gateway session of the person picked last time: end it here, or
    // oidc-provider would put its logout confirmation between this page and the way back.
    if (details.session) {
      await (await provider.Session.findByUid(details.session.uid))?.destroy();
      delete details.session;
      await details.save(details.exp - Math.floor(Date.now() / 1000));
    }
    // The gateway trusts its one client: the person's consent is given with the login, no second page.
    const accountId = subjectOf(person);
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: false });
  });
  // An unknown or expired interaction (its cookie is gone): say so instead of a stack trace.
  app.use('/interaction', (error: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    if (error.name === 'SessionNotFound') res.status(400).type('html').send(expiredPage(pageLanguage(req.query.lang, undefined)));
    else res.status(error.status ?? 500).type('text').send(error.message);
  });
  app.use(provider.callback());

  return {
    issuer,
    client,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
