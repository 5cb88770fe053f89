/** Authentication of the HTTP connector: the Authorization header, OAuth2 tokens (cached) and the TLS client certificate. */
import { createHash } from 'node:crypto';
import { send, type HttpRequest } from './client.js';

export type Authentication =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'oauth2-client-credentials'; oauthTokenEndpoint: string; clientId: string; clientSecret: string; scopes?: string; audience?: string }
  | { type: 'client-certificate'; clientCertificate: string; clientKey: string };

interface CachedToken { accessToken: string; expiresAt: number }

/** Tokens per endpoint + client + scopes (+ a hash of the secret, so a rotated secret gets a new token). */
const tokens = new Map<string, CachedToken>();
// A token is renewed this long before it expires, so it does not run out in flight.
const EXPIRY_MARGIN_MS = 30_000;

function cacheKey(auth: Extract<Authentication, { type: 'oauth2-client-credentials' }>): string {
  return createHash('sha256').update([auth.oauthTokenEndpoint, auth.clientId, auth.clientSecret, auth.scopes ?? '', auth.audience ?? ''].join('\n')).digest('hex');
}

export class OAuthError extends Error {
  readonly code = 'OAUTH_TOKEN_FAILED';
}

async function oauthToken(auth: Extract<Authentication, { type: 'oauth2-client-credentials' }>, tls: HttpRequest['tls'], timeoutMs: number, signal?: AbortSignal): Promise<string> {
  const key = cacheKey(auth);
  const cached = tokens.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.accessToken;
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (auth.scopes) form.set('scope', auth.scopes);
  if (auth.audience) form.set('audience', auth.audience);
  const response = await send({
    method: 'POST', url: new URL(auth.oauthTokenEndpoint), timeoutMs, signal, tls,
    headers: {
      'content-type': 'application/x-www-form-urlencoded', accept: 'application/json',
      // RFC 6749 2.3.1: client id and secret form-encoded, then Basic.
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`).toString('base64')}`,
    },
    body: form.toString(),
  });
  const body = response.body as { access_token?: unknown; expires_in?: unknown } | null;
  if (response.status !== 200 || typeof body?.access_token !== 'string') {
    throw new OAuthError(`OAuth2 token endpoint ${new URL(auth.oauthTokenEndpoint).origin} answered ${response.status} without an access_token`);
  }
  const lifetimeMs = (typeof body.expires_in === 'number' ? body.expires_in : 300) * 1000;
  tokens.set(key, { accessToken: body.access_token, expiresAt: Date.now() + lifetimeMs - EXPIRY_MARGIN_MS });
  return body.access_token;
}

/** Forgets a token the resource server refused (401), so the next call fetches a new one. */
export function forgetToken(auth: Authentication): void {
  if (auth.type === 'oauth2-client-credentials') tokens.delete(cacheKey(auth));
}

/** Headers and TLS options for this authentication. */
export async function authorize(auth: Authentication, ca: string | undefined, timeoutMs: number, signal?: AbortSignal): Promise<{ headers: Record<string, string>; tls: HttpRequest['tls'] }> {
  const tls = { ca };
  switch (auth.type) {
    case 'none':
      return { headers: {}, tls };
    case 'basic':
      return { headers: { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` }, tls };
    case 'bearer':
      return { headers: { authorization: `Bearer ${auth.token}` }, tls };
    case 'oauth2-client-credentials':
      return { headers: { authorization: `Bearer ${await oauthToken(auth, tls, timeoutMs, signal)}` }, tls };
    case 'client-certificate':
      return { headers: {}, tls: { ...tls, cert: auth.clientCertificate, key: auth.clientKey } };
  }
}
