import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/api-client.js';
import { citizen, startTestRuntime, type TestRuntime } from './support/harness.js';
import { PNG, publishFormService, VALID_ANSWERS } from './forms-fixture.js';

describe('drafts of start forms', () => {
  let t: TestRuntime;
  let service: string;
  let jonas: ApiClient;
  let ieva: ApiClient;
  const draftPath = () => `/api/applications/drafts/${service}`;
  const db = () => t.runtime.database.dataSource;
  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishFormService(t, { retention: { drafts: 'PT12H' } });
    jonas = await citizen(t);
    ieva = await citizen(t, 'citizen2');
  });
  afterAll(() => t?.close());

  it('saves partial data, resumes them on the same page, and keeps them for the service retention', async () => {
    expect((await jonas.get(draftPath())).status).toBe(404);
    const partial = { applicant: { givenName: 'Jonas' }, hasHelpers: true, helpers: [{}] };
    const saved = await jonas.put(draftPath(), { data: partial, page: 1 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ service, version: '1.0.0', data: partial, page: 1 });
    const hours = (Date.parse(saved.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);

    const resumed = await jonas.get(draftPath());
    expect(resumed.body).toMatchObject({ data: partial, page: 1 });
    // Saving again replaces the draft.
    expect((await jonas.put(draftPath(), { data: { place: 'Laisvės al. 1' } })).body).toMatchObject({ data: { place: 'Laisvės al. 1' }, page: null });
    expect((await db().query('SELECT count(*)::int AS n FROM draft')) [0].n).toBe(1);
  });

  it("keeps each citizen's draft to himself", async () => {
    await jonas.put(draftPath(), { data: { place: 'Jonas place' } });
    expect((await ieva.get(draftPath())).status).toBe(404);
    expect((await ieva.delete(draftPath())).status).toBe(404);
    await ieva.put(draftPath(), { data: { place: 'Ieva place' } });
    expect((await jonas.get(draftPath())).body.data).toEqual({ place: 'Jonas place' });
    expect((await ieva.get(draftPath())).body.data).toEqual({ place: 'Ieva place' });
    const official = await t.as('official');
    expect((await official.get(draftPath())).status).toBe(403);
  });

  it('refuses wrong types, unknown fields, oversized values and foreign files, saving nothing', async () => {
    await jonas.put(draftPath(), { data: { place: 'before' } });
    const before = await t.snapshot();
    const refused = async (data: unknown, path: string) => {
      const response = await jonas.request('PUT', draftPath(), { data }, { headers: { 'accept-language': 'lt' } });
      expect(response.status, JSON.stringify(response.body)).toBe(422);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      return response.body.errors as { path: string; message: string }[];
    };
    await refused({ place: 42 }, '/data/place');
    const unknown = await refused({ admin: true }, '/data/admin');
    expect(unknown[0]!.message).toBe('nėra šios formos laukas');
    await refused({ applicant: { role: 'official' } }, '/data/applicant/role');
    await refused({ place: 'x'.repeat(201) }, '/data/place');
    await refused({ helpers: Array.from({ length: 6 }, () => ({ name: 'x' })) }, '/data/helpers');

    const upload = await ieva.request('POST', '/api/documents?filename=plan.png', undefined, { raw: PNG, headers: { 'content-type': 'image/png' } });
    expect(upload.status).toBe(201);
    const afterUpload = await t.snapshot();
    await refused({ plan: upload.body.id }, '/data/plan');
    expect(await t.snapshot()).toEqual(afterUpload);
    expect(before.draft).toBe(afterUpload.draft);
    expect((await jonas.get(draftPath())).body.data).toEqual({ place: 'before' });
  });

  it('is not returned once expired, and the purge removes it and the uploads only it kept', async () => {
    const upload = await jonas.request('POST', '/api/documents?filename=plan.png', undefined, { raw: PNG, headers: { 'content-type': 'image/png' } });
    expect((await jonas.put(draftPath(), { data: { plan: upload.body.id } })).status).toBe(200);
    // The upload is past its own purge time, but the live draft keeps it.
    await db().query(`UPDATE document SET purge_after = now() - interval '1 second' WHERE id = $1`, [upload.body.id]);
    await t.runtime.services.documents.purgeUnattached();
    expect((await jonas.get(`/api/documents/${upload.body.id}`)).status).toBe(200);

    await db().query(`UPDATE draft SET expires_at = now() - interval '1 second' WHERE data ? 'plan'`);
    expect((await jonas.get(draftPath())).status).toBe(404);
    expect(await t.runtime.services.drafts.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await t.runtime.services.documents.purgeUnattached()).toBeGreaterThanOrEqual(1);
    expect((await jonas.get(`/api/documents/${upload.body.id}`)).status).toBe(404);
  });

  it('ends with the submitted application, whose uploads it then holds', async () => {
    const upload = await jonas.request('POST', `/api/documents?filename=plan.png&service=${service}&field=plan`, undefined, { raw: PNG, headers: { 'content-type': 'image/png' } });
    await jonas.put(draftPath(), { data: { ...VALID_ANSWERS, plan: upload.body.id }, page: 1 });
    const submitted = await jonas.post('/api/applications', { service, data: (await jonas.get(draftPath())).body.data });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect((await jonas.get(draftPath())).status).toBe(404);
    const [row] = await db().query('SELECT application_id, purge_after FROM document WHERE id = $1', [upload.body.id]);
    expect(row).toEqual({ application_id: submitted.body.id, purge_after: null });
    // An attached file cannot be submitted a second time, nor put in a draft.
    const again = await jonas.post('/api/applications', { service, data: { ...VALID_ANSWERS, plan: upload.body.id } });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].path).toBe('/data/plan');
  });

  it('deletes a draft on request', async () => {
    await jonas.put(draftPath(), { data: { place: 'x' } });
    expect((await jonas.delete(draftPath())).status).toBe(204);
    expect((await jonas.get(draftPath())).status).toBe(404);
    expect((await jonas.delete(draftPath())).status).toBe(404);
  });
});
