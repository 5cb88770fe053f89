import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, type EngineAdapter } from '@konstruktor/engine-adapter';
import { httpConnector, memoryPlatformServices, runConnectors, serviceTaskBpmn, waitFor, type ConnectorLogger, type ConnectorWorkerHandle } from '../src/index.js';
import { testPki, type Pem } from './http-certs.js';

interface Seen { method: string; url: string; headers: http.IncomingHttpHeaders; body: string; clientCert?: string }
type Reply = (req: Seen, res: http.ServerResponse) => void;

let seen: Seen[];
let reply: Reply;
let pki: { ca: Pem; server: Pem; client: Pem };
const servers: http.Server[] = [];

function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  let body = '';
  req.on('data', (chunk: Buffer) => { body += chunk.toString(); });
  req.on('end', () => {
    const socket = req.socket as TLSSocket;
    const peer = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : undefined;
    const entry: Seen = { method: req.method!, url: req.url!, headers: req.headers, body, clientCert: peer?.subject?.CN?.toString() };
    seen.push(entry);
    reply(entry, res);
  });
}

async function listen(server: http.Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `${server instanceof https.Server ? 'https' : 'http'}://127.0.0.1:${port}`;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

let engine: EngineAdapter;
let worker: ConnectorWorkerHandle;
let logs: string[];
let base: string;
let tlsBase: string;
const secrets = { API_PASSWORD: 'pa55-w0rd-for-register', API_TOKEN: 'tok-93b1e0c2aa', CLIENT_SECRET: 'cs-1f6e88d0b2', CLIENT_KEY: '', CA_CERT: '', CLIENT_CERT: '' };

beforeAll(async () => {
  pki = await testPki();
  Object.assign(secrets, { CLIENT_KEY: pki.client.key, CLIENT_CERT: pki.client.cert, CA_CERT: pki.ca.cert });
  base = await listen(http.createServer(handle));
  tlsBase = await listen(https.createServer({ cert: pki.server.cert, key: pki.server.key, ca: pki.ca.cert, requestCert: true, rejectUnauthorized: true }, handle));
});
afterAll(async () => {
  for (const server of servers) { server.closeAllConnections(); await new Promise((resolve) => server.close(resolve)); }
});

beforeEach(async () => {
  seen = [];
  logs = [];
  reply = (_req, res) => json(res, 200, { ok: true });
  engine = await createEmbeddedEngine();
  const logger = Object.fromEntries(['debug', 'info', 'warn', 'error'].map((level) => [level, (message: string, details?: unknown) => logs.push(JSON.stringify({ level, message, details }))])) as unknown as ConnectorLogger;
  worker = runConnectors({ engine, connectors: [httpConnector], services: memoryPlatformServices(engine), secrets, logger, pollIntervalMs: { min: 10, max: 50 }, retryBackOffMs: { initial: 50, max: 200 } });
});
afterEach(async () => {
  await worker.close();
  await engine.close();
});

async function run(inputs: Record<string, string>, options: { headers?: Record<string, string>; catchErrorCode?: string; retries?: number; variables?: Record<string, unknown> } = {}) {
  const processId = `http${Math.random().toString(36).slice(2, 8)}`;
  await engine.deploy([{ name: `${processId}.bpmn`, content: serviceTaskBpmn({ processId, type: httpConnector.id, inputs, headers: options.headers ?? { resultVariable: 'response' }, catchErrorCode: options.catchErrorCode, retries: options.retries }) }]);
  const { instanceKey } = await engine.createInstance({ processId, variables: { baseUrl: base, tlsBase, ...options.variables } });
  return instanceKey;
}
const finished = (instanceKey: string) => waitFor(async () => {
  const incident = (await engine.incidents({ instanceKey, state: 'ACTIVE' }))[0];
  if (incident) throw new Error(`incident: ${incident.errorMessage}`);
  return (await engine.instance(instanceKey))?.state === 'COMPLETED';
}, 10_000, 'instance completed');
const incidentOf = (instanceKey: string) => waitFor(async () => (await engine.incidents({ instanceKey, state: 'ACTIVE' }))[0], 10_000, 'an incident');
const variable = async (instanceKey: string, name: string) => (await engine.variables(instanceKey)).find((v) => v.name === name && v.scopeKey === instanceKey)?.value;

describe('HTTP/REST connector', () => {
  it('sends the method, URL, query, headers and JSON body the engine evaluated, and returns status, headers and body', async () => {
    reply = (req, res) => json(res, 201, { id: 'A-1', received: JSON.parse(req.body) });
    const instanceKey = await run({
      method: 'POST', url: '=baseUrl + "/applications/" + string(applicationNo)', body: '={ name: applicant.name, children: 2 }',
      headers: '={ "X-Request-Purpose": "birth registration" }', queryParameters: '={ lang: "lt" }',
    }, { variables: { applicationNo: 42, applicant: { name: 'Jonas Jonaitis' } } });
    await finished(instanceKey);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/applications/42?lang=lt', body: '{"name":"Jonas Jonaitis","children":2}' });
    expect(seen[0]!.headers).toMatchObject({ 'content-type': 'application/json', 'x-request-purpose': 'birth registration' });
    expect(await variable(instanceKey, 'response')).toMatchObject({ status: 201, body: { id: 'A-1', received: { name: 'Jonas Jonaitis', children: 2 } }, headers: { 'content-type': 'application/json' } });
  });

  it('maps the result with a result expression', async () => {
    reply = (_req, res) => json(res, 200, { person: { firstName: 'Ona', lastName: 'Onaitė' } });
    const instanceKey = await run({ method: 'GET', url: '=baseUrl + "/person"' }, { headers: { resultExpression: '={ fullName: body.person.firstName + " " + body.person.lastName }' } });
    await finished(instanceKey);
    expect(await variable(instanceKey, 'fullName')).toBe('Ona Onaitė');
  });

  it('authenticates with basic and bearer credentials taken from secrets, which never reach the logs', async () => {
    const basic = await run({ method: 'GET', url: '=baseUrl + "/b"', 'authentication.type': 'basic', 'authentication.username': 'agency', 'authentication.password': '{{secrets.API_PASSWORD}}' });
    await finished(basic);
    const bearer = await run({ method: 'GET', url: '=baseUrl + "/t"', 'authentication.type': 'bearer', 'authentication.token': '{{secrets.API_TOKEN}}' });
    await finished(bearer);
    expect(seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`agency:${secrets.API_PASSWORD}`).toString('base64')}`);
    expect(seen[1]!.headers.authorization).toBe(`Bearer ${secrets.API_TOKEN}`);
    const captured = logs.join('\n');
    expect(captured).toContain('HTTP response');
    for (const secret of [secrets.API_PASSWORD, secrets.API_TOKEN, Buffer.from(`agency:${secrets.API_PASSWORD}`).toString('base64')]) expect(captured).not.toContain(secret);
  });

  it('gets an OAuth2 client-credentials token once, reuses it, and renews it after a 401', async () => {
    let issued = 0;
    reply = (req, res) => {
      if (req.url === '/oauth/token') {
        issued++;
        expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`konstruktor:${secrets.CLIENT_SECRET}`).toString('base64')}`);
        expect(new URLSearchParams(req.body).get('grant_type')).toBe('client_credentials');
        return json(res, 200, { access_token: `token-${issued}`, token_type: 'Bearer', expires_in: 3600 });
      }
      if (req.headers.authorization === 'Bearer token-1' && req.url === '/revoked') return json(res, 401, { error: 'revoked' });
      json(res, 200, { auth: req.headers.authorization });
    };
    const inputs = (path: string) => ({
      method: 'GET', url: `=baseUrl + "${path}"`, 'authentication.type': 'oauth2-client-credentials', 'authentication.oauthTokenEndpoint': '=baseUrl + "/oauth/token"',
      'authentication.clientId': 'konstruktor', 'authentication.clientSecret': '{{secrets.CLIENT_SECRET}}', 'authentication.scopes': 'registers',
    });
    await finished(await run(inputs('/one')));
    await finished(await run(inputs('/two')));
    expect(issued).toBe(1);
    expect(seen.filter((s) => s.url !== '/oauth/token').map((s) => s.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1']);
    const third = await run(inputs('/revoked'));
    await finished(third);
    expect(issued).toBe(2);
    expect(await variable(third, 'response')).toMatchObject({ status: 200, body: { auth: 'Bearer token-2' } });
    expect(logs.join('\n')).not.toContain(secrets.CLIENT_SECRET);
  });

  it('presents a client certificate to a mutual-TLS server with a private CA', async () => {
    reply = (req, res) => json(res, 200, { clientCert: req.clientCert });
    const instanceKey = await run({
      method: 'GET', url: '=tlsBase + "/mtls"', 'authentication.type': 'client-certificate',
      'authentication.clientCertificate': '{{secrets.CLIENT_CERT}}', 'authentication.clientKey': '{{secrets.CLIENT_KEY}}', caCertificate: '{{secrets.CA_CERT}}',
    });
    await finished(instanceKey);
    expect(await variable(instanceKey, 'response')).toMatchObject({ status: 200, body: { clientCert: 'agency-client' } });
    expect(logs.join('\n')).not.toContain(pki.client.key.split('\n')[1]);
  });

  it('fails (and ends in an incident) without a client certificate: the mTLS server refuses the handshake', async () => {
    const instanceKey = await run({ method: 'GET', url: '=tlsBase + "/mtls"', caCertificate: '{{secrets.CA_CERT}}' }, { retries: 1 });
    const incident = await incidentOf(instanceKey);
    expect(incident.errorMessage).toMatch(/^GET https:\/\/127\.0\.0\.1:\d+\/mtls: /);
    expect(seen).toHaveLength(0);
  });

  it('maps a response status to a BPMN error code (404 -> NOT_FOUND) that a boundary event catches', async () => {
    reply = (_req, res) => json(res, 404, { error: 'no such person' });
    const instanceKey = await run({ method: 'GET', url: '=baseUrl + "/persons/1"', statusErrors: '={ "404": "NOT_FOUND", "5xx": "REGISTER_DOWN" }' }, { catchErrorCode: 'NOT_FOUND' });
    await finished(instanceKey);
    expect((await engine.elementInstances(instanceKey)).some((e) => e.elementId === 'errorEnd')).toBe(true);
  });

  it('retries an unmapped error status and raises an incident naming it when retries run out; continues once the server is back', async () => {
    let down = true;
    reply = (_req, res) => (down ? json(res, 503, { error: 'maintenance' }) : json(res, 200, { ok: true }));
    const instanceKey = await run({ method: 'GET', url: '=baseUrl + "/flaky"' }, { retries: 2 });
    const incident = await incidentOf(instanceKey);
    expect(incident.errorMessage).toBe(`HTTP 503 Service Unavailable from GET ${base}/flaky`);
    expect(seen).toHaveLength(2);
    down = false;
    await engine.updateJobRetries(incident.jobKey!, 1);
    await engine.resolveIncident(incident.key);
    worker.wake();
    await finished(instanceKey);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    reply = () => { /* never answers */ };
    const started = Date.now();
    const instanceKey = await run({ method: 'GET', url: '=baseUrl + "/slow"', timeoutMs: '=200' }, { retries: 1 });
    const incident = await incidentOf(instanceKey);
    expect(incident.errorMessage).toBe(`GET ${base}/slow: no response within 200 ms`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('refuses incomplete authentication with a message naming the missing field', async () => {
    const instanceKey = await run({ method: 'GET', url: '=baseUrl + "/x"', 'authentication.type': 'basic', 'authentication.username': 'agency' });
    expect((await incidentOf(instanceKey)).errorMessage).toContain('input.authentication.password: is required');
    expect(seen).toHaveLength(0);
  });
});
