/**
 * The officials' case view (GET /api/cases/{id}): who may open a case (an official who may see a
 * task of it, a supervisor of the agency; 404 for everyone else), every opening and document
 * download recorded as a data access with its purpose, what the view holds for the street
 * trading permit ordered for a company against the sandboxes (answers and their form, documents,
 * the legal entities register's answer with its fields and its step named in the official's
 * language, payment, timeline, tasks and who did them, the messages both ways), and a
 * supervisor's retry of a step stuck in an incident.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleServiceDir } from '@konstruktor/examples';
import { importExamplePackages } from '../src/demo/seed.js';
import { startDemoSandboxes, type DemoSandboxes } from '../src/demo/sandboxes.js';
import type { ApiClient } from './support/api-client.js';
import { citizen, createUser, publishProcessService, startTestRuntime, type TestRuntime } from './support/harness.js';
import { eventually } from './support/eventually.js';

const PLAN_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const ORDER = { tradingAs: 'company', companyCode: '305888127', place: 'Rotušės a. 1', from: '2026-05-01', to: '2026-05-31', goods: 'Gėlės ir medus' };
const STUCK_JOB = 'case-view-test:register';
const STUCK_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://konstruktor.example/test">
  <bpmn:process id="case-view-stuck" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="lookUp" />
    <bpmn:serviceTask id="lookUp" name="Look the person up">
      <bpmn:extensionElements><zeebe:taskDefinition type="${STUCK_JOB}" retries="1" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="lookUp" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

describe('case view', () => {
  let t: TestRuntime;
  let sandboxes: DemoSandboxes;
  let dir: string;
  let jonas: ApiClient;
  let official: ApiClient;
  let supervisor: ApiClient;
  let applicationId: string;
  let firstTaskId: string;
  let planId: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'case-view-'));
    sandboxes = await startDemoSandboxes({ dataDir: dir, logger: pino({ level: 'silent' }) });
    t = await startTestRuntime({}, sandboxes.env);
    await importExamplePackages(t.runtime.services, exampleServiceDir('street-trading-permit'), t.runtime.logger);
    await createUser(t, { username: 'official-riga', roles: ['official'], agency: 'lv-vsaa', groups: ['permits'] });
    await createUser(t, { username: 'official-libraries', roles: ['official'], agency: 'kaunas-city', groups: ['libraries'] });
    jonas = await citizen(t);
    official = await t.as('official');
    supervisor = await t.as('supervisor');

    // A company's order: the register is asked, the fee paid, the official asks for the stall plan and Jonas sends it.
    const form = await jonas.get('/api/services/street-trading-permit/form');
    const ordered = await jonas.request('POST', '/api/applications', { service: 'street-trading-permit', data: { ...form.body.data, ...ORDER } }, { headers: { 'accept-language': 'en' } });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201);
    applicationId = ordered.body.id;
    const payment = await eventually(async () => (await jonas.get(`/api/applications/${applicationId}/payments`)).body.items?.find((p: { redirectUrl: string | null }) => p.redirectUrl), 'the payment order');
    expect((await fetch(payment.redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })).status).toBe(303);
    const task = await eventually(async () => (await official.get('/api/tasks')).body.items.find((i: { applicationId: string }) => i.applicationId === applicationId), "the official's task");
    firstTaskId = task.id;
    expect((await official.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
    const asked = await official.post(`/api/tasks/${task.id}/complete`, { variables: { decision: 'request-information', informationRequest: { message: 'Please add the stall plan.', fields: ['plan'] } } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    await eventually(async () => (await jonas.get(`/api/applications/${applicationId}/information-request`)).body.request, 'the open request');
    const plan = await jonas.request('POST', '/api/documents?filename=plan.pdf&service=street-trading-permit&field=plan', undefined, { raw: PLAN_PDF, headers: { 'content-type': 'application/pdf' } });
    expect(plan.status).toBe(201);
    planId = plan.body.id;
    expect((await jonas.post(`/api/applications/${applicationId}/information`, { answers: { plan: planId }, lang: 'en' })).status).toBe(202);
    await eventually(async () => (await official.get('/api/tasks')).body.items.find((i: { applicationId: string; id: string }) => i.applicationId === applicationId && i.id !== firstTaskId), 'the task back after the answer');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await sandboxes?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function accesses(action: string, objectId: string): Promise<{ actor: string; details: Record<string, unknown> }[]> {
    return t.runtime.database.dataSource.query(
      'SELECT u.username AS actor, e.details FROM audit_event e JOIN app_user u ON u.id = e.actor_id WHERE e.action = $1 AND e.object_id = $2 ORDER BY e.seq',
      [action, objectId],
    );
  }

  it("shows an official in scope the whole case: answers and form, documents, the register's answer, payment, timeline, tasks and messages", async () => {
    const opened = await official.get(`/api/cases/${applicationId}?task=${firstTaskId}&lang=en`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const view = opened.body;
    expect(view.application).toMatchObject({
      id: applicationId, caseCode: expect.stringMatching(/^\d+ \d+$/), serviceCode: 'street-trading-permit', serviceTitle: { en: 'Street trading permit' },
      applicant: { name: 'Jonas Jonaitis', personalCode: expect.any(String) }, onBehalfOf: null, submittedBy: null,
    });
    expect(view.answers).toMatchObject({ place: 'Rotušės a. 1', goods: 'Gėlės ir medus' });
    // The start form in the language asked for, to render the answers read-only.
    expect(JSON.stringify(view.form)).toContain('"key":"place"');

    expect(view.documents).toContainEqual(expect.objectContaining({ id: planId, kind: 'upload', filename: 'plan.pdf', href: `/api/documents/${planId}` }));
    expect(view.documents).toContainEqual(expect.objectContaining({ kind: 'receipt', signature: expect.objectContaining({ valid: true }) }));

    expect(view.registerData).toEqual([expect.objectContaining({
      source: 'Legal entities register: may a person represent a company', elementId: 'checkRepresentation',
      elementName: 'Check the company in the legal entities register', data: { representation: expect.objectContaining({ companyCode: '305888127', mayRepresent: true }) },
    })]);
    expect(Date.parse(view.registerData[0].at)).not.toBeNaN();
    // Each value under the name the connector gives that field of its answer.
    expect(view.registerData[0].labels).toMatchObject({
      'representation.companyCode': 'Company code', 'representation.mayRepresent': 'May represent the company', 'representation.alone': 'May act alone',
      'representation.jointlyWith': 'Acts jointly with', 'representation.validUntil': 'Valid until',
    });

    expect(view.payments).toEqual([expect.objectContaining({ amount: '15.00', currency: 'EUR', status: 'paid', reference: expect.stringMatching(/^RF/) })]);
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['submitted', 'payment-paid', 'task-completed', 'information-requested', 'information-provided']));
    expect(view.timeline.find((e: { kind: string }) => e.kind === 'task-completed').actorName).toBe('Ona Valdininkė');
    expect(view.timeline.find((e: { kind: string }) => e.kind === 'information-provided').actorName).toBe('Jonas Jonaitis');

    expect(view.tasks).toEqual([
      expect.objectContaining({ id: firstTaskId, name: expect.objectContaining({ en: 'Review the application' }), state: 'completed', completedByName: 'Ona Valdininkė', outcome: 'request-information',
        outcomeLabel: { lt: 'Paprašyti pareiškėjo papildomos informacijos', lv: 'Lūgt iesniedzējam papildu informāciju', en: 'Ask the applicant for more information' } }),
      expect.objectContaining({ state: 'open', assigneeName: null, completedByName: null, outcome: null, outcomeLabel: null }),
    ]);
    const toCitizen = view.messages.filter((m: { direction: string }) => m.direction === 'to-citizen');
    expect(toCitizen).toContainEqual(expect.objectContaining({ subject: 'Please add to your application “Street trading permit”', body: expect.stringContaining('Please add the stall plan.') }));
    const fromCitizen = view.messages.filter((m: { direction: string }) => m.direction === 'from-citizen');
    // His answers as the form asks them, a file by its name.
    expect(fromCitizen).toEqual([expect.objectContaining({ subject: "The applicant's answer to the request for information", body: expect.stringContaining('Plan of the stall: plan.pdf') })]);
    expect(fromCitizen[0].body).toContain('Fields answered: Plan of the stall; files added: 1');
    expect(view.informationRequest).toBeNull();
    expect(view.incidents).toEqual([]);

    // In Lithuanian, the register's name and the words of the view are Lithuanian.
    const lt = (await official.get(`/api/cases/${applicationId}?lang=lt`)).body;
    expect(lt.registerData[0].source).toMatch(/^Juridinių asmenų registras/);
    expect(lt.registerData[0]).toMatchObject({
      elementName: 'Patikrinti įmonę Juridinių asmenų registre',
      labels: { 'representation.companyCode': 'Juridinio asmens kodas', 'representation.mayRepresent': 'Gali atstovauti juridiniam asmeniui' },
    });
    const lv = (await official.get(`/api/cases/${applicationId}?lang=lv`)).body;
    expect(lv.registerData[0]).toMatchObject({
      source: 'Uzņēmumu reģistrs: vai persona drīkst pārstāvēt uzņēmumu', elementName: 'Pārbaudīt uzņēmumu Uzņēmumu reģistrā',
      labels: { 'representation.companyCode': 'Reģistrācijas numurs', 'representation.mayRepresent': 'Drīkst pārstāvēt uzņēmumu', 'representation.validUntil': 'Derīgs līdz' },
    });
    expect(lt.messages.find((m: { direction: string }) => m.direction === 'from-citizen').subject).toBe('Pareiškėjo atsakymas į prašymą pateikti informacijos');
  });

  it('records every opening as a data access with its purpose: the task, or supervision', async () => {
    expect((await official.get(`/api/cases/${applicationId}?task=${firstTaskId}`)).status).toBe(200);
    expect((await supervisor.get(`/api/cases/${applicationId}`)).status).toBe(200);
    const recorded = await accesses('case.opened', applicationId);
    expect(recorded).toContainEqual({ actor: 'official', details: { purpose: `task:${firstTaskId}` } });
    expect(recorded).toContainEqual({ actor: 'supervisor', details: { purpose: 'supervision' } });
    expect(recorded.every((r) => typeof r.details.purpose === 'string')).toBe(true);
  });

  it('is 404 for an official of another agency, of another group, for a task not of the case, and 403 for a citizen; nothing is recorded for them', async () => {
    const before = (await accesses('case.opened', applicationId)).length;
    expect((await (await t.as('official-riga')).get(`/api/cases/${applicationId}`)).status).toBe(404);
    expect((await (await t.as('official-libraries')).get(`/api/cases/${applicationId}`)).status).toBe(404);
    expect((await official.get(`/api/cases/${applicationId}?task=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await official.get('/api/cases/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await jonas.get(`/api/cases/${applicationId}`)).status).toBe(403);
    expect(await accesses('case.opened', applicationId)).toHaveLength(before);
  });

  it("lets an official in scope download the case's documents, recorded as a data access; not an official out of scope", async () => {
    expect((await (await t.as('official-libraries')).get(`/api/documents/${planId}`)).status).toBe(404);
    expect(await accesses('document.read', planId)).toEqual([]);
    const download = await fetch(`${t.url}/api/documents/${planId}`, { headers: { cookie: (official as unknown as { cookie: string }).cookie } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PLAN_PDF)).toBe(true);
    expect(await accesses('document.read', planId)).toEqual([{ actor: 'official', details: { applicationId, purpose: expect.stringMatching(/^task:/) } }]);
    // The citizen's own download is not a data access.
    expect((await jonas.get(`/api/documents/${planId}`)).status).toBe(200);
    expect(await accesses('document.read', planId)).toHaveLength(1);
  });

  it("names an approved task's outcome as the task's form words it, in each language", async () => {
    const open = (await official.get(`/api/cases/${applicationId}?lang=en`)).body.tasks.find((task: { state: string }) => task.state === 'open');
    expect((await official.post(`/api/tasks/${open.id}/claim`)).status).toBe(200);
    const approved = await official.post(`/api/tasks/${open.id}/complete`, { variables: { decision: 'approve' } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const task = (await official.get(`/api/cases/${applicationId}?lang=lv`)).body.tasks.find((t: { id: string }) => t.id === open.id);
    expect(task).toMatchObject({ state: 'completed', outcome: 'approve', outcomeLabel: { lt: 'Išduoti leidimą', lv: 'Izsniegt atļauju', en: 'Issue the permit' } });
  });

  it('shows a stuck step as an incident; a supervisor retries it, a plain official may not', async () => {
    await publishProcessService(t, { code: 'case-view-stuck', processId: 'case-view-stuck', bpmn: STUCK_BPMN });
    const ordered = await jonas.post('/api/applications', { service: 'case-view-stuck', data: {} });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201);
    const engine = t.runtime.engine;
    const [job] = await eventually(async () => {
      const jobs = await engine.activateJobs({ type: STUCK_JOB, worker: 'test', maxJobs: 1, timeout: 60_000 });
      return jobs.length ? jobs : undefined;
    }, 'the job');
    await engine.failJob(job!.key, { retries: 0, errorMessage: 'The register does not answer' });

    const incident = await eventually(async () => (await supervisor.get(`/api/cases/${ordered.body.id}?lang=en`)).body.incidents?.[0], 'the incident in the case view');
    expect(incident).toEqual({ key: expect.any(String), elementId: 'lookUp', elementName: 'Look the person up', errorType: 'JOB_NO_RETRIES', message: 'The register does not answer' });
    // No task of this case reaches the official: the case is not his to open.
    expect((await official.get(`/api/cases/${ordered.body.id}`)).status).toBe(404);

    expect((await official.post(`/api/cases/${ordered.body.id}/incidents/${incident.key}/retry`)).status).toBe(403);
    expect((await supervisor.post(`/api/cases/${applicationId}/incidents/${incident.key}/retry`)).status).toBe(404);
    expect((await supervisor.post(`/api/cases/${ordered.body.id}/incidents/1234567/retry`)).status).toBe(404);
    expect((await supervisor.post(`/api/cases/${ordered.body.id}/incidents/${incident.key}/retry`)).status).toBe(204);

    expect((await supervisor.get(`/api/cases/${ordered.body.id}`)).body.incidents).toEqual([]);
    const again = await eventually(async () => {
      const jobs = await engine.activateJobs({ type: STUCK_JOB, worker: 'test', maxJobs: 1, timeout: 60_000 });
      return jobs.length ? jobs : undefined;
    }, 'the job offered again');
    expect(again[0]!.retries).toBe(3);
    await engine.completeJob(again[0]!.key, {});
    expect(await accesses('incident.retried', ordered.body.id)).toEqual([{ actor: 'supervisor', details: expect.objectContaining({ incidentKey: incident.key, elementId: 'lookUp' }) }]);
  }, 60_000);
});
