import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/api-client.js';
import { citizen, startTestRuntime, type TestRuntime } from './support/harness.js';
import { publishFormService, VALID_ANSWERS } from './forms-fixture.js';

describe('submitting a form-based service', () => {
  let t: TestRuntime;
  let service: string;
  let jonas: ApiClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishFormService(t);
    jonas = await citizen(t);
  });
  afterAll(() => t?.close());

  /** Submits, expects a 422 problem naming `paths`, and that no table changed. */
  async function refused(data: unknown, paths: string[], language = 'en') {
    const before = await t.snapshot();
    const response = await jonas.request('POST', '/api/applications', { service, data }, { headers: { 'accept-language': language } });
    expect(response.status, JSON.stringify(response.body).slice(0, 400)).toBe(422);
    expect(response.contentType).toContain('application/problem+json');
    const named = response.body.errors.map((e: { path: string }) => e.path);
    for (const path of paths) expect(named).toContain(path);
    expect(await t.snapshot()).toEqual(before);
    return response.body.errors as { path: string; message: string }[];
  }

  it('answers 422 naming every invalid field, in the language asked for, and stores nothing', async () => {
    const data = { applicant: { givenName: 'Jonas', personalCode: '38501010019' }, hasHelpers: true, helpers: [{}] };
    const english = await refused(data, ['/data/place', '/data/applicant/personalCode', '/data/helpers/0/name']);
    expect(english.find((e) => e.path === '/data/place')!.message).toBe('This field is required.');
    const lithuanian = await refused(data, ['/data/place'], 'lt-LT,lt;q=0.9,en;q=0.5');
    expect(lithuanian.find((e) => e.path === '/data/place')!.message).toBe('Šis laukas privalomas.');
    const latvian = await refused(data, ['/data/place'], 'lv');
    expect(latvian.find((e) => e.path === '/data/place')!.message).not.toBe(english.find((e) => e.path === '/data/place')!.message);
  });

  it('drops the values of hidden fields and does not require them', async () => {
    // helpers is required by the structure, but hidden while hasHelpers is not true.
    const submitted = await jonas.post('/api/applications', { service, data: { ...VALID_ANSWERS, hasHelpers: false, helpers: [{ name: 'Petras' }] } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const stored = (await jonas.get(`/api/applications/${submitted.body.id}`)).body.data;
    expect(stored).toEqual({ ...VALID_ANSWERS, hasHelpers: false });

    await refused({ ...VALID_ANSWERS, hasHelpers: true }, ['/data/helpers']);
    const shown = await jonas.post('/api/applications', { service, data: { ...VALID_ANSWERS, hasHelpers: true, helpers: [{ name: 'Petras' }] } });
    expect(shown.status).toBe(201);
    expect((await jonas.get(`/api/applications/${shown.body.id}`)).body.data.helpers).toEqual([{ name: 'Petras' }]);
  });

  it('refuses hostile data: unknown fields, wrong types, script tags in the wrong place, prototype keys, deep nesting', async () => {
    await refused({ ...VALID_ANSWERS, status: 'approved' }, ['/data/status']);
    await refused({ ...VALID_ANSWERS, place: 42, hasHelpers: 'yes' }, ['/data/place', '/data/hasHelpers']);
    await refused({ ...VALID_ANSWERS, applicant: { ...VALID_ANSWERS.applicant, personalCode: '<script>alert(1)</script>' } }, ['/data/applicant/personalCode']);
    await refused({ ...VALID_ANSWERS, place: 'x'.repeat(201) }, ['/data/place']);
    await refused({ ...VALID_ANSWERS, plan: 'not-a-document-id' }, ['/data/plan']);

    const proto = await jonas.request('POST', '/api/applications', undefined, {
      raw: `{"service":"${service}","data":{"place":"x","applicant":{"__proto__":{"admin":true}}}}`, headers: { 'content-type': 'application/json' },
    });
    expect([400, 422]).toContain(proto.status);

    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const before = await t.snapshot();
    const nested = await jonas.request('POST', '/api/applications', undefined, {
      raw: `{"service":"${service}","data":{"place":${deep}}}`, headers: { 'content-type': 'application/json' },
    });
    // Refused at the edge, before the form's own depth limit is reached.
    expect(nested.status).toBe(400);
    expect(nested.body.type).toBe('urn:konstruktor:problem:json-too-deep');
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses a 5 MB string with 413 before reading it, and stores nothing', async () => {
    const before = await t.snapshot();
    const response = await jonas.post('/api/applications', { service, data: { ...VALID_ANSWERS, place: 'x'.repeat(5 * 1024 * 1024) } });
    expect(response.status).toBe(413);
    expect(response.contentType).toContain('application/problem+json');
    expect(await t.snapshot()).toEqual(before);
  });

  it('keeps script tags in free text as text: stored as given, never interpreted', async () => {
    const place = '<script>alert(1)</script> Rotušės a.';
    const submitted = await jonas.post('/api/applications', { service, data: { ...VALID_ANSWERS, place } });
    expect(submitted.status).toBe(201);
    const read = await jonas.get(`/api/applications/${submitted.body.id}`);
    expect(read.contentType).toContain('application/json');
    expect(read.body.data.place).toBe(place);
  });
});
