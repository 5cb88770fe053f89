import { timingSafeEqual, createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { Problem, sendProblem } from './problem.js';

/**
 * Who may call the engine, as Camunda self-managed offers it: HTTP basic for named users and
 * OAuth client-credentials bearer tokens (JWTs checked against the issuer's JWKS). Anonymous
 * access only when explicitly allowed, and then only from loopback.
 */
export interface AuthConfig {
  basic: { user: string; password: string }[];
  oidc?: { issuer: string; audience: string };
  allowAnonymous: boolean;
}

const digest = (text: string) => createHash('sha256').update(text).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

export function authenticator(config: AuthConfig): RequestHandler {
  let jwks: Promise<JWTVerifyGetKey> | undefined;
  const keys = () => (jwks ??= discoverJwks(config.oidc!.issuer).catch((error: unknown) => {
    jwks = undefined; // asked again on the next request
    throw error;
  }));

  const refuse = (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1], detail: string) => {
    const schemes = [config.basic.length ? 'Basic realm="konstruktor-engine"' : '', config.oidc ? 'Bearer' : ''].filter(Boolean);
    if (schemes.length) res.setHeader('WWW-Authenticate', schemes.join(', '));
    sendProblem(req, res, new Problem(401, 'UNAUTHORIZED', detail));
  };

  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const [scheme, credentials = ''] = header.split(' ', 2);
    if (/^basic$/i.test(scheme ?? '') && config.basic.length) {
      const decoded = Buffer.from(credentials, 'base64').toString();
      const colon = decoded.indexOf(':');
      const user = decoded.slice(0, colon);
      const password = decoded.slice(colon + 1);
      // Every configured pair is compared, so the time taken does not tell which user exists.
      const matches = config.basic.map((b) => same(b.user, user) && same(b.password, password));
      if (colon > 0 && matches.includes(true)) return next();
      return refuse(req, res, 'The user name or password is wrong');
    }
    if (/^bearer$/i.test(scheme ?? '') && config.oidc) {
      const { issuer, audience } = config.oidc;
      keys()
        .then((getKey) => jwtVerify(credentials, getKey, { issuer, audience }))
        .then(() => next(), (error: unknown) => refuse(req, res, `The bearer token was refused: ${(error as Error).message}`));
      return;
    }
    if (!header && config.allowAnonymous && isLoopback(req.socket.remoteAddress)) return next();
    refuse(req, res, header ? 'This authentication scheme is not accepted here' : 'Authentication is required');
  };
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

async function discoverJwks(issuer: string): Promise<JWTVerifyGetKey> {
  const response = await fetch(new URL('.well-known/openid-configuration', issuer.endsWith('/') ? issuer : `${issuer}/`));
  if (!response.ok) throw new Error(`the issuer's discovery document answered ${response.status}`);
  const { jwks_uri: uri } = (await response.json()) as { jwks_uri?: string };
  if (!uri) throw new Error('the issuer names no jwks_uri');
  return createRemoteJWKSet(new URL(uri));
}
