import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/common/schemas.js';
import type { ApiClient } from './support/api-client.js';
import { citizen, createUser, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';

interface Operation { method: string; path: string; roles: 'public' | 'any' | Role[]; stream: boolean }

// The demo supervisor is an official too: the role alone is checked with a user who has nothing else.
const USER_OF_ROLE: Record<Role, string> = { analyst: 'analyst', developer: 'developer', official: 'official', supervisor: 'supervisor-only', administrator: 'administrator', citizen: 'citizen' };

/** Every operation of the API, straight from the OpenAPI document the server publishes. */
async function operations(t: TestRuntime): Promise<Operation[]> {
  const doc = (await t.anonymous().get('/api/openapi.json')).body;
  type Op = { security: unknown[]; 'x-roles'?: 'any' | Role[]; responses: Record<string, { content?: Record<string, unknown> }> };
  return Object.entries(doc.paths as Record<string, Record<string, Op>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(), path, roles: op.security.length === 0 ? 'public' : op['x-roles']!,
      stream: Object.values(op.responses).some((r) => 'text/event-stream' in (r.content ?? {})),
    })));
}

describe('access control', () => {
  let t: TestRuntime;
  let service: string;
  let clients: Record<Role, ApiClient>;
  let ops: Operation[];
  const concrete = (path: string) => path.replace('{code}', service).replace('{version}', '1.0.0').replace('{id}', randomUUID());

  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishService(t);
    await createUser(t, { username: 'supervisor-only', roles: ['supervisor'], agency: 'kaunas-city' });
    clients = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, role === 'citizen' ? await citizen(t) : await t.as(USER_OF_ROLE[role])]))) as Record<Role, ApiClient>;
    ops = await operations(t);
  });
  afterAll(() => t?.close());

  it('covers the stable paths of the API', () => {
    const listed = ops.map((op) => `${op.method} ${op.path}`);
    for (const stable of [
      'POST /api/session', 'DELETE /api/session', 'GET /api/me', 'POST /api/me/terms/{version}/accept', 'GET /api/services', 'GET /api/services/{code}',
      'POST /api/service-packages', 'POST /api/services/{code}/versions/{version}/publish', 'POST /api/applications', 'GET /api/applications',
      'GET /api/applications/{id}', 'GET /api/tasks', 'POST /api/tasks/{id}/claim', 'POST /api/tasks/{id}/complete', 'GET /api/audit',
      'GET /health/live', 'GET /health/ready',
    ]) expect(listed).toContain(stable);
  });

  it('answers 401 problem+json to every non-public route without a session', async () => {
    const anonymous = t.anonymous();
    const guarded = ops.filter((op) => op.roles !== 'public');
    expect(guarded.length).toBeGreaterThan(12);
    for (const op of guarded) {
      const response = await anonymous.request(op.method, concrete(op.path), op.method === 'GET' ? undefined : {});
      expect.soft(response.status, `${op.method} ${op.path}`).toBe(401);
      expect.soft(response.contentType, `${op.method} ${op.path}`).toContain('application/problem+json');
    }
  });

  it('answers 403 to every role a route does not allow, and lets the allowed roles through', async () => {
    let checked = 0;
    for (const op of ops.filter((o) => Array.isArray(o.roles))) {
      for (const role of ROLES) {
        // A stream answers its status at once and stays open: read the status, then hang up.
        const response = await clients[role].request(op.method, concrete(op.path), op.method === 'GET' ? undefined : {}, { headersOnly: op.stream });
        const allowed = (op.roles as Role[]).includes(role);
        if (allowed) expect.soft([401, 403], `${role} ${op.method} ${op.path} -> ${response.status}`).not.toContain(response.status);
        else expect.soft(response.status, `${role} ${op.method} ${op.path}`).toBe(403);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('requires the CSRF token with a cookie session, and changes nothing without it', async () => {
    const before = await t.snapshot();
    const jonas = clients.citizen;
    const missing = await jonas.request('POST', '/api/applications', { service, data: {} }, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.type).toBe('urn:konstruktor:problem:csrf-token-invalid');
    const wrong = await jonas.request('POST', '/api/applications', { service, data: {} }, { csrf: false, headers: { 'x-csrf-token': 'guess' } });
    expect(wrong.status).toBe(403);
    expect(await t.snapshot()).toEqual(before);
  });

  it('ends the session on logout and refuses an expired one', async () => {
    const ieva = await t.as('citizen2');
    expect((await ieva.delete('/api/session')).status).toBe(204);
    expect((await ieva.get('/api/me')).status).toBe(401);

    const again = await t.as('citizen2');
    await t.runtime.database.dataSource.query(`UPDATE session SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM app_user WHERE username = 'citizen2')`);
    expect((await again.get('/api/me')).status).toBe(401);
  });

  it('does not tell a wrong username from a wrong password', async () => {
    const wrongUser = await t.anonymous().post('/api/session', { username: 'nobody', password: 'x' });
    const wrongPassword = await t.anonymous().post('/api/session', { username: 'citizen', password: 'x' });
    expect(wrongUser.status).toBe(401);
    expect(wrongPassword.status).toBe(401);
    expect(wrongUser.body.title).toBe(wrongPassword.body.title);
  });
});

describe('ownership', () => {
  let t: TestRuntime;
  let service: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishService(t);
    await createUser(t, { username: 'official-lv', roles: ['official'], agency: 'lv-vsaa' });
    await createUser(t, { username: 'analyst-lv', roles: ['analyst'], agency: 'lv-vsaa' });
    await createUser(t, { username: 'official-licensing', roles: ['official'], agency: 'kaunas-city', groups: ['licensing'] });
  });
  afterAll(() => t?.close());

  it("hides a citizen's application from other citizens and from other agencies' officials (404)", async () => {
    const jonas = await citizen(t);
    const { body } = await jonas.post('/api/applications', { service, data: {} });
    const ieva = await citizen(t, 'citizen2');
    expect((await ieva.get(`/api/applications/${body.id}`)).status).toBe(404);
    expect((await ieva.get('/api/applications')).body.items.map((a: { id: string }) => a.id)).not.toContain(body.id);

    const foreignOfficial = await t.as('official-lv');
    expect((await foreignOfficial.get(`/api/applications/${body.id}`)).status).toBe(404);
    expect((await foreignOfficial.get('/api/applications')).body.total).toBe(0);
    expect((await foreignOfficial.get('/api/tasks')).body.total).toBe(0);

    const official = await t.as('official');
    expect((await official.get(`/api/applications/${body.id}`)).status).toBe(200);
    const task = (await official.get('/api/tasks')).body.items.find((i: { applicationId: string }) => i.applicationId === body.id);
    expect((await foreignOfficial.post(`/api/tasks/${task.id}/claim`)).status).toBe(404);
    expect((await foreignOfficial.post(`/api/tasks/${task.id}/complete`, { variables: { decision: 'approve' } })).status).toBe(404);

    // Claimed by one official, the task is not another's to complete.
    expect((await official.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
    const colleague = await createUser(t, { username: 'official-2', roles: ['official'], agency: 'kaunas-city' }).then(() => t.as('official-2'));
    expect((await colleague.post(`/api/tasks/${task.id}/claim`)).status).toBe(409);
    expect((await colleague.post(`/api/tasks/${task.id}/complete`, { variables: { decision: 'approve' } })).status).toBe(409);
  });

  it('shows a task only to officials of its candidate groups', async () => {
    const jonas = await citizen(t);
    const { body } = await jonas.post('/api/applications', { service, data: {} });
    const db = t.runtime.database.dataSource;
    await db.query(`UPDATE task SET candidate_groups = '{licensing}' WHERE application_id = $1`, [body.id]);
    const ids = async (username: string) => (await (await t.as(username)).get('/api/tasks?limit=100')).body.items.map((i: { applicationId: string }) => i.applicationId);
    expect(await ids('official-licensing')).toContain(body.id);
    expect(await ids('official')).not.toContain(body.id);
  });

  it("keeps analysts to their own agency's services", async () => {
    const foreign = await t.as('analyst-lv');
    expect((await foreign.post(`/api/services/${service}/versions/1.0.0/publish`)).status).toBe(404);
    expect((await foreign.get(`/api/services/${service}/versions/1.0.0`)).status).toBe(404);
    const card = (await (await t.as('analyst')).get(`/api/services/${service}/versions/1.0.0`)).body.card;
    const before = await t.snapshot();
    const imported = await foreign.post('/api/service-packages', { files: { 'service.yaml': JSON.stringify({ ...card, version: '9.0.0' }), 'data/application.schema.json': '{}' } });
    expect(imported.status).toBe(403);
    expect(await t.snapshot()).toEqual(before);
  });

  it('hides drafts from the public catalogue but shows them to the agency', async () => {
    const analyst = await t.as('analyst');
    const card = { ...(await analyst.get(`/api/services/${service}/versions/1.0.0`)).body.card, code: `draft-only-${process.pid}` };
    expect((await analyst.post('/api/service-packages', { files: { 'service.yaml': JSON.stringify(card), 'data/application.schema.json': '{}' } })).status).toBe(201);
    expect((await t.anonymous().get(`/api/services/${card.code}`)).status).toBe(404);
    expect((await (await citizen(t)).post('/api/applications', { service: card.code, data: {} })).status).toBe(404);
    expect((await analyst.get(`/api/services/${card.code}`)).body).toMatchObject({ published: false, versions: [{ version: '1.0.0', state: 'draft' }] });
    expect((await t.anonymous().get(`/api/services?q=draft-only`)).body.total).toBe(0);
  });
});
