import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, citizen, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';
import { loadConfig, openApiDocument } from '../src/index.js';

describe('HTTP basics', () => {
  let t: TestRuntime;
  beforeAll(async () => { t = await startTestRuntime({ loginRateLimit: { max: 3, windowSeconds: 600 } }); });
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

  it('sends security headers', async () => {
    const response = await t.anonymous().get('/api/services');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
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

  it('slows down password guessing: after 3 failures the next attempts get 429', async () => {
    const guess = () => t.anonymous().post('/api/session', { username: 'official', password: 'guess' });
    // One failed login above already counted against this address.
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await guess()).status);
    expect(statuses).toEqual([401, 401, 429]);
    const blocked = await t.anonymous().post('/api/session', { username: 'official', password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.type).toBe('urn:konstruktor:problem:too-many-requests');
  });

  it('reports not ready when the database is gone', async () => {
    await t.runtime.database.close();
    const ready = await t.anonymous().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.components.database.status).toBe('down');
  });
});
