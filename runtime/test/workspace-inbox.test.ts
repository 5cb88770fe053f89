/**
 * The officials' workspace inbox (issue 21): who sees which task (agency, groups, supervisor),
 * views, counts, search and sort, saved filters, the hands a task goes through (claim, unclaim,
 * delegate with a note, a supervisor's reassignment) and the refusals two officials on one
 * queue meet (a task a colleague completed, a form opened before a reassignment, a forged
 * outcome), the live event a colleague's inbox gets, and a process user task's name, priority,
 * form and prefilled values from its BPMN.
 */
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/api-client.js';
import { citizen, createUser, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';
import { eventually } from './support/eventually.js';
import { outlineOf } from '../src/applications/process-outline.js';
import { nameProcessTasks } from '../src/db/migrations/1765929600000-workspace-tasks.js';

interface TaskItem { id: string; applicationId: string; assignee: string | null; assigneeName: string | null; revision: number; priority: number; caseCode: string; applicantName: string; overdue: boolean }

describe('workspace inbox', () => {
  let t: TestRuntime;
  let service: string;
  let ona: ApiClient; // official: permits, declarations
  let petras: ApiClient; // official2: permits
  let sigita: ApiClient; // supervisor
  let jonas: ApiClient;
  let ieva: ApiClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishService(t, { title: { lt: 'Statybos leidimas', lv: 'Būvatļauja', en: 'Building permit' } });
    await createUser(t, { username: 'official-lv', roles: ['official'], agency: 'lv-vsaa' });
    await createUser(t, { username: 'official-licensing', roles: ['official'], agency: 'kaunas-city', groups: ['licensing'] });
    [ona, petras, sigita, jonas, ieva] = await Promise.all([t.as('official'), t.as('official2'), t.as('supervisor'), citizen(t), citizen(t, 'citizen2')]);
    const db = t.runtime.database.dataSource;
    for (const user of ['official', 'official2', 'supervisor', 'official-lv']) {
      ids[user] = ((await db.query('SELECT id FROM app_user WHERE username = $1', [user])) as { id: string }[])[0]!.id;
    }
  }, 120_000);
  afterAll(() => t?.close());

  /** An order of the review service; its task, with the candidate groups and users, due date and priority given. */
  async function task(by: ApiClient, setup: { groups?: string[]; users?: string[]; dueInHours?: number; priority?: number } = {}): Promise<{ id: string; applicationId: string }> {
    const order = await by.post('/api/applications', { service, data: { place: 'Laisvės al. 1' } });
    expect(order.status).toBe(201);
    const db = t.runtime.database.dataSource;
    const [row] = (await db.query('SELECT id FROM task WHERE application_id = $1', [order.body.id])) as { id: string }[];
    await db.query(`UPDATE task SET candidate_groups = $2, candidate_users = $5, due_at = CASE WHEN $3::int IS NULL THEN NULL ELSE now() + make_interval(hours => $3::int) END, priority = $4 WHERE id = $1`,
      [row!.id, setup.groups ?? [], setup.dueInHours ?? null, setup.priority ?? 50, setup.users ?? []]);
    return { id: row!.id, applicationId: order.body.id as string };
  }

  /** The `task` events an official's open inbox is told; `next` waits for one that matches. */
  async function taskEvents(who: ApiClient) {
    const source = who.eventSource('/api/events');
    const events: Record<string, unknown>[] = [];
    const waiting: { match: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }[] = [];
    source.addEventListener('task', (message: MessageEvent) => {
      const data = JSON.parse(message.data as string) as Record<string, unknown>;
      events.push(data);
      for (const w of [...waiting]) if (w.match(data)) { waiting.splice(waiting.indexOf(w), 1); w.resolve(data); }
    });
    await new Promise<void>((resolve, reject) => { source.onopen = () => resolve(); source.onerror = () => reject(new Error('stream failed')); });
    const next = (match: (e: Record<string, unknown>) => boolean) => new Promise<Record<string, unknown>>((resolve, reject) => {
      const found = events.find(match);
      if (found) { resolve(found); return; }
      const timer = setTimeout(() => reject(new Error(`no such task event; got ${JSON.stringify(events)}`)), 10_000);
      waiting.push({ match, resolve: (e) => { clearTimeout(timer); resolve(e); } });
    });
    return { events, next, close: () => source.close() };
  }

  const list = async (who: ApiClient, query = '') => {
    const response = await who.get(`/api/tasks?${query.includes('limit=') ? '' : 'limit=100'}${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { items: TaskItem[]; total: number };
  };
  const listed = async (who: ApiClient, query = '') => (await list(who, query)).items.map((i) => i.id);

  it('shows an official his agency\'s tasks for anyone and for his groups, a supervisor the whole queue, and nobody else\'s (404)', async () => {
    const open = await task(jonas);
    const declarations = await task(jonas, { groups: ['declarations'] });
    const licensing = await task(jonas, { groups: ['licensing'] });

    expect(await listed(ona)).toEqual(expect.arrayContaining([open.id, declarations.id]));
    expect(await listed(ona)).not.toContain(licensing.id);
    expect((await ona.get(`/api/tasks/${licensing.id}`)).status).toBe(404);
    expect((await ona.post(`/api/tasks/${licensing.id}/claim`)).status).toBe(404);
    expect(await listed(petras)).toContain(open.id);
    expect(await listed(petras)).not.toContain(declarations.id);
    expect(await listed(sigita)).toEqual(expect.arrayContaining([open.id, declarations.id, licensing.id]));
    expect((await sigita.get(`/api/tasks/${licensing.id}`)).status).toBe(200);

    const foreign = await t.as('official-lv');
    expect((await list(foreign)).total).toBe(0);
    expect((await foreign.get(`/api/tasks/${open.id}`)).status).toBe(404);
    expect((await foreign.get('/api/tasks/counts')).body.all).toBe(0);
    expect((await foreign.get('/api/tasks/services')).body).toEqual([]);

    const detail = (await ona.get(`/api/tasks/${open.id}`)).body;
    expect(detail).toMatchObject({
      id: open.id, kind: 'review', applicantName: 'Jonas Jonaitis', serviceCode: service, serviceTitle: { en: 'Building permit' },
      caseCode: expect.stringMatching(/^\d+ \d+$/), revision: 0, priority: 50, assignee: null, form: expect.objectContaining({ id: 'konstruktor-review' }), data: {}, history: [], signature: null,
    });
  });

  it('filters by view and service, finds by name, case code and service title, sorts, and counts each view', async () => {
    const soon = await task(jonas, { dueInHours: 20, priority: 10 });
    const late = await task(ieva, { dueInHours: -5, priority: 90, groups: ['permits'] });
    const later = await task(jonas, { dueInHours: 24 * 10, priority: 60, groups: ['declarations'] });

    expect(await listed(ona, '&view=due-soon')).toContain(soon.id);
    expect(await listed(ona, '&view=due-soon')).not.toContain(late.id);
    const overdue = await list(ona, '&view=overdue');
    expect(overdue.items.map((i) => i.id)).toContain(late.id);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    expect(await listed(ona, '&view=groups')).toEqual(expect.arrayContaining([late.id, later.id]));
    expect(await listed(petras, '&view=groups')).not.toContain(later.id);

    // Words are prefixes, in any case; the case code with or without its space; the service title in any language.
    expect(await listed(ona, `&q=${encodeURIComponent('bĒrz')}`)).toEqual([late.id]);
    // Accents fold on both sides: officials type Bērziņa, Žemaitė, Būvatļauja without them, or in capitals.
    await t.runtime.database.dataSource.query("UPDATE task SET applicant_name = 'Julija Žemaitė' WHERE id = $1", [soon.id]);
    expect(await listed(ona, '&q=berz')).toEqual([late.id]);
    expect(await listed(ona, '&q=BERZINA')).toEqual([late.id]);
    expect(await listed(ona, `&q=${encodeURIComponent('ŽEMAIT')}`)).toEqual([soon.id]);
    expect(await listed(ona, '&q=julija%20zemaite')).toEqual([soon.id]);
    expect(await listed(ona, `&q=${encodeURIComponent('žėmaitę')}`)).toEqual([soon.id]);
    expect(await listed(ona, '&q=buvatlauja')).toEqual(expect.arrayContaining([soon.id, late.id, later.id]));
    await list(ona, `&q=${encodeURIComponent('ŉ ʼ')}`); // letters that fold to punctuation are no syntax error
    const lateCase = (await ona.get(`/api/tasks/${late.id}`)).body.caseCode as string;
    expect(await listed(ona, `&q=${encodeURIComponent(lateCase)}`)).toEqual([late.id]);
    expect(await listed(ona, `&q=${lateCase.replace(' ', '')}`)).toEqual([late.id]);
    expect(await listed(ona, '&q=b%C5%ABvat')).toEqual(expect.arrayContaining([soon.id, late.id, later.id]));
    expect(await listed(ona, '&q=Jon%20statyb')).not.toContain(late.id);
    expect((await list(ona, '&q=zzzz')).total).toBe(0);

    const byPriority = (await list(ona, '&sort=-priority')).items.filter((i) => [soon.id, late.id, later.id].includes(i.id)).map((i) => i.id);
    expect(byPriority).toEqual([late.id, later.id, soon.id]);
    const byDue = (await list(ona, '&sort=due')).items.filter((i) => [soon.id, late.id, later.id].includes(i.id)).map((i) => i.id);
    expect(byDue).toEqual([late.id, soon.id, later.id]);
    const page = await list(ona, '&sort=-created&limit=2');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);

    const services = (await ona.get('/api/tasks/services')).body;
    expect(services).toEqual([{ code: service, title: { lt: 'Statybos leidimas', lv: 'Būvatļauja', en: 'Building permit' } }]);
    expect((await list(ona, `&service=${service}`)).total).toBe((await list(ona)).total);
    expect((await list(ona, '&service=no-such-service')).total).toBe(0);

    const before = (await ona.get('/api/tasks/counts')).body;
    expect(before.overdue).toBeGreaterThanOrEqual(1);
    expect(before.all).toBe((await list(ona)).total);
    expect((await ona.post(`/api/tasks/${late.id}/claim`)).status).toBe(200);
    const after = (await ona.get('/api/tasks/counts')).body;
    expect(after).toMatchObject({ mine: before.mine + 1, unassigned: before.unassigned - 1, all: before.all, overdue: before.overdue });
    expect(await listed(ona, '&view=mine')).toContain(late.id);
    expect(await listed(ona, '&assignee=unassigned')).not.toContain(late.id);
    expect(await listed(sigita, `&assignee=${ids.official}`)).toContain(late.id);
    expect((await ona.get('/api/tasks?view=sideways')).status).toBe(400);
  });

  it('keeps saved filters to their owner', async () => {
    const saved = await ona.post('/api/tasks/filters', { name: 'Overdue permits', query: `view=overdue&service=${service}` });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'Overdue permits', query: `view=overdue&service=${service}` });
    expect((await ona.get('/api/tasks/filters')).body).toEqual([saved.body]);
    expect((await petras.get('/api/tasks/filters')).body).toEqual([]);
    expect((await petras.delete(`/api/tasks/filters/${saved.body.id}`)).status).toBe(404);

    const before = await t.snapshot();
    const twice = await ona.request('POST', '/api/tasks/filters', { name: 'Overdue permits', query: 'view=mine' }, { headers: { 'accept-language': 'lt' } });
    expect(twice.status).toBe(409);
    expect(twice.body.title).toBe('Filtras tokiu pavadinimu jau yra');
    const bad = await ona.post('/api/tasks/filters', { name: 'Sideways', query: 'view=sideways&colour=red' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('/query');
    expect(await t.snapshot()).toEqual(before);

    expect((await ona.delete(`/api/tasks/filters/${saved.body.id}`)).status).toBe(204);
    expect((await ona.get('/api/tasks/filters')).body).toEqual([]);
  });

  it('hands a task over with a note, keeps its history, and refuses a colleague who may not see it (422)', async () => {
    const shared = await task(jonas, { groups: ['permits'] });
    const officials = (await ona.get('/api/agency/officials')).body as { id: string; displayName: string; groups: string[] }[];
    expect(officials).toEqual(expect.arrayContaining([
      { id: ids.official, displayName: 'Ona Valdininkė', groups: ['permits', 'declarations'] },
      { id: ids.official2, displayName: 'Petras Pareigūnas', groups: ['permits'] },
    ]));
    expect(officials.map((o) => o.id)).not.toContain(ids['official-lv']);

    expect((await petras.post(`/api/tasks/${shared.id}/delegate`, { userId: ids.official, note: 'Not mine to give' })).status).toBe(409);
    expect((await ona.post(`/api/tasks/${shared.id}/claim`)).body).toMatchObject({ assignee: ids.official, assigneeName: 'Ona Valdininkė', revision: 1 });
    expect((await petras.post(`/api/tasks/${shared.id}/claim`)).body.type).toBe('urn:konstruktor:problem:task-taken');
    expect((await petras.post(`/api/tasks/${shared.id}/unclaim`)).status).toBe(409);
    const handed = await ona.post(`/api/tasks/${shared.id}/delegate`, { userId: ids.official2, note: 'Petrai, tai tavo rajonas.' });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({ assignee: ids.official2, assigneeName: 'Petras Pareigūnas', revision: 2 });
    expect((await petras.post(`/api/tasks/${shared.id}/unclaim`)).body).toMatchObject({ assignee: null, revision: 3 });

    const history = (await petras.get(`/api/tasks/${shared.id}`)).body.history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['claimed', 'delegated', 'unclaimed']);
    expect(history[1]).toMatchObject({ actorName: 'Ona Valdininkė', toName: 'Petras Pareigūnas', note: 'Petrai, tai tavo rajonas.' });
    const [audited] = (await t.runtime.database.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE object_id = $1 AND action IN ('task.claimed', 'task.delegated', 'task.unclaimed')`, [shared.id])) as { n: number }[];
    expect(audited!.n).toBe(3);

    // Declarations are not Petras's group: he may not be given it; nor someone of another agency; nor a group nobody is in.
    const declarations = await task(jonas, { groups: ['declarations'] });
    expect((await ona.post(`/api/tasks/${declarations.id}/claim`)).status).toBe(200);
    const before = await t.snapshot();
    const refused = await ona.request('POST', `/api/tasks/${declarations.id}/delegate`, { userId: ids.official2, note: 'Gal tu?' }, { headers: { 'accept-language': 'lt' } });
    expect(refused.status).toBe(422);
    expect(refused.body.title).toBe('Užduoties taip perduoti negalima');
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/userId', message: expect.stringContaining('negali') })]);
    expect((await ona.post(`/api/tasks/${declarations.id}/delegate`, { userId: ids['official-lv'], note: 'x' })).status).toBe(422);
    const nobody = await ona.post(`/api/tasks/${declarations.id}/delegate`, { group: 'astronauts', note: 'x' });
    expect(nobody.status).toBe(422);
    expect(nobody.body.errors[0].path).toBe('/group');
    expect((await ona.post(`/api/tasks/${declarations.id}/delegate`, { userId: ids.official2, group: 'permits', note: 'x' })).status).toBe(422);
    expect(await t.snapshot()).toEqual(before);

    // To a group: unassigned, for that group alone, so Petras now sees it.
    const toGroup = await ona.post(`/api/tasks/${declarations.id}/delegate`, { group: 'permits', note: 'Leidimų grupei' });
    expect(toGroup.body).toMatchObject({ assignee: null, candidateGroups: ['permits'], revision: 2 });
    expect(await listed(petras)).toContain(declarations.id);
    expect((await petras.get(`/api/tasks/${declarations.id}`)).body.history[1]).toMatchObject({ action: 'delegated', toGroup: 'permits', note: 'Leidimų grupei' });
  });

  it('lets a supervisor reassign a task, refuses the form opened before (409), and a task a colleague completed (409)', async () => {
    const reviewed = await task(jonas, { groups: ['permits'], dueInHours: -48 });
    expect((await ona.post(`/api/tasks/${reviewed.id}/claim`)).status).toBe(200);
    const opened = (await ona.get(`/api/tasks/${reviewed.id}`)).body;
    expect(opened.revision).toBe(1);

    const reassigned = await sigita.post(`/api/tasks/${reviewed.id}/delegate`, { userId: ids.official2, note: 'Ona is on leave' });
    expect(reassigned.body).toMatchObject({ assignee: ids.official2, revision: 2 });
    expect((await sigita.get(`/api/tasks/${reviewed.id}`)).body.history[1]).toMatchObject({ action: 'assigned', actorName: 'Sigita Vadovė', toName: 'Petras Pareigūnas' });

    const before = await t.snapshot();
    const stale = await ona.request('POST', `/api/tasks/${reviewed.id}/complete`, { variables: { decision: 'approve' }, revision: opened.revision }, { headers: { 'accept-language': 'lt' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: 'urn:konstruktor:problem:task-changed', title: 'Užduotis pasikeitė, kol ją atvėrėte (perduota kitam)', revision: 2 });
    expect(await t.snapshot()).toEqual(before);

    expect((await petras.post(`/api/tasks/${reviewed.id}/complete`, { variables: { decision: 'approve' }, revision: 2 })).status).toBe(200);
    const late = await sigita.request('POST', `/api/tasks/${reviewed.id}/complete`, { variables: { decision: 'reject', reason: 'No' } }, { headers: { 'accept-language': 'lv' } });
    expect(late.status).toBe(409);
    expect(late.body.title).toBe('Šis uzdevums jau ir pabeigts');
    expect(late.body.detail).toContain('Petras Pareigūnas');
    expect((await ona.post(`/api/tasks/${reviewed.id}/unclaim`)).body.type).toBe('urn:konstruktor:problem:task-completed');
    expect((await list(ona, '&state=completed')).items.map((i) => i.id)).toContain(reviewed.id);
    expect((await ona.get(`/api/tasks/${reviewed.id}`)).body.history.at(-1)).toMatchObject({ action: 'completed', actorName: 'Petras Pareigūnas' });
  });

  it("tells a colleague's inbox at once when a task is claimed, and when it is handed away from his group", async () => {
    const shared = await task(jonas, { groups: ['permits'] });
    const { next, close } = await taskEvents(petras);
    try {
      expect((await ona.post(`/api/tasks/${shared.id}/claim`)).status).toBe(200);
      expect(await next((e) => e.taskId === shared.id && e.revision === 1)).toMatchObject({ taskId: shared.id, applicationId: shared.applicationId, state: 'open', assigneeId: ids.official });
      // Handed to the declarations group, which Petras is not in: he is told it left his inbox.
      expect((await ona.post(`/api/tasks/${shared.id}/delegate`, { group: 'declarations', note: 'Deklaracijoms' })).status).toBe(200);
      expect(await next((e) => e.taskId === shared.id && e.revision === 2)).toMatchObject({ assigneeId: null });
      expect(await listed(petras)).not.toContain(shared.id);
    } finally {
      close();
    }
  });

  it("gives the built-in review its own form in the official's language: a refusal without a reason is a 422 in his language, and the case names the outcome by the form", async () => {
    const review = await task(jonas, { groups: ['permits'] });
    const detail = (await ona.get(`/api/tasks/${review.id}`)).body;
    expect(detail.form.components.map((c: { key: string }) => c.key)).toEqual(['decision', 'reason']);
    expect(detail.form['x-translations'].lv['Field_decision.values.reject']).toBe('Noraidīt pieteikumu');
    expect((await ona.post(`/api/tasks/${review.id}/claim`)).status).toBe(200);
    const before = await t.snapshot();
    const unexplained = await ona.request('POST', `/api/tasks/${review.id}/complete`, { variables: { decision: 'reject' } }, { headers: { 'accept-language': 'lt' } });
    expect(unexplained.status).toBe(422);
    expect(unexplained.body.errors).toEqual([expect.objectContaining({ path: '/variables/reason', message: expect.stringContaining('privaloma atmetant') })]);
    expect(await t.snapshot()).toEqual(before);
    expect((await ona.post(`/api/tasks/${review.id}/complete`, { variables: { decision: 'reject', reason: 'Vieta užimta' } })).status).toBe(200);
    const caseView = (await ona.get(`/api/cases/${review.applicationId}?task=${review.id}`)).body;
    expect(caseView.tasks).toEqual([expect.objectContaining({ outcome: 'reject', outcomeLabel: { lt: 'Atmesti prašymą', lv: 'Noraidīt pieteikumu', en: 'Reject the application' } })]);
  });

  it('tells an official named a candidate user of a task outside his groups, whose inbox shows it, and not one who is not', async () => {
    const notHis = await task(jonas, { groups: ['declarations'] });
    const named = await task(jonas, { groups: ['declarations'], users: ['official2'] });
    expect(await listed(petras)).toContain(named.id);
    expect(await listed(petras)).not.toContain(notHis.id);
    const { events, next, close } = await taskEvents(petras);
    try {
      expect((await ona.post(`/api/tasks/${notHis.id}/claim`)).status).toBe(200);
      expect((await ona.post(`/api/tasks/${named.id}/claim`)).status).toBe(200);
      expect(await next((e) => e.taskId === named.id && e.revision === 1)).toMatchObject({ applicationId: named.applicationId, state: 'open', assigneeId: ids.official });
      // Events come in commit order: the claim of the task not his came first, and did not reach him.
      expect(events.filter((e) => e.taskId === notHis.id)).toEqual([]);
      // Ona hands it to him by name: he is told, and it is his.
      expect((await ona.post(`/api/tasks/${named.id}/delegate`, { userId: ids.official2, note: 'Jums, Petrai' })).status).toBe(200);
      expect(await next((e) => e.taskId === named.id && e.revision === 2)).toMatchObject({ assigneeId: ids.official2 });
      expect(await listed(petras, '&view=mine')).toContain(named.id);
    } finally {
      close();
    }
  });
});

describe('workspace inbox: a process user task', () => {
  let t: TestRuntime;
  const suffix = `${process.pid}-${Date.now()}`;
  const code = `ws-process-${suffix}`.slice(0, 60);
  const processId = `ws-process-${suffix}`;
  const formId = `ws-decision-${suffix}`;
  const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="ws-definitions" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
  <bpmn:process id="${processId}" name="Workspace test" isExecutable="true">
    <bpmn:startEvent id="submitted" name="Submitted" />
    <bpmn:sequenceFlow id="f1" sourceRef="submitted" targetRef="decide" />
    <bpmn:userTask id="decide" name="Decide on the permit">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:formDefinition formId="${formId}" />
        <zeebe:assignmentDefinition candidateGroups="permits" />
        <zeebe:priorityDefinition priority="80" />
        <zeebe:properties>
          <zeebe:property name="name:lt" value="Priimti sprendimą dėl leidimo" />
        </zeebe:properties>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="decided" />
    <bpmn:endEvent id="decided" name="Decided" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="submitted_di" bpmnElement="submitted"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="decide_di" bpmnElement="decide"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="decided_di" bpmnElement="decided"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
  const form = {
    id: formId, type: 'default', schemaVersion: 19, components: [
      { id: 'place', type: 'textfield', key: 'place', label: 'Place' },
      { id: 'decision', type: 'select', key: 'decision', label: 'Decision', values: [{ label: 'Approve', value: 'approve' }, { label: 'Reject', value: 'reject' }], validate: { required: true } },
    ],
  };

  beforeAll(async () => {
    t = await startTestRuntime();
    const card = { code, version: '1.0.0', title: { en: 'Workspace permit' }, provider: 'kaunas-city', audience: ['citizens'], price: 'free', interactivityLevel: 4, onlineOrder: true, process: { file: 'process.bpmn', processId } };
    const analyst = await t.as('analyst');
    const imported = await analyst.post('/api/service-packages', { files: { 'service.yaml': stringify(card), 'process.bpmn': bpmn, 'forms/decision.form': JSON.stringify(form) } });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const published = await analyst.post(`/api/services/${code}/versions/1.0.0/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
  }, 120_000);
  afterAll(() => t?.close());

  it("names the task as its BPMN does, opens its form with the process's values, hands it over in the engine too, and refuses a forged outcome (422 naming the field)", async () => {
    const jonas = await citizen(t);
    const order = await jonas.post('/api/applications', { service: code, data: { place: 'Vilniaus g. 5' } });
    expect(order.status).toBe(201);
    const ona = await t.as('official');
    const listed = await eventually(async () => (await ona.get('/api/tasks')).body.items.find((i: { applicationId: string }) => i.applicationId === order.body.id), 'the user task in the inbox');
    expect(listed).toMatchObject({
      kind: 'user-task', name: { lt: 'Priimti sprendimą dėl leidimo', lv: 'Decide on the permit', en: 'Decide on the permit' },
      priority: 80, signature: null, candidateGroups: ['permits'], serviceTitle: { en: 'Workspace permit' },
    });
    // A task made before the workspace was named by its element id: the migration names it from the BPMN.
    await t.runtime.database.dataSource.query(`UPDATE task SET name = '{"en":"decide"}', priority = 50 WHERE id = $1`, [listed.id]);
    await nameProcessTasks(t.runtime.database.dataSource);
    expect((await ona.get(`/api/tasks/${listed.id}`)).body).toMatchObject({ name: { lt: 'Priimti sprendimą dėl leidimo', en: 'Decide on the permit' }, priority: 80 });
    const detail = await eventually(async () => {
      const body = (await ona.get(`/api/tasks/${listed.id}`)).body;
      return body.data?.place && body;
    }, "the form's values from the process");
    expect(detail.form).toMatchObject({ id: formId, components: [{ key: 'place' }, { key: 'decision' }] });
    expect(detail.data).toEqual({ place: 'Vilniaus g. 5' });

    const instanceKey = ((await t.runtime.database.dataSource.query('SELECT process_instance_key AS k FROM application WHERE id = $1', [order.body.id])) as { k: string }[])[0]!.k;
    const engineAssignee = (assignee: string | null) => eventually(async () => {
      const [userTask] = await t.runtime.engine.userTasks({ instanceKey });
      return userTask?.assignee === assignee;
    }, `the engine's assignee to be ${assignee}`);
    expect((await ona.post(`/api/tasks/${listed.id}/claim`)).status).toBe(200);
    await engineAssignee('official');
    const official2 = ((await t.runtime.database.dataSource.query(`SELECT id FROM app_user WHERE username = 'official2'`)) as { id: string }[])[0]!.id;
    expect((await ona.post(`/api/tasks/${listed.id}/delegate`, { userId: official2, note: 'Please decide' })).status).toBe(200);
    await engineAssignee('official2');
    const petras = await t.as('official2');
    expect((await petras.post(`/api/tasks/${listed.id}/unclaim`)).status).toBe(200);
    await engineAssignee(null);
    const claimed = (await petras.post(`/api/tasks/${listed.id}/claim`)).body;
    // The claim reaches the engine through the outbox: let it land, or the engine's log grows under the snapshot.
    await engineAssignee('official2');

    const before = await t.snapshot();
    const forged = await petras.post(`/api/tasks/${listed.id}/complete`, { variables: { decision: 'grant-everything' }, revision: claimed.revision });
    expect(forged.status, JSON.stringify(forged.body)).toBe(422);
    expect(forged.body.errors.map((e: { path: string }) => e.path)).toEqual(['/variables/decision']);
    expect(await t.snapshot()).toEqual(before);
    expect((await petras.post(`/api/tasks/${listed.id}/complete`, { variables: { decision: 'approve' }, revision: claimed.revision })).status).toBe(200);
    await eventually(async () => (await jonas.get(`/api/applications/${order.body.id}`)).body.status === 'completed', 'the order to complete');
  });
});

describe('workspace inbox: what a user task\'s BPMN tells the inbox', () => {
  it('reads the name per language, a literal priority and the variable to sign; defaults otherwise', async () => {
    const task = (id: string, extensions: string, name = '') => `<bpmn:userTask id="${id}"${name ? ` name="${name}"` : ''}><bpmn:extensionElements><zeebe:userTask />${extensions}</bpmn:extensionElements></bpmn:userTask>`;
    const outline = await outlineOf(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="p" isExecutable="true">
    ${task('sign', '<zeebe:priorityDefinition priority="95" /><zeebe:properties><zeebe:property name="name:lv" value="Parakstīt lēmumu" /><zeebe:property name="konstruktor:sign" value="decisionDocument" /></zeebe:properties>', 'Sign the decision')}
    ${task('computed', '<zeebe:priorityDefinition priority="=urgency" />', 'Check')}
    ${task('unnamed', '')}
  </bpmn:process>
</bpmn:definitions>`);
    const of = (id: string) => outline.elements.find((e) => e.id === id)?.userTask;
    expect(of('sign')).toEqual({ name: { lt: 'Sign the decision', lv: 'Parakstīt lēmumu', en: 'Sign the decision' }, priority: 95, sign: 'decisionDocument' });
    expect(of('computed')).toEqual({ name: { lt: 'Check', lv: 'Check', en: 'Check' }, priority: 50, sign: null });
    expect(of('unnamed')).toEqual({ name: null, priority: 50, sign: null });
  });
});
