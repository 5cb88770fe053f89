import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { Type } from '@sinclair/typebox';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import type { OidcConfig, RuntimeConfig } from '../config.js';
import type { Api } from '../http/api.js';
import { HttpProblem } from '../http/problem.js';
import { Language } from '../common/schemas.js';
import type { Services } from '../services.js';
import { OidcLoginEntity } from './oidc-login.entity.js';
import { UserEntity, type User } from './user.entity.js';

const LOGIN_TTL_MS = 10 * 60_000;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** Only same-site paths after login, never another origin. */
const safeReturnTo = (value: string | undefined) => (value && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : '/');

/** Where the identity provider sends the citizen back; registered with it as the redirect URI. */
export const oidcRedirectUri = (publicUrl: string) => `${publicUrl}/api/session/oidc/callback`;

/**
 * Login through the national eID gateway as an OpenID Connect relying party: authorization
 * code flow with PKCE, state and nonce. A first login creates the citizen's account.
 */
export function oidcRouter({ api, config, oidc: settings, services, logger }: {
  api: Api; config: Pick<RuntimeConfig, 'publicUrl'>; oidc: OidcConfig; services: Services; logger: Logger;
}): Router {
  const router = Router();
  const redirectUri = oidcRedirectUri(config.publicUrl);
  let discovered: Promise<oidc.Configuration> | undefined;

  const provider = () => {
    discovered ??= (async () => {
      const issuer = new URL(settings.issuer);
      const insecure = issuer.protocol === 'http:';
      if (insecure && !(settings.allowInsecureLoopback && LOOPBACK.test(issuer.hostname))) {
        throw new Error(`OIDC_ISSUER ${issuer.origin} is not HTTPS (plain HTTP is allowed only on loopback with OIDC_ALLOW_INSECURE_LOOPBACK=true)`);
      }
      return oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, insecure ? { execute: [oidc.allowInsecureRequests] } : undefined);
    })().catch((error: unknown) => {
      discovered = undefined; // try again on the next login
      throw error;
    });
    return discovered;
  };

  api.publicRoute(router, {
    method: 'get', path: '/api/session/oidc', tag: 'session', access: 'public', status: 302,
    summary: 'Start an eID login: redirects to the identity provider. After the login the callback redirects to returnTo, a path on this site (anything else, e.g. another origin or //host, becomes /); lang is the language the provider is asked to speak (ui_locales)',
    query: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500 })), lang: Type.Optional(Language) }, { additionalProperties: false }),
    errors: [503],
  }, async ({ query, res }) => {
    const configuration = await provider().catch((error: unknown) => {
      logger.error({ err: error }, 'OIDC discovery failed');
      throw new HttpProblem(503, 'identity-provider-unavailable', 'The eID gateway does not answer', 'Try again later');
    });
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const login = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier, returnTo: safeReturnTo(query.returnTo), expiresAt: new Date(Date.now() + LOGIN_TTL_MS) };
    await services.db.getRepository(OidcLoginEntity).insert(login);
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri, scope: settings.scope, state: login.state, nonce: login.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
      ...(query.lang ? { ui_locales: query.lang } : {}),
    });
    res.redirect(302, url.href);
  });

  api.publicRoute(router, {
    method: 'get', path: '/api/session/oidc/callback', tag: 'session', access: 'public', status: 302,
    summary: 'Where the identity provider returns; sets the session cookie and redirects back into the portal. A failed login is a 401 problem, or for a browser (Accept: text/html) a redirect to /login?eidError=<the problem\'s slug>',
    query: Type.Object({
      state: Type.String({ minLength: 1, maxLength: 200 }),
      code: Type.Optional(Type.String({ maxLength: 2000 })),
      error: Type.Optional(Type.String({ maxLength: 200 })),
      error_description: Type.Optional(Type.String({ maxLength: 2000 })),
      iss: Type.Optional(Type.String({ maxLength: 500 })),
      session_state: Type.Optional(Type.String({ maxLength: 500 })),
    }, { additionalProperties: false }),
    errors: [401],
  }, async ({ query, req, res }) => {
    try {
      await finishLogin(query, req, res);
    } catch (error) {
      // A person's browser comes back here: it gets the portal's login page saying what went wrong, in his language, not a JSON document.
      if (!(error instanceof HttpProblem) || !req.headers.accept?.includes('text/html')) throw error;
      res.redirect(302, `/login?${new URLSearchParams({ eidError: error.slug }).toString()}`);
    }
  });

  async function finishLogin(query: { state: string; code?: string; error?: string; error_description?: string }, req: Request, res: Response): Promise<void> {
    // Single use: the login is deleted whether or not the exchange succeeds. Of two callbacks
    // racing with the same state only the one whose delete removed the row may go on.
    const logins = services.db.getRepository(OidcLoginEntity);
    const login = await logins.findOneBy({ state: query.state });
    const taken = login ? (await logins.delete({ state: login.state })).affected === 1 : false;
    if (!login || !taken || login.expiresAt.getTime() < Date.now()) throw new HttpProblem(401, 'oidc-login-unknown', 'This login attempt is unknown or expired', 'Start the login again');
    if (query.error) throw new HttpProblem(401, 'oidc-login-refused', 'The eID gateway refused the login', query.error_description ?? query.error);
    // openid-client sends this URL without its query as the token request's redirect_uri, which the
    // provider matches against the authorization request's: rebuild it from PUBLIC_URL, not from the
    // request path, which a reverse proxy publishing the portal under a path prefix has shortened.
    const currentUrl = new URL(redirectUri);
    currentUrl.search = new URL(req.originalUrl, redirectUri).search;
    let claims: oidc.IDToken;
    try {
      const tokens = await oidc.authorizationCodeGrant(await provider(), currentUrl, {
        pkceCodeVerifier: login.codeVerifier, expectedState: login.state, expectedNonce: login.nonce, idTokenExpected: true,
      });
      claims = tokens.claims()!;
    } catch (error) {
      logger.warn({ err: { message: (error as Error).message, code: (error as { code?: string }).code } }, 'OIDC code exchange failed');
      throw new HttpProblem(401, 'oidc-login-failed', 'The eID login could not be completed', 'Start the login again');
    }
    const user = await provisionCitizen(services, settings, claims);
    const { token } = await services.sessions.create(user.id, 'oidc');
    await services.audit.recordAlone({ actorId: user.id, action: 'session.login', objectType: 'user', objectId: user.id, details: { method: 'oidc', issuer: claims.iss } });
    services.sessions.setCookie(res, token);
    res.redirect(302, login.returnTo);
  }

  return router;
}

/** Finds the citizen by his OIDC identity, or by personal code, or creates him. */
async function provisionCitizen(services: Services, settings: OidcConfig, claims: oidc.IDToken): Promise<User> {
  const users = services.db.getRepository(UserEntity);
  const subject = `${claims.iss}|${claims.sub}`;
  const personalCode = typeof claims[settings.personalCodeClaim] === 'string' ? (claims[settings.personalCodeClaim] as string) : null;
  const name = [claims.given_name, claims.family_name].filter((part) => typeof part === 'string').join(' ') || (typeof claims.name === 'string' ? claims.name : `eID ${claims.sub}`);
  const existing = (await users.findOneBy({ oidcSubject: subject })) ?? (personalCode ? await users.findOneBy({ personalCode }) : null);
  if (existing) {
    if (existing.disabledAt) throw new HttpProblem(401, 'account-disabled', 'This account is disabled');
    if (!existing.oidcSubject) return users.save({ ...existing, oidcSubject: subject });
    return existing;
  }
  return services.db.transaction(async (manager) => {
    const created = await manager.getRepository(UserEntity).save({
      // The same `sub` can come from two issuers: name the account after both.
      username: `eid-${createHash('sha256').update(subject).digest('hex').slice(0, 16)}`, displayName: name, email: typeof claims.email === 'string' ? claims.email : null,
      personalCode, oidcSubject: subject, passwordHash: null, roles: ['citizen'], agencyId: null, groups: [], disabledAt: null,
    });
    await services.audit.record(manager, { actorId: created.id, action: 'user.created', objectType: 'user', objectId: created.id, details: { via: 'oidc', issuer: claims.iss } });
    return created;
  });
}
