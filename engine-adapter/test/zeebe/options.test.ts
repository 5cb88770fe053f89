/** Configuration and error mapping of the Zeebe backend; no broker needed. */
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/contract.js';
import { toEngineError } from '../../src/zeebe/errors.js';
import { clientConfig, zeebeOptionsFromEnv } from '../../src/zeebe/options.js';

describe('zeebeOptionsFromEnv', () => {
  it('reads addresses, OAuth and TLS settings', () => {
    const options = zeebeOptionsFromEnv({
      ZEEBE_REST_ADDRESS: 'https://zeebe.example:8080', ZEEBE_MANAGEMENT_ADDRESS: 'http://127.0.0.1:9600',
      ZEEBE_CLIENT_ID: 'konstruktor', ZEEBE_CLIENT_SECRET: 's3cret', ZEEBE_TOKEN_URL: 'https://idp.example/token',
      ZEEBE_TOKEN_AUDIENCE: 'zeebe-api', ZEEBE_CA_CERTIFICATE_PATH: '/etc/ssl/zeebe-ca.pem',
    });
    expect(options).toMatchObject({
      restAddress: 'https://zeebe.example:8080', managementAddress: 'http://127.0.0.1:9600',
      oauth: { clientId: 'konstruktor', clientSecret: 's3cret', tokenUrl: 'https://idp.example/token', audience: 'zeebe-api' },
      tls: { caPath: '/etc/ssl/zeebe-ca.pem' },
    });
    expect(clientConfig(options)).toMatchObject({ CAMUNDA_AUTH_STRATEGY: 'OAUTH', CAMUNDA_OAUTH_URL: 'https://idp.example/token', CAMUNDA_MTLS_CA_PATH: '/etc/ssl/zeebe-ca.pem' });
  });

  it('needs a REST address, and a secret and token URL with a client id', () => {
    expect(() => zeebeOptionsFromEnv({})).toThrow(/ZEEBE_REST_ADDRESS/);
    expect(() => zeebeOptionsFromEnv({ ZEEBE_REST_ADDRESS: 'http://x', ZEEBE_CLIENT_ID: 'a' })).toThrow(/ZEEBE_CLIENT_SECRET/);
    expect(clientConfig(zeebeOptionsFromEnv({ ZEEBE_REST_ADDRESS: 'http://x' })).CAMUNDA_AUTH_STRATEGY).toBe('NONE');
  });
});

describe('toEngineError', () => {
  it('keeps the broker message and maps the rejection type', () => {
    const error = toEngineError({ name: 'HttpSdkError', status: 409, title: 'ALREADY_EXISTS', detail: "Command 'PUBLISH' rejected" });
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'ALREADY_EXISTS', message: "Command 'PUBLISH' rejected" });
    expect(toEngineError({ status: 409, title: 'Conflict' }).code).toBe('INVALID_STATE');
    expect(toEngineError({ status: 503 }).code).toBe('UNAVAILABLE');
    expect(toEngineError(new TypeError('fetch failed'))).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('fetch failed') });
  });
});
