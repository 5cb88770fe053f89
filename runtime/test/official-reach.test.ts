/**
 * What an official reaches of the citizens' applications outside the case view: the application,
 * its answers PDF, receipt, payments and documents are his to read only when it is one of his
 * cases (a task of it he may see, or did) or he supervises the agency; everyone else of the
 * agency gets a 404 and does not find it in his list. Every reading by an official is recorded
 * as a data access with its purpose, as the case view's openings are; the citizen's own are not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/api-client.js';
import { citizen, createUser, publishProcessService, startTestRuntime, type TestRuntime } from './support/harness.js';
import { eventually } from './support/eventually.js';

const BPMN = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'paid-permit.bpmn'), 'utf8');
/** The reads that show an application's personal data, by what the audit calls them. */
const READS = {
  application: (id: string) => `/api/applications/${id}`,
  'answers.pdf': (id: string) => `/api/applications/${id}/answers.pdf`,
  receipt: (id: string) => `/api/applications/${id}/receipt`,
  payments: (id: string) => `/api/applications/${id}/payments`,
  documents: (id: string) => `/api/applications/${id}/documents`,
};

describe("an official's reach into applications", () => {
  let t: TestRuntime;
  let jonas: ApiClient;
  let official: ApiClient;
  let librarian: ApiClient;
  let supervisor: ApiClient;
  let applicationId: string;
  let taskId: string;

  const readsBy = async (username: string) => (await t.runtime.database.dataSource.query(
    `SELECT e.details FROM audit_event e JOIN app_user u ON u.id = e.actor_id WHERE e.action = 'application.read' AND e.object_id = $1 AND u.username = $2 ORDER BY e.seq`,
    [applicationId, username],
  )) as { details: { purpose: string; what: string } }[];

  beforeAll(async () => {
    t = await startTestRuntime();
    await publishProcessService(t, { code: 'reach-permit', processId: 'paid-permit', bpmn: BPMN });
    // Same agency as the permit's officials, another group.
    await createUser(t, { username: 'librarian', roles: ['official'], agency: 'kaunas-city', groups: ['libraries'] });
    jonas = await citizen(t);
    official = await t.as('official');
    librarian = await t.as('librarian');
    supervisor = await t.as('supervisor');
    const ordered = await jonas.post('/api/applications', { service: 'reach-permit', data: { place: 'Laisvės al. 1' } });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201);
    applicationId = ordered.body.id;
    const task = await eventually(async () => (await official.get('/api/tasks')).body.items.find((i: { applicationId: string }) => i.applicationId === applicationId), "the official's task");
    taskId = task.id;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lets an official whose group the task is for read the application, each reading recorded with his task as its purpose', async () => {
    for (const [what, url] of Object.entries(READS)) {
      expect((await official.get(url(applicationId))).status, what).toBe(200);
    }
    expect((await official.get('/api/applications?limit=100')).body.items.map((a: { id: string }) => a.id)).toContain(applicationId);
    const reads = await readsBy('official');
    expect(reads.map((r) => r.details.what)).toEqual(Object.keys(READS));
    expect(new Set(reads.map((r) => r.details.purpose))).toEqual(new Set([`task:${taskId}`]));
  });

  it("is a 404 for an official of the agency whose groups the case's tasks are not for, who does not find it in his list; nothing is recorded", async () => {
    for (const [what, url] of Object.entries(READS)) {
      const response = await librarian.get(url(applicationId));
      expect(response.status, what).toBe(404);
    }
    expect((await librarian.get('/api/applications?limit=100')).body.items.map((a: { id: string }) => a.id)).not.toContain(applicationId);
    expect(await readsBy('librarian')).toEqual([]);
  });

  it("lets a supervisor of the agency read it for supervision; the citizen's reading of his own order is not recorded", async () => {
    expect((await supervisor.get(READS.application(applicationId))).status).toBe(200);
    expect((await supervisor.get(READS['answers.pdf'](applicationId))).status).toBe(200);
    expect((await supervisor.get('/api/applications?limit=100')).body.items.map((a: { id: string }) => a.id)).toContain(applicationId);
    expect((await readsBy('supervisor')).map((r) => r.details)).toEqual([{ purpose: 'supervision', what: 'application' }, { purpose: 'supervision', what: 'answers.pdf' }]);

    expect((await jonas.get(READS.application(applicationId))).status).toBe(200);
    expect(await readsBy('citizen')).toEqual([]);
  });

  it('keeps the case in reach of the official who completed its task, after the task left his groups', async () => {
    expect((await official.post(`/api/tasks/${taskId}/claim`)).status).toBe(200);
    expect((await official.post(`/api/tasks/${taskId}/complete`, { variables: { approved: true } })).status).toBe(200);
    // Reassigning the finished task's audience away from him must not take away what his own hands did.
    await t.runtime.database.dataSource.query(`UPDATE task SET candidate_groups = '{libraries}' WHERE id = $1`, [taskId]);
    expect((await official.get(READS.application(applicationId))).status).toBe(200);
    expect((await librarian.get(READS.application(applicationId))).status).toBe(200);
  });
});
