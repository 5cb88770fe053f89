import path from 'node:path';
import type { LoginThrottleSettings } from './accounts/login-throttle.js';
import type { UploadQuota } from './documents/documents.js';

/** Everything the runtime reads from its environment, parsed once at start. */
export interface RuntimeConfig {
  port: number;
  host: string;
  /** Folder of the embedded database and stored files. `memory` keeps everything in memory (tests). */
  dataDir: string;
  /** PostgreSQL server; when absent the embedded PGlite database under dataDir is used. */
  databaseUrl: string | undefined;
  /** Public base URL of this runtime, used for redirects (OIDC) and secure cookies. */
  publicUrl: string;
  logLevel: string;
  /** Proxy hops in front of the runtime whose X-Forwarded-For is trusted (0 = none). */
  trustProxyHops: number;
  sessionTtlSeconds: number;
  /** Files a citizen may upload a day, and bytes he may have waiting unattached (documents.ts). */
  uploadQuota: UploadQuota;
  /** Failed logins forgiven per account and per address before each try must wait (accounts/login-throttle.ts). */
  loginThrottle: LoginThrottleSettings;
  demo: { seed: boolean; password: string | undefined };
  /** Folder searched for service packages to import at start. */
  examplesDir: string | undefined;
  oidc: OidcConfig | undefined;
  /** Which workflow engine runs the services' processes (ENGINE=embedded|zeebe). */
  engine: 'embedded' | 'zeebe';
  /** How often engine user tasks and instance ends are brought into the inbox and "My orders" (ms). */
  engineSyncMs: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** Claim carrying the national personal code. */
  personalCodeClaim: string;
  /** Plain-HTTP issuer is allowed only on loopback (tests, local sandboxes). */
  allowInsecureLoopback: boolean;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function databaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL names no database (add /<database> after the host)');
  return raw;
}

/**
 * The external base URL, normalised as a browser would (lower-case host, no default port), because
 * the OIDC redirect URI built from it must be the same string in every request to the provider.
 */
function publicUrl(raw: string | undefined, host: string, port: number): string {
  if (raw === undefined || raw === '') return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a valid URL (expected e.g. https://portal.example or https://example.gov/portal), got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`PUBLIC_URL must start with http:// or https://, got "${url.protocol}//"`);
  if (url.search || url.hash || url.username || url.password) throw new ConfigError('PUBLIC_URL must not contain credentials, a query or a fragment');
  return url.href.replace(/\/$/, '');
}

function oidc(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  if (!env.OIDC_ISSUER) return undefined;
  const missing = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'].filter((name) => !env[name]);
  if (missing.length) throw new ConfigError(`OIDC_ISSUER is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not`);
  // A typo here would otherwise surface only as "the eID gateway does not answer" at every login.
  if (!URL.canParse(env.OIDC_ISSUER) || !/^https?:$/.test(new URL(env.OIDC_ISSUER).protocol)) {
    throw new ConfigError(`OIDC_ISSUER must be an http(s) URL (e.g. https://eid.example/oidc), got "${env.OIDC_ISSUER}"`);
  }
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    scope: env.OIDC_SCOPE || 'openid profile',
    personalCodeClaim: env.OIDC_PERSONAL_CODE_CLAIM || 'personal_code',
    allowInsecureLoopback: env.OIDC_ALLOW_INSECURE_LOOPBACK === 'true',
  };
}

function engineKind(raw: string | undefined): 'embedded' | 'zeebe' {
  if (!raw || raw === 'embedded') return 'embedded';
  if (raw === 'zeebe') return 'zeebe';
  throw new ConfigError(`ENGINE must be embedded or zeebe, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const dataDir = env.DATA_DIR === 'memory' ? 'memory' : path.resolve(env.DATA_DIR || 'data');
  return {
    port,
    host,
    dataDir,
    databaseUrl: databaseUrl(env.DATABASE_URL),
    publicUrl: publicUrl(env.PUBLIC_URL, host, port),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    sessionTtlSeconds: integer(env, 'SESSION_TTL_SECONDS', 8 * 3600, 60),
    uploadQuota: {
      perDay: integer(env, 'UPLOADS_PER_DAY', 200, 1),
      unattachedBytes: integer(env, 'UPLOAD_UNATTACHED_MAX_BYTES', 100 * 1024 * 1024, 1),
    },
    loginThrottle: {
      account: { free: integer(env, 'LOGIN_ACCOUNT_FREE_FAILURES', 5, 1), maxDelaySeconds: integer(env, 'LOGIN_ACCOUNT_MAX_DELAY_SECONDS', 15 * 60, 1) },
      address: { free: integer(env, 'LOGIN_ADDRESS_FREE_FAILURES', 20, 1), maxDelaySeconds: integer(env, 'LOGIN_ADDRESS_MAX_DELAY_SECONDS', 60, 1) },
      windowSeconds: integer(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 15 * 60, 1),
    },
    demo: { seed: env.SEED_DEMO !== 'false', password: env.DEMO_PASSWORD || undefined },
    examplesDir: env.EXAMPLES_DIR === 'none' ? undefined : path.resolve(env.EXAMPLES_DIR || 'examples'),
    oidc: oidc(env),
    engine: engineKind(env.ENGINE),
    engineSyncMs: integer(env, 'ENGINE_SYNC_MS', 500, 50, 60_000),
  };
}
