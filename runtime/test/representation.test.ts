import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';

const COMPANY = '304567890';

describe('acting for a legal entity', () => {
  let t: TestRuntime;
  let service: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishService(t, { audience: ['businesses'] });
  });
  afterAll(() => t?.close());

  const grant = async (username: string, extra: Record<string, string> = {}) => {
    const response = await (await t.as('administrator')).post('/api/representations', {
      username, entityCode: COMPANY, entityName: 'UAB Pavyzdys', capacity: 'manager', ...extra,
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  it("lets a representative see the company's applications only while he represents it", async () => {
    const jonas = await citizen(t);
    const ieva = await citizen(t, 'citizen2');
    const notYet = await jonas.post('/api/applications', { service, data: {}, onBehalfOf: COMPANY });
    expect(notYet.status).toBe(403);
    expect(notYet.body.detail).toContain(COMPANY);

    const jonasRight = await grant('citizen');
    await grant('citizen2');
    expect((await jonas.get('/api/me')).body.representations).toEqual([expect.objectContaining({ entityCode: COMPANY, entityName: 'UAB Pavyzdys' })]);

    const forCompany = await jonas.post('/api/applications', { service, data: {}, onBehalfOf: COMPANY });
    expect(forCompany.status).toBe(201);
    const own = await jonas.post('/api/applications', { service, data: {} });

    // Another representative of the same company sees the company's case, not Jonas's own.
    const ievaSees = (await ieva.get('/api/applications')).body.items.map((a: { id: string }) => a.id);
    expect(ievaSees).toContain(forCompany.body.id);
    expect(ievaSees).not.toContain(own.body.id);
    expect((await ieva.get(`/api/applications/${forCompany.body.id}`)).body.onBehalfOf).toBe(COMPANY);

    const revoke = await (await t.as('administrator')).delete(`/api/representations/${jonasRight}`);
    expect(revoke.status).toBe(204);
    const jonasSees = (await jonas.get('/api/applications')).body.items.map((a: { id: string }) => a.id);
    expect(jonasSees).not.toContain(forCompany.body.id);
    expect(jonasSees).toContain(own.body.id);
    expect((await jonas.get(`/api/applications/${forCompany.body.id}`)).status).toBe(404);
    expect((await jonas.post('/api/applications', { service, data: {}, onBehalfOf: COMPANY })).status).toBe(403);
    expect((await jonas.get('/api/me')).body.representations).toEqual([]);
    expect((await ieva.get(`/api/applications/${forCompany.body.id}`)).status).toBe(200);
  });

  it('stops a representation at the end of its validity', async () => {
    const other = '111222333';
    const admin = await t.as('administrator');
    const response = await admin.post('/api/representations', {
      username: 'citizen2', entityCode: other, entityName: 'SIA Piemērs', capacity: 'board member',
      validFrom: new Date(Date.now() - 86_400_000).toISOString(), validUntil: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(response.status).toBe(201);
    const ieva = await citizen(t, 'citizen2');
    const made = await ieva.post('/api/applications', { service, data: {}, onBehalfOf: other });
    expect(made.status).toBe(201);
    // An hour passes: the end of validity is now behind us.
    await t.runtime.database.dataSource.query(`UPDATE representation SET valid_until = now() - interval '1 second' WHERE id = $1`, [response.body.id]);
    expect((await ieva.get(`/api/applications/${made.body.id}`)).status).toBe(404);
    expect((await ieva.post('/api/applications', { service, data: {}, onBehalfOf: other })).status).toBe(403);
  });

  it('records grants and revocations in the audit trail', async () => {
    const audit = await (await t.as('administrator')).get('/api/audit?object=representation');
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('representation.granted');
    expect(actions).toContain('representation.revoked');
  });

  it('refuses representations for accounts that are not citizens, and inverted validity', async () => {
    const admin = await t.as('administrator');
    const before = await t.snapshot();
    const official = await admin.post('/api/representations', { username: 'official', entityCode: COMPANY, entityName: 'X', capacity: 'manager' });
    expect(official.status).toBe(422);
    expect(official.body.errors).toEqual([expect.objectContaining({ path: '/username' })]);
    const inverted = await admin.post('/api/representations', {
      username: 'citizen', entityCode: COMPANY, entityName: 'X', capacity: 'manager', validFrom: '2026-05-01T00:00:00Z', validUntil: '2026-04-01T00:00:00Z',
    });
    expect(inverted.status).toBe(422);
    expect(inverted.body.errors).toEqual([expect.objectContaining({ path: '/validUntil' })]);
    expect(await t.snapshot()).toEqual(before);
  });
});
