import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/api-client.js';
import { citizen, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';

const TEN_MB = 10 * 1024 * 1024;

describe('hostile input', () => {
  let t: TestRuntime;
  let service: string;
  let jonas: ApiClient;
  let analyst: ApiClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishService(t);
    jonas = await citizen(t);
    analyst = await t.as('analyst');
  });
  afterAll(() => t?.close());

  /** Sends the request, checks a 4xx problem+json naming `field` (if given), and that no table changed. */
  async function refused(client: ApiClient, method: string, path: string, init: { body?: unknown; raw?: string | Buffer; headers?: Record<string, string> }, status: number, field?: string) {
    const before = await t.snapshot();
    const response = await client.request(method, path, init.body, { raw: init.raw, headers: init.headers });
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(status);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status, type: expect.stringMatching(/^urn:konstruktor:problem:/), title: expect.any(String) });
    if (field) expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(await t.snapshot()).toEqual(before);
    return response.body;
  }

  it('rejects malformed JSON', async () => {
    const body = await refused(jonas, 'POST', '/api/applications', { raw: '{"service": "x", ', headers: { 'content-type': 'application/json' } }, 400);
    expect(body.type).toBe('urn:konstruktor:problem:malformed-json');
  });

  it('rejects a body that is not JSON', async () => {
    await refused(jonas, 'POST', '/api/applications', { raw: 'service=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415);
  });

  it('names fields of the wrong type', async () => {
    await refused(jonas, 'POST', '/api/applications', { body: { service: 42, data: {} } }, 400, '/service');
    await refused(jonas, 'POST', '/api/applications', { body: { service, data: 'not an object' } }, 400, '/data');
    await refused(jonas, 'POST', '/api/applications', { body: [service] }, 400);
  });

  it('names unknown fields, including prototype keys', async () => {
    const body = await refused(jonas, 'POST', '/api/applications', { body: { service, data: {}, status: 'approved' } }, 400, '/status');
    expect(body.errors).toContainEqual({ in: 'body', path: '/status', message: 'is not a known field' });
    await refused(jonas, 'POST', '/api/applications', { raw: `{"service":"${service}","data":{},"__proto__":{"admin":true}}`, headers: { 'content-type': 'application/json' } }, 400, '/__proto__');
    await refused(analyst, 'GET', '/api/services?sort=desc', {}, 400, '/sort');
  });

  it('refuses 10 MB bodies on every writing endpoint', async () => {
    const huge = JSON.stringify({ service, data: { blob: 'x'.repeat(TEN_MB) } });
    await refused(jonas, 'POST', '/api/applications', { raw: huge, headers: { 'content-type': 'application/json' } }, 413);
    await refused(analyst, 'POST', '/api/service-packages', { raw: JSON.stringify({ files: { 'service.yaml': 'x'.repeat(TEN_MB) } }), headers: { 'content-type': 'application/json' } }, 413);
    await refused(t.anonymous(), 'POST', '/api/session', { raw: JSON.stringify({ username: 'x'.repeat(TEN_MB), password: 'x' }), headers: { 'content-type': 'application/json' } }, 413);
  });

  it('treats SQL fragments as data, never as SQL', async () => {
    await refused(jonas, 'POST', '/api/applications', { body: { service: "x' OR '1'='1", data: {} } }, 400, '/service');
    await refused(jonas, 'GET', `/api/applications/${encodeURIComponent("1' OR '1'='1")}`, {}, 400, '/id');
    await refused(jonas, 'POST', '/api/applications', { body: { service, data: {}, onBehalfOf: "1; DROP TABLE application; --" } }, 400, '/onBehalfOf');
    const search = await t.anonymous().get(`/api/services?q=${encodeURIComponent("'; DROP TABLE service; --")}`);
    expect(search.status).toBe(200);
    expect(search.body.total).toBe(0);
    const wildcard = await t.anonymous().get(`/api/services?q=${encodeURIComponent('%')}`);
    expect(wildcard.body.total).toBe(0);
    expect((await t.anonymous().get('/api/services')).body.total).toBe(1);
  });

  it('refuses script fragments where codes and identifiers belong', async () => {
    await refused(jonas, 'POST', '/api/applications', { body: { service: '<script>alert(1)</script>', data: {} } }, 400, '/service');
    await refused(t.anonymous(), 'GET', `/api/services?provider=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, {}, 400, '/provider');
    await refused(jonas, 'POST', '/api/me/terms/<b>1<%2Fb>/accept', {}, 400, '/version');
  });

  it('checks service packages: unsafe paths, invalid cards, broken references', async () => {
    const card = { code: 'hostile', version: '1.0.0', title: { en: 'X' }, provider: 'kaunas-city', audience: ['citizens'], price: 'free', interactivityLevel: 3, onlineOrder: true };
    const yaml = JSON.stringify(card);
    await refused(analyst, 'POST', '/api/service-packages', { body: { files: { 'service.yaml': yaml, '../../etc/passwd': 'x' } } }, 422, '/files/../../etc/passwd');
    await refused(analyst, 'POST', '/api/service-packages', { body: { files: { 'service.yaml': JSON.stringify({ ...card, interactivityLevel: 9 }) } } }, 422, '/files/service.yaml/interactivityLevel');
    await refused(analyst, 'POST', '/api/service-packages', { body: { files: { 'service.yaml': JSON.stringify({ ...card, startForm: 'forms/missing.form' }) } } }, 422, '/files/service.yaml/startForm');
    await refused(analyst, 'POST', '/api/service-packages', { body: { files: { 'service.yaml': 'code: [unclosed' } } }, 422, '/files/service.yaml');
    await refused(analyst, 'POST', '/api/service-packages', { body: { files: { 'service.yaml': yaml, 'forms/a.form': '{not json' } } }, 422, '/files/forms/a.form');
    await refused(analyst, 'POST', '/api/service-packages', { body: { zip: Buffer.from('not a zip').toString('base64') } }, 422, '/zip');
    // A YAML "billion laughs" expands aliases exponentially; the reader refuses it.
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
    await refused(analyst, 'POST', '/api/service-packages', { body: { files: { 'service.yaml': laughs } } }, 422, '/files/service.yaml');
  });

  it('refuses strings the database cannot hold — a NUL, a lone surrogate — naming the field, on every route', async () => {
    const nul = await refused(t.anonymous(), 'POST', '/api/session', { body: { username: 'official\u0000', password: 'x' } }, 400, '/username');
    expect(nul.errors[0].message).toContain('NUL');
    await refused(t.anonymous(), 'GET', '/api/services?q=%00', {}, 400, '/q');
    await refused(jonas, 'POST', '/api/applications', { body: { service, data: { name: 'Ona\u0000' } } }, 400, '/data/name');
    await refused(jonas, 'PUT', `/api/applications/drafts/${service}`, { body: { data: { ['key\u0000']: 'x' } } }, 400, '/data/key\u0000');
    await refused(analyst, 'GET', '/api/services/%00', {}, 400, '/code');
    // A lone surrogate cannot be written as UTF-8; JSON can carry it escaped.
    const lone = await refused(jonas, 'POST', '/api/applications', { raw: `{"service":"${service}","data":{"name":"\\ud800"}}`, headers: { 'content-type': 'application/json' } }, 400, '/data/name');
    expect(lone.errors[0].message).toContain('surrogate');
  });

  it('refuses JSON nested too deeply or with too many keys before any library recurses through it', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const tooDeep = await refused(jonas, 'POST', '/api/applications', { raw: `{"service":"${service}","data":${deep}}`, headers: { 'content-type': 'application/json' } }, 400);
    expect(tooDeep.type).toBe('urn:konstruktor:problem:json-too-deep');
    await refused(analyst, 'POST', '/api/designer/test-runs/00000000-0000-4000-8000-000000000000/steps', { raw: `{"step":${deep}}`, headers: { 'content-type': 'application/json' } }, 400);
    const wide = JSON.stringify({ service, data: Object.fromEntries(Array.from({ length: 12_000 }, (_, i) => [`k${i}`, 1])) });
    const tooMany = await refused(jonas, 'POST', '/api/applications', { raw: wide, headers: { 'content-type': 'application/json' } }, 400);
    expect(tooMany.type).toBe('urn:konstruktor:problem:json-too-many-keys');
    // Brackets and colons inside strings are text, not structure: this is only a wrong password.
    expect((await t.anonymous().post('/api/session', { username: '{["\\'.repeat(25), password: ':'.repeat(200) })).status).toBe(401);
  });

  it('checks every value of a map, whatever its key: a line break in a file name carries no unchecked content past the schema', async () => {
    await refused(analyst, 'POST', '/api/service-packages', { body: { files: { 'notes\n': [{ '': true }] } } }, 400, '/files/notes\n');
    await refused(analyst, 'POST', '/api/service-packages', { body: { files: { ['x'.repeat(201)]: 'text' } } }, 400);
    await refused(jonas, 'POST', '/api/applications', { body: { service, data: { ['k'.repeat(201)]: 1 } } }, 400);
  });

  it('answers unknown endpoints and methods with problem+json', async () => {
    await refused(jonas, 'GET', '/api/nothing-here', {}, 404);
    const patch = await refused(jonas, 'PATCH', '/api/applications', { body: {} }, 405);
    expect(patch.type).toBe('urn:konstruktor:problem:method-not-allowed');
    const wrong = await jonas.request('DELETE', '/api/services/some-code');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    // Both /api/applications/drafts/{service} and /api/applications/{id}… patterns: every method either takes.
    const options = await jonas.request('OPTIONS', '/api/applications/drafts/x');
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PUT']);
  });
});
