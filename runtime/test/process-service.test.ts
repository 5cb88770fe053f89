import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, startTestRuntime, type TestRuntime } from './support/harness.js';
import { eventually } from './support/eventually.js';

const BPMN = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'permit-process.bpmn'), 'utf8');

describe('a service with a process', () => {
  let t: TestRuntime;
  // Unique per run: on a shared Zeebe broker other runs' processes and jobs must not mix.
  const suffix = `${process.pid}-${Date.now()}`;
  const processId = `test-permit-${suffix}`;
  const jobType = `test-register-lookup-${suffix}`;
  const code = `process-service-${suffix}`.slice(0, 60);
  const card = {
    code, version: '1.0.0', title: { en: 'Permit with a process' }, provider: 'kaunas-city', audience: ['citizens'], price: 'free',
    interactivityLevel: 4, onlineOrder: true, process: { file: 'process.bpmn', processId },
  };
  const files = (bpmn: string, version = '1.0.0') => ({ 'service.yaml': stringify({ ...card, version }), 'process.bpmn': bpmn });

  beforeAll(async () => { t = await startTestRuntime(); });
  afterAll(() => t?.close());

  /** A job worker, as a connector would be: completes the next job of the type with `variables`. */
  async function work(variables: Record<string, unknown>): Promise<string> {
    const job = await eventually(async () => (await t.runtime.engine.activateJobs({ type: jobType, worker: 'test', maxJobs: 1, timeout: 30_000 }))[0], 'a register job');
    await t.runtime.engine.completeJob(job.key, variables);
    return job.instanceKey;
  }

  it('refuses to publish a process the engine cannot run, naming the element', async () => {
    const analyst = await t.as('analyst');
    const broken = BPMN.replace(/<zeebe:taskDefinition[^>]*\/>/, '');
    expect((await analyst.post('/api/service-packages', { files: files(broken.replaceAll('test-permit', processId), '0.9.0') })).status).toBe(201);
    const before = await t.snapshot();
    const response = await analyst.post(`/api/services/${code}/versions/0.9.0/publish`);
    expect(response.status).toBe(422);
    expect(response.body.detail).toContain('checkRegister');
    expect(response.body.errors[0].path).toBe('/files/process.bpmn');
    expect(await t.snapshot()).toEqual(before);
  });

  it('runs an order through the process: register job, gateway, official user task, completion', async () => {
    const analyst = await t.as('analyst');
    const bpmn = BPMN.replaceAll('test-permit', processId).replace('test-register-lookup', jobType);
    expect((await analyst.post('/api/service-packages', { files: files(bpmn) })).status).toBe(201);
    expect((await analyst.post(`/api/services/${code}/versions/1.0.0/publish`)).status).toBe(200);

    const jonas = await citizen(t);
    const order = await jonas.post('/api/applications', { service: code, data: { place: 'Vilniaus g. 5' } });
    expect(order.status).toBe(201);
    // Stored now; the instance starts once the order's command reaches the engine after the commit.
    expect(order.body.status).toBe('submitted');

    const instanceKey = await work({ registered: true });
    const started = await eventually(async () => {
      const [row] = await t.runtime.database.dataSource.query('SELECT status, process_instance_key FROM application WHERE id = $1', [order.body.id]);
      return row.process_instance_key && row;
    }, 'the order to learn its instance');
    expect(started).toEqual({ status: 'in-progress', process_instance_key: instanceKey });
    // History on Zeebe is what its exporter has written so far: wait for the start's variables.
    const variables = await eventually(async () => {
      const read = Object.fromEntries((await t.runtime.engine.variables(instanceKey)).map((v) => [v.name, v.value]));
      return 'place' in read && read;
    }, 'the instance\'s variables in its history');
    expect(variables).toMatchObject({ place: 'Vilniaus g. 5', applicationId: order.body.id, applicant: { personalCode: '38501010013' } });

    const official = await t.as('official');
    const task = await eventually(async () => (await official.get('/api/tasks')).body.items.find((i: { applicationId: string }) => i.applicationId === order.body.id), 'the user task in the inbox');
    expect(task).toMatchObject({ kind: 'user-task', candidateGroups: ['permits'], state: 'open' });
    expect((await official.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
    expect((await official.post(`/api/tasks/${task.id}/complete`, { variables: { approved: true, note: 'ok' } })).status).toBe(200);

    const done = await eventually(async () => {
      const response = await jonas.get(`/api/applications/${order.body.id}`);
      return response.body.status === 'completed' && response.body;
    }, 'the application to complete');
    expect(done.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'process-started', 'task-created', 'task-completed', 'status-changed']);
    const completedSteps = done.steps.filter((s: { state: string }) => s.state === 'COMPLETED').map((s: { elementId: string }) => s.elementId);
    expect(completedSteps).toEqual(expect.arrayContaining(['submitted', 'checkRegister', 'resident', 'review', 'decided']));
    expect(completedSteps).not.toContain('refused');
    expect((await t.runtime.engine.instance(instanceKey))?.state).toBe('COMPLETED');
  });

  it("checks an official's result against the user task's form like a citizen's form: unknown keys and bad values are a 422 naming them, and nothing changes", async () => {
    const analyst = await t.as('analyst');
    const formId = `review-form-${suffix}`;
    const form = {
      id: formId, type: 'default', schemaVersion: 19, components: [
        { id: 'approved', type: 'checkbox', key: 'approved', label: 'Approved' },
        { id: 'note', type: 'textfield', key: 'note', label: 'Note', validate: { maxLength: 30 } },
      ],
    };
    const bpmn = BPMN.replaceAll('test-permit', processId).replace('test-register-lookup', jobType)
      .replace('<zeebe:assignmentDefinition candidateGroups="permits" />', `<zeebe:assignmentDefinition candidateGroups="permits" /><zeebe:formDefinition formId="${formId}" />`);
    expect((await analyst.post('/api/service-packages', { files: { ...files(bpmn, '2.0.0'), 'forms/review.form': JSON.stringify(form) } })).status).toBe(201);
    expect((await analyst.post(`/api/services/${code}/versions/2.0.0/publish`)).status).toBe(200);

    const jonas = await citizen(t);
    const order = await jonas.post('/api/applications', { service: code, data: {} });
    await work({ registered: true });
    const official = await t.as('official');
    const task = await eventually(async () => (await official.get('/api/tasks')).body.items.find((i: { applicationId: string }) => i.applicationId === order.body.id), 'the user task in the inbox');
    expect((await official.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);

    const before = await t.snapshot();
    const unknown = await official.post(`/api/tasks/${task.id}/complete`, { variables: { approved: true, status: 'approved-by-me' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['/variables/status']);
    const wrong = await official.request('POST', `/api/tasks/${task.id}/complete`, { variables: { approved: 'yes', note: 'x'.repeat(31) } }, { headers: { 'accept-language': 'lt' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/variables/approved', '/variables/note']);
    expect(await t.snapshot()).toEqual(before);

    expect((await official.post(`/api/tasks/${task.id}/complete`, { variables: { approved: true, note: 'ok' } })).status).toBe(200);
    await eventually(async () => (await jonas.get(`/api/applications/${order.body.id}`)).body.status === 'completed', 'the application to complete');
  });

  it('takes the default path when the register says no, and the order ends without a task', async () => {
    const jonas = await citizen(t);
    const order = await jonas.post('/api/applications', { service: code, data: {} });
    await work({ registered: false });
    const done = await eventually(async () => {
      const response = await jonas.get(`/api/applications/${order.body.id}`);
      return response.body.status === 'completed' && response.body;
    }, 'the application to complete');
    expect(done.steps.map((s: { elementId: string }) => s.elementId)).toContain('refused');
    expect(done.timeline.map((e: { kind: string }) => e.kind)).not.toContain('task-created');
  });
});
