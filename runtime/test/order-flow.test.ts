import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';

describe('ordering a service and deciding it', () => {
  let t: TestRuntime;
  let service: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishService(t);
  });
  afterAll(() => t?.close());

  it('takes an application from the citizen to the official and back to "My orders"', async () => {
    const jonas = await citizen(t);
    const submitted = await jonas.post('/api/applications', { service, data: { place: 'Laisvės al. 1' } });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'submitted' });
    expect(submitted.headers.get('location')).toBe(`/api/applications/${submitted.body.id}`);

    const official = await t.as('official');
    const inbox = await official.get('/api/tasks');
    const task = inbox.body.items.find((item: { applicationId: string }) => item.applicationId === submitted.body.id);
    expect(task).toMatchObject({ kind: 'review', state: 'open', assignee: null });

    expect((await official.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
    expect((await jonas.get(`/api/applications/${submitted.body.id}`)).body.status).toBe('in-review');

    const rejectWithoutReason = await official.post(`/api/tasks/${task.id}/complete`, { variables: { decision: 'reject' } });
    expect(rejectWithoutReason.status).toBe(422);
    expect(rejectWithoutReason.body.errors).toContainEqual(expect.objectContaining({ path: '/variables/reason' }));

    const done = await official.post(`/api/tasks/${task.id}/complete`, { variables: { decision: 'reject', reason: 'The place is reserved for a market' } });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('completed');

    const mine = await jonas.get(`/api/applications/${submitted.body.id}`);
    expect(mine.body).toMatchObject({ status: 'rejected', service, data: { place: 'Laisvės al. 1' } });
    expect(mine.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'task-created', 'task-claimed', 'task-completed']);
    expect(mine.body.timeline[0]).toMatchObject({ status: 'submitted', details: { serviceVersion: '1.0.0' } });
    expect(mine.body.timeline.at(-1).details).toMatchObject({ decision: 'reject', reason: 'The place is reserved for a market' });

    const list = await jonas.get('/api/applications');
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(submitted.body.id);
    // "My orders" shows what the application's own page does, without its data.
    const listed = list.body.items.find((a: { id: string }) => a.id === submitted.body.id);
    expect(listed).toEqual({
      id: submitted.body.id, number: mine.body.number, caseCode: mine.body.caseCode, service, serviceTitle: { lt: 'Bandomoji paslauga', en: 'Test service' }, status: 'rejected', onBehalfOf: null,
      submittedBy: null, onBehalfOfPerson: null, authorisationId: null,
      submittedAt: mine.body.submittedAt, updatedAt: mine.body.updatedAt,
    });
    expect((await official.get('/api/tasks')).body.items.map((i: { id: string }) => i.id)).not.toContain(task.id);
  });

  it('refuses an order until the current terms of use are accepted', async () => {
    const ieva = await t.as('citizen2');
    const refused = await ieva.post('/api/applications', { service, data: {} });
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('urn:konstruktor:problem:terms-not-accepted');
    expect((await ieva.get('/api/me')).body.terms).toEqual({ currentVersion: 1, accepted: false });
    expect((await ieva.get('/api/services')).status).toBe(200);

    expect((await ieva.post('/api/me/terms/1/accept')).status).toBe(204);
    expect((await ieva.get('/api/me')).body.terms).toEqual({ currentVersion: 1, accepted: true });
    expect((await ieva.post('/api/applications', { service, data: {} })).status).toBe(201);
  });

  it('keeps applications on the version they were made against when a new one is published', async () => {
    const jonas = await citizen(t);
    const first = await jonas.post('/api/applications', { service, data: {} });
    const analyst = await t.as('analyst');
    const card = (await analyst.get(`/api/services/${service}/versions/1.0.0`)).body.card;
    const files = { 'service.yaml': JSON.stringify({ ...card, version: '1.1.0', title: { en: 'Test service, revised' } }), 'data/application.schema.json': '{}' };
    expect((await analyst.post('/api/service-packages', { files })).status).toBe(201);
    expect((await analyst.post(`/api/services/${service}/versions/1.1.0/publish`)).status).toBe(200);

    const detail = await analyst.get(`/api/services/${service}`);
    expect(detail.body.title).toEqual({ en: 'Test service, revised' });
    expect(Object.fromEntries(detail.body.versions.map((v: { version: string; state: string }) => [v.version, v.state]))).toEqual({ '1.0.0': 'retired', '1.1.0': 'published' });
    const versionOf = async (id: string) => (await t.runtime.database.dataSource.query(
      'SELECT v.version FROM application a JOIN service_version v ON v.id = a.service_version_id WHERE a.id = $1', [id]))[0].version;
    expect(await versionOf(first.body.id)).toBe('1.0.0');
    const second = await jonas.post('/api/applications', { service, data: {} });
    expect(await versionOf(second.body.id)).toBe('1.1.0');
    expect((await analyst.post(`/api/services/${service}/versions/1.0.0/publish`)).status).toBe(409);
  });
});
