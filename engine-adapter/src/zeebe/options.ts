/**
 * How to reach a Zeebe (Camunda 8 orchestration cluster), read from the environment.
 *
 * All commands go through the v2 REST API (the same paths on 8.6 and 8.8+); the clock through
 * the management port's actuator; history either through the v2 search API (8.8+ with a
 * secondary storage such as PostgreSQL) or, when ZEEBE_RECORDS_REDIS_URL is set, from the
 * records the broker exports to Redis.
 */
export interface ZeebeOptions {
  /** Base URL of the REST gateway, e.g. http://127.0.0.1:8080 (the client adds /v2). */
  restAddress: string;
  /** Base URL of the management port (actuator), e.g. http://127.0.0.1:9600; needed by advanceTime. */
  managementAddress?: string;
  /** gRPC gateway, host:port. Not used by this adapter (REST covers every command); kept for workers. */
  grpcAddress?: string;
  /** Read history from the Redis exporter's streams instead of the v2 search API. */
  recordsRedisUrl?: string;
  /** OAuth client credentials (token URL, client id and secret, optional audience and scope). */
  oauth?: { tokenUrl: string; clientId: string; clientSecret: string; audience?: string; scope?: string };
  /** TLS: a private CA bundle (PEM) and, for mutual TLS, a client certificate and key. */
  tls?: { caPath?: string; certPath?: string; keyPath?: string };
}

export function zeebeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ZeebeOptions {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  const restAddress = value('ZEEBE_REST_ADDRESS');
  if (!restAddress) throw new Error('ZEEBE_REST_ADDRESS is not set (e.g. http://127.0.0.1:8080)');

  const options: ZeebeOptions = {
    restAddress,
    managementAddress: value('ZEEBE_MANAGEMENT_ADDRESS'),
    grpcAddress: value('ZEEBE_GRPC_ADDRESS'),
    recordsRedisUrl: value('ZEEBE_RECORDS_REDIS_URL'),
  };
  const clientId = value('ZEEBE_CLIENT_ID');
  if (clientId) {
    const tokenUrl = value('ZEEBE_TOKEN_URL') ?? value('ZEEBE_AUTHORIZATION_SERVER_URL');
    const clientSecret = value('ZEEBE_CLIENT_SECRET');
    if (!tokenUrl || !clientSecret) throw new Error('ZEEBE_CLIENT_ID needs ZEEBE_CLIENT_SECRET and ZEEBE_TOKEN_URL');
    options.oauth = { tokenUrl, clientId, clientSecret, audience: value('ZEEBE_TOKEN_AUDIENCE'), scope: value('ZEEBE_TOKEN_SCOPE') };
  }
  const caPath = value('ZEEBE_CA_CERTIFICATE_PATH');
  const certPath = value('ZEEBE_CLIENT_CERTIFICATE_PATH');
  const keyPath = value('ZEEBE_CLIENT_KEY_PATH');
  if (caPath || certPath || keyPath) options.tls = { caPath, certPath, keyPath };
  return options;
}

/** The client library's own configuration keys for these options (nothing else is read). */
export function clientConfig(options: ZeebeOptions): Record<string, string> {
  const config: Record<string, string> = {
    CAMUNDA_REST_ADDRESS: options.restAddress,
    CAMUNDA_AUTH_STRATEGY: options.oauth ? 'OAUTH' : 'NONE',
    // Zeebe 8.6 answers with numeric keys where the 8.8 schema has strings: don't validate shapes.
    CAMUNDA_SDK_VALIDATION: 'none',
    CAMUNDA_SDK_LOG_LEVEL: 'error',
  };
  if (options.oauth) {
    config.CAMUNDA_OAUTH_URL = options.oauth.tokenUrl;
    config.CAMUNDA_CLIENT_ID = options.oauth.clientId;
    config.CAMUNDA_CLIENT_SECRET = options.oauth.clientSecret;
    if (options.oauth.audience) config.CAMUNDA_TOKEN_AUDIENCE = options.oauth.audience;
    if (options.oauth.scope) config.CAMUNDA_OAUTH_SCOPE = options.oauth.scope;
  }
  // The library builds an https.Agent from these. Node's built-in fetch ignores agents, so a
  // private CA is only trusted process-wide through NODE_EXTRA_CA_CERTS=<same file>.
  if (options.tls?.caPath) config.CAMUNDA_MTLS_CA_PATH = options.tls.caPath;
  if (options.tls?.certPath) config.CAMUNDA_MTLS_CERT_PATH = options.tls.certPath;
  if (options.tls?.keyPath) config.CAMUNDA_MTLS_KEY_PATH = options.tls.keyPath;
  return config;
}
