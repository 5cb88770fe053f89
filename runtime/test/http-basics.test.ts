import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, citizen, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';
import { loadConfig, openApiDocument } from '../src/index.js';

describe('HTTP basics', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ trustProxyHops: 1, loginThrottle: { account: { free: 3, maxDelaySeconds: 900 }, address: { free: 8, maxDelaySeconds: 2 }, windowSeconds: 600 } });
  });
  afterAll(() => t?.close());

  it('publishes an OpenAPI 3.1 document generated from the request schemas', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const submit = doc.paths['/api/applications'].post;
    expect(submit.requestBody.content['application/json'].schema).toMatchObject({ additionalProperties: false, required: ['service', 'data'] });
    expect(submit.responses['400'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(submit['x-roles']).toEqual(['citizen']);
    expect(doc.paths['/api/services/{code}'].get.parameters).toContainEqual(expect.objectContaining({ name: 'code', in: 'path', required: true }));
  });

  it('links operations a client follows, each to an operation of the document and its path parameters', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    const operations = new Map<string, { parameters?: { name: string; in: string }[] }>();
    for (const methods of Object.values(doc.paths) as Record<string, any>[]) for (const op of Object.values(methods)) operations.set(op.operationId, op);
    const links = [...operations.values()].flatMap((op: any) => Object.values(op.responses).flatMap((r: any) => Object.values(r.links ?? {}))) as { operationId: string; parameters: Record<string, string> }[];
    expect(links.length).toBeGreaterThanOrEqual(10);
    for (const link of links) {
      const target = operations.get(link.operationId);
      expect(target, link.operationId).toBeDefined();
      const pathParameters = (target!.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect(Object.keys(link.parameters).sort(), link.operationId).toEqual(pathParameters);
    }
    expect(doc.paths['/api/applications'].post.responses['201'].links.application).toEqual({ operationId: 'getApiApplicationsId', parameters: { id: '$response.body#/id' } });
  });

  it("builds the same document without a server or database (the web apps' API types come from it)", async () => {
    const served = (await t.anonymous().get('/api/openapi.json')).body;
    expect(JSON.parse(JSON.stringify(openApiDocument(loadConfig({}))))).toEqual(served);
  });

  it('reports liveness and readiness', async () => {
    expect((await t.anonymous().get('/health/live')).body).toEqual({ status: 'up' });
    expect((await t.anonymous().get('/health/ready')).body).toEqual({ status: 'up', components: { database: { status: 'up' }, [`engine (${t.runtime.engine.name})`]: { status: 'up' } } });
  });

  it('tags every response with a request id, echoing a well-formed one', async () => {
    const given = await t.anonymous().request('GET', '/health/live', undefined, { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const forged = await t.anonymous().request('GET', '/health/live', undefined, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.logs.join('')).toContain('"id":"trace-123"');
  });

  it('sends security headers: no framing by anyone on any response, HSTS only over HTTPS', async () => {
    for (const path of ['/api/services', '/api/nothing-here', '/', '/designer/']) {
      const response = await t.anonymous().request('GET', path, undefined, { headers: { accept: 'text/html' } });
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
      expect(response.headers.get('x-powered-by'), path).toBeNull();
    }
    // Behind a TLS-terminating proxy (TRUST_PROXY_HOPS=1 here) that says the request came over HTTPS.
    const secure = await t.anonymous().request('GET', '/api/services', undefined, { headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers.get('strict-transport-security')).toMatch(/^max-age=\d+; includeSubDomains$/);
  });

  it('never writes passwords, session tokens or CSRF tokens to the log', async () => {
    const service = await publishService(t);
    const jonas = await citizen(t);
    await jonas.post('/api/applications', { service, data: {} });
    await t.anonymous().post('/api/session', { username: 'citizen', password: 'wrong-password-xyz' });
    const logs = t.logs.join('');
    expect(logs.length).toBeGreaterThan(1000);
    expect(logs).not.toContain(TEST_PASSWORD);
    expect(logs).not.toContain('wrong-password-xyz');
    expect(logs).not.toContain(jonas.csrfToken!);
    const sessionToken = (await t.runtime.database.dataSource.query('SELECT count(*)::int AS n FROM session'))[0].n;
    expect(sessionToken).toBeGreaterThan(0);
    expect(logs).not.toMatch(/konstruktor_session=/);
  });

  const login = (username: string, password: string) => t.anonymous().post('/api/session', { username, password });
  const sleepSeconds = (n: number) => new Promise((resolve) => setTimeout(resolve, n * 1000));

  it('counts only real failed credentials: malformed or incomplete login requests cost nothing', async () => {
    for (let i = 0; i < 15; i++) {
      expect((await t.anonymous().request('POST', '/api/session', undefined, { raw: '{"username": "analyst",', headers: { 'content-type': 'application/json' } })).status).toBe(400);
      expect((await t.anonymous().post('/api/session', { username: 'analyst' })).status).toBe(400);
    }
    expect((await login('analyst', TEST_PASSWORD)).status).toBe(200);
  });

  it('slows password guessing on one account with a growing wait, without locking out others at the same address or the owner for good', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login('official', `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const waiting = await login('official', TEST_PASSWORD);
    expect(waiting.status).toBe(429);
    expect(waiting.body.type).toBe('urn:konstruktor:problem:too-many-requests');
    expect(waiting.headers.get('retry-after')).toBe(String(waiting.body.retryAfter));
    expect(waiting.body.retryAfter).toBe(1);
    // Another account at the same address is not slowed.
    expect((await login('citizen2', TEST_PASSWORD)).status).toBe(200);
    await sleepSeconds(waiting.body.retryAfter);
    expect((await login('official', TEST_PASSWORD)).status).toBe(200);
  });

  it('slows an address that fails on many accounts only briefly, with the wait it announces', async () => {
    let waiting;
    for (let i = 0; i < 20 && !waiting; i++) {
      const response = await login(`nobody-${i}`, 'guess');
      if (response.status === 429) waiting = response;
      else expect(response.status).toBe(401);
    }
    expect(waiting?.status).toBe(429);
    expect(Number(waiting!.headers.get('retry-after'))).toBe(waiting!.body.retryAfter);
    expect(waiting!.body.retryAfter).toBeLessThanOrEqual(2);
    // Everyone at that address waits, even with the right password — briefly.
    expect((await login('developer', TEST_PASSWORD)).status).toBe(429);
    await sleepSeconds(waiting!.body.retryAfter);
    expect((await login('developer', TEST_PASSWORD)).status).toBe(200);
  });

  it('reports not ready when the database is gone', async () => {
    await t.runtime.database.close();
    const ready = await t.anonymous().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.components.database.status).toBe('down');
  });
});
