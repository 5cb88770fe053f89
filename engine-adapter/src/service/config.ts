import type { AuthConfig } from './auth.js';

/** The engine service's settings, from the environment (README "Engine service"). */
export interface EngineServiceConfig {
  host: string;
  port: number;
  /** A PostgreSQL server; else PGlite under dataDir (`memory`: nothing kept). */
  databaseUrl?: string;
  dataDir: string;
  auth: AuthConfig;
  /** The test profile serves the clock endpoints. */
  testProfile: boolean;
  /** Requests in flight (long polls not counted) before new ones are answered RESOURCE_EXHAUSTED. */
  maxInFlight: number;
  /** Largest request body, in bytes (Camunda's default message size: 4 MB). */
  bodyLimit: number;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, not '${text}'`);
  return value;
}

export function engineServiceConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EngineServiceConfig {
  const value = (name: string) => env[name]?.trim() || undefined;
  const basic = (value('ENGINE_BASIC_AUTH') ?? '').split(',').map((pair) => pair.trim()).filter(Boolean).map((pair) => {
    const colon = pair.indexOf(':');
    if (colon < 1 || colon === pair.length - 1) throw new ConfigError('ENGINE_BASIC_AUTH is a comma-separated list of user:password');
    return { user: pair.slice(0, colon), password: pair.slice(colon + 1) };
  });
  const issuer = value('ENGINE_OIDC_ISSUER');
  const audience = value('ENGINE_OIDC_AUDIENCE');
  if (Boolean(issuer) !== Boolean(audience)) throw new ConfigError('ENGINE_OIDC_ISSUER and ENGINE_OIDC_AUDIENCE go together');
  const allowAnonymous = value('ENGINE_ALLOW_ANONYMOUS') === 'true';
  const host = value('HOST') ?? '127.0.0.1';
  if (allowAnonymous && !['127.0.0.1', '::1', 'localhost'].includes(host)) {
    throw new ConfigError('ENGINE_ALLOW_ANONYMOUS=true is for loopback development only: HOST must be 127.0.0.1, ::1 or localhost');
  }
  if (!basic.length && !issuer && !allowAnonymous) {
    throw new ConfigError('The engine needs callers to authenticate: set ENGINE_BASIC_AUTH=user:password and/or ENGINE_OIDC_ISSUER with ENGINE_OIDC_AUDIENCE (or ENGINE_ALLOW_ANONYMOUS=true on loopback)');
  }
  const profile = value('ENGINE_PROFILE') ?? 'production';
  if (profile !== 'production' && profile !== 'test') throw new ConfigError(`ENGINE_PROFILE is production or test, not '${profile}'`);
  return {
    host,
    port: integer(env, 'PORT', 8088, 0, 65535),
    databaseUrl: value('DATABASE_URL'),
    dataDir: value('DATA_DIR') ?? '.data/engine',
    auth: { basic, ...(issuer && audience ? { oidc: { issuer, audience } } : {}), allowAnonymous },
    testProfile: profile === 'test',
    maxInFlight: integer(env, 'ENGINE_MAX_IN_FLIGHT', 2000, 1, 1_000_000),
    bodyLimit: integer(env, 'ENGINE_BODY_LIMIT', 4 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  };
}
