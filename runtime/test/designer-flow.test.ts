import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseScenario } from '@konstruktor/engine-adapter';
import { citizen, createUser, startTestRuntime, type TestRuntime } from './support/harness.js';
import type { ApiClient } from './support/api-client.js';

const CODE = 'kennel-permit';
const BASE = `/api/designer/services/${CODE}/versions/0.1.0`;

/** start -> review (user task with a form) -> notify (job) -> wait 1 h -> end; `notifyTask` is the service task's XML. */
const processXml = (notifyTask: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
  <bpmn:process id="${CODE}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="review" name="Review the application">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="review" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    ${notifyTask}
    <bpmn:intermediateCatchEvent id="wait" name="Wait an hour">
      <bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="notify" />
    <bpmn:sequenceFlow id="f3" sourceRef="notify" targetRef="wait" />
    <bpmn:sequenceFlow id="f4" sourceRef="wait" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>
`;
const BROKEN_NOTIFY = '<bpmn:serviceTask id="notify" name="Notify"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:serviceTask>';
const FIXED_NOTIFY = `<bpmn:serviceTask id="notify" name="Notify">
      <bpmn:extensionElements><zeebe:taskDefinition type="notify-applicant" /><zeebe:ioMapping><zeebe:input source="=applicantName" target="recipient" /></zeebe:ioMapping></bpmn:extensionElements>
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:serviceTask>`;

const structure = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { applicantName: { type: 'string', title: 'Name' } } };
const startForm = (keys: string[]) => ({
  type: 'default', id: 'application', schemaVersion: 16,
  components: keys.map((key) => ({ id: `f_${key}`, type: 'textfield', key, label: key })),
});
const reviewForm = { type: 'default', id: 'review', schemaVersion: 16, components: [{ id: 'f_approved', type: 'checkbox', key: 'approved', label: 'Approved' }] };

describe('designer: create, edit, check, test run, scenario, publish, order', () => {
  let t: TestRuntime;
  let analyst: ApiClient;
  let files: Record<string, string>;
  const save = (next: Record<string, string>) => analyst.put(`${BASE}/files`, { files: next });

  beforeAll(async () => {
    t = await startTestRuntime();
    analyst = await t.as('analyst');
  });
  afterAll(async () => t?.close());

  test('check points at the BPMN element and the form field; fixing them makes it green', async () => {
    expect((await analyst.post('/api/designer/services', { code: CODE, title: { lt: 'Veislyno leidimas', en: 'Kennel permit' } })).status).toBe(201);
    const card = parse((await analyst.get(`/api/services/${CODE}/versions/0.1.0`)).body.files['service.yaml'].content);
    files = {
      'service.yaml': stringify({ ...card, legalBasis: 'Law on the keeping of animals, art. 7' }),
      'process.bpmn': processXml(BROKEN_NOTIFY),
      'data/application.schema.json': JSON.stringify(structure),
      'forms/application.form': JSON.stringify(startForm(['applicantName', 'nickname'])),
      'forms/review.form': JSON.stringify(reviewForm),
      'documents/permit.html': '<p>Permit</p>',
    };
    expect((await save(files)).status).toBe(200);
    const check = await analyst.post(`${BASE}/check`);
    expect(check.body.ok).toBe(false);
    expect(check.body.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ source: 'process', file: 'process.bpmn', elementId: 'notify', severity: 'error' }),
      expect.objectContaining({ source: 'forms', file: 'forms/application.form', field: 'nickname', severity: 'error' }),
    ]));

    // Publishing refuses the same errors and changes nothing.
    const before = await t.snapshot();
    const refused = await analyst.post(`/api/services/${CODE}/versions/0.1.0/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.problems.some((p: any) => p.elementId === 'notify')).toBe(true);
    expect(refused.body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: '/files/process.bpmn', message: expect.stringContaining('notify') }),
      expect.objectContaining({ path: '/files/forms/application.form/nickname' }),
    ]));
    expect(await t.snapshot()).toEqual(before);

    files = { ...files, 'process.bpmn': processXml(FIXED_NOTIFY), 'forms/application.form': JSON.stringify(startForm(['applicantName'])) };
    expect((await save(files)).status).toBe(200);
    const green = await analyst.post(`${BASE}/check`);
    expect(green.body.problems.filter((p: any) => p.severity === 'error')).toEqual([]);
    expect(green.body.ok).toBe(true);

    // A card naming a process the BPMN file does not have (a comment or a call activity naming it does not count).
    const wrong = { ...parse(files['service.yaml']!), process: { file: 'process.bpmn', processId: 'kennel-renewal' } };
    const commented = processXml(FIXED_NOTIFY).replace('<bpmn:process ', '<!-- <bpmn:process id="kennel-renewal"> --><bpmn:process ');
    expect((await save({ ...files, 'service.yaml': stringify(wrong), 'process.bpmn': commented })).status).toBe(200);
    const mismatch = await analyst.post(`${BASE}/check`);
    expect(mismatch.body.problems).toContainEqual(expect.objectContaining({
      source: 'card', field: 'process/processId', message: expect.stringContaining('has no process with that id'), severity: 'error',
    }));
    expect((await save(files)).status).toBe(200);
  });

  test('a manual test run: user task with its form, a job answered by hand, a timer, variables per element; saved as a scenario that the check runs green', async () => {
    const started = await analyst.post('/api/designer/test-runs', { code: CODE, version: '0.1.0', connectors: 'manual' });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const run = `/api/designer/test-runs/${started.body.id}`;
    expect(started.body).toMatchObject({ code: CODE, version: '0.1.0', processId: CODE, instance: null, steps: [] });

    const step = (s: object) => analyst.post(`${run}/steps`, { step: s });
    let state = (await step({ createInstance: { processId: CODE, variables: { applicantName: 'Ona' } } })).body;
    expect(state.instance.state).toBe('ACTIVE');
    expect(state.userTasks).toEqual([expect.objectContaining({ elementId: 'review', name: 'Review the application', form: expect.objectContaining({ id: 'review' }) })]);

    // A bad step is refused naming what is wrong, and nothing changes.
    const bad = await step({ completeUserTask: { elementId: 'review', variabls: {} } });
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toContain("unknown field 'variabls'");
    expect(bad.body.errors[0].path).toBe('/step/completeUserTask/variabls');
    const early = await step({ completeJob: { type: 'notify-applicant' } });
    expect(early.status).toBe(422);
    expect(early.body.detail).toContain('notify-applicant');
    expect((await step({ fly: {} })).status).toBe(422);
    expect((await analyst.get(run)).body.steps).toHaveLength(1);

    state = (await step({ completeUserTask: { elementId: 'review', variables: { approved: true } } })).body;
    expect(state.userTasks).toEqual([]);
    expect(state.jobs).toEqual([{ type: 'notify-applicant', elementId: 'notify' }]);
    expect(state.elements.find((e: any) => e.elementId === 'notify')).toMatchObject({ state: 'ACTIVE', elementType: 'SERVICE_TASK', variables: { recipient: 'Ona' } });

    state = (await step({ completeJob: { type: 'notify-applicant', variables: { notified: true } } })).body;
    expect(state.jobs).toEqual([]);
    expect(state.elements.find((e: any) => e.elementId === 'wait')).toMatchObject({ state: 'ACTIVE' });
    const clock = Date.parse(state.clock);

    state = (await step({ advanceTime: { duration: 'PT1H' } })).body;
    expect(Date.parse(state.clock) - clock).toBeGreaterThanOrEqual(3600_000);
    expect(state.instance.state).toBe('COMPLETED');
    expect(state.variables).toEqual({ applicantName: 'Ona', approved: true, notified: true });

    // A run is its analyst's own, even within the agency.
    await createUser(t, { username: 'analyst-colleague', roles: ['analyst'], agency: 'kaunas-city' });
    const colleague = await t.as('analyst-colleague');
    expect((await colleague.get(run)).status).toBe(404);
    expect((await colleague.post(`${run}/steps`, { step: { cancelInstance: { instance: 'main' } } })).status).toBe(404);

    const scenario = await analyst.get(`${run}/scenario?name=Happy path`);
    expect(scenario.body.file).toBe('scenarios/happy-path.yaml');
    const parsed = parseScenario(scenario.body.yaml, scenario.body.file);
    expect(parsed.steps.map((s) => s.kind)).toEqual(['createInstance', 'completeUserTask', 'completeJob', 'advanceTime', 'expect']);
    expect(parsed.steps[4]!.args).toMatchObject({ state: 'COMPLETED', completedElements: expect.arrayContaining(['review', 'notify', 'wait', 'end']) });
    expect((await analyst.delete(run)).status).toBe(204);
    expect((await analyst.get(run)).status).toBe(404);

    files = { ...files, [scenario.body.file]: scenario.body.yaml };
    expect((await save(files)).status).toBe(200);
    const check = await analyst.post(`${BASE}/check`);
    expect(check.body.scenarios).toEqual([expect.objectContaining({ file: 'scenarios/happy-path.yaml', name: 'Happy path', passed: true })]);
    expect(check.body.ok).toBe(true);
  });

  test('a sandbox run (connectors hosted on its engine) takes steps; an analyst has at most five runs open', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const run = await analyst.post('/api/designer/test-runs', { code: CODE, version: '0.1.0', connectors: i === 0 ? 'sandbox' : 'manual' });
      expect(run.status, JSON.stringify(run.body)).toBe(201);
      ids.push(run.body.id);
    }
    const sixth = await analyst.post('/api/designer/test-runs', { code: CODE, version: '0.1.0', connectors: 'manual' });
    expect(sixth.status).toBe(409);
    const sandbox = await analyst.post(`/api/designer/test-runs/${ids[0]}/steps`, { step: { createInstance: { processId: CODE, variables: { applicantName: 'Ona' } } } });
    expect(sandbox.body.userTasks.map((u: any) => u.elementId)).toEqual(['review']);
    for (const id of ids) expect((await analyst.delete(`/api/designer/test-runs/${id}`)).status).toBe(204);
  });

  test('the derived e-service application lists steps, documents and legal basis, as JSON and PDF', async () => {
    const application = (await analyst.get(`${BASE}/application`)).body;
    expect(application).toMatchObject({ code: CODE, legalBasis: 'Law on the keeping of animals, art. 7', provider: { code: 'kaunas-city' }, documents: ['documents/permit.html'] });
    expect(application.steps.map((s: any) => s.elementId)).toEqual(['start', 'review', 'notify', 'wait', 'end']);
    const pdf = await fetch(`${t.url}${BASE}/application.pdf`, { headers: { cookie: (analyst as any).cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('a failing scenario refuses publishing; once it passes, the service publishes and a citizen orders it', async () => {
    const failing = stringify({ name: 'never done', resources: ['../process.bpmn'], steps: [
      { createInstance: { processId: CODE } }, { expect: { state: 'COMPLETED', timeout: 'PT0.5S' } },
    ] });
    expect((await save({ ...files, 'scenarios/never.yaml': failing })).status).toBe(200);
    const refused = await analyst.post(`/api/services/${CODE}/versions/0.1.0/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'scenarios', file: 'scenarios/never.yaml', severity: 'error' })]));
    expect((await analyst.get(`/api/services/${CODE}/versions/0.1.0`)).body.state).toBe('draft');

    expect((await save(files)).status).toBe(200);
    const published = await analyst.post(`/api/services/${CODE}/versions/0.1.0/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const person = await citizen(t);
    const order = await person.post('/api/applications', { service: CODE, data: { applicantName: 'Ona' } });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
  });
});
