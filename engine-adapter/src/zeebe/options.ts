/**
 * How to reach a Zeebe (Camunda 8 orchestration cluster), read from the environment.
 *
 * Everything goes through the v2 REST API: commands, and history through the v2 search API
 * (Camunda 8.8+ with a secondary storage, or Konstruktor's engine service); the clock through the
 * management port's actuator (Konstruktor's engine service serves it on its own port in the test
 * profile).
 */
export interface ZeebeOptions {
  /** Base URL of the REST gateway, e.g. http://127.0.0.1:8080 (the client adds /v2). */
  restAddress: string;
  /** Base URL of the management port (actuator), e.g. http://127.0.0.1:9600; needed by advanceTime. */
  managementAddress?: string;
  /** HTTP basic credentials (Camunda self-managed with basic authentication, or our engine service). */
  basic?: { username: string; password: string };
  /** OAuth client credentials (token URL, client id and secret, optional audience and scope). */
  oauth?: { tokenUrl: string; clientId: string; clientSecret: string; audience?: string; scope?: string };
  /** Check the shapes of requests and answers against the API specification (the client's `CAMUNDA_SDK_VALIDATION`); none by default. */
  validation?: 'none' | 'warn' | 'strict';
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
  };
  const username = value('ZEEBE_BASIC_AUTH_USERNAME');
  const password = value('ZEEBE_BASIC_AUTH_PASSWORD');
  if (Boolean(username) !== Boolean(password)) throw new Error('ZEEBE_BASIC_AUTH_USERNAME and ZEEBE_BASIC_AUTH_PASSWORD go together');
  if (username && password) options.basic = { username, password };
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
    CAMUNDA_AUTH_STRATEGY: options.oauth ? 'OAUTH' : options.basic ? 'BASIC' : 'NONE',
    // Zeebe 8.6 answers with numeric keys where the 8.8 schema has strings: don't validate shapes.
    CAMUNDA_SDK_VALIDATION: options.validation ?? 'none',
    CAMUNDA_SDK_LOG_LEVEL: 'error',
  };
  if (options.basic) {
    config.CAMUNDA_BASIC_AUTH_USERNAME = options.basic.username;
    config.CAMUNDA_BASIC_AUTH_PASSWORD = options.basic.password;
  }
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
