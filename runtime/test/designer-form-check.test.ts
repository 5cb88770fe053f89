import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkPackage } from '../src/designer/package-check.js';
import { startTestRuntime, type TestRuntime } from './support/harness.js';
import type { ApiClient } from './support/api-client.js';

const CODE = 'kennel-inspection';
const BASE = `/api/designer/services/${CODE}/versions/0.1.0`;

/** start -> review (user task for the group "inspectors", naming the form "review") -> end. */
const PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
  <bpmn:process id="${CODE}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="review" name="Review the application">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="review" /><zeebe:assignmentDefinition candidateGroups="inspectors" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="${CODE}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

const structure = {
  $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', required: ['applicantName'],
  properties: { applicantName: { type: 'string', title: 'Name' }, dogs: { type: 'integer', title: 'Dogs kept' } },
};
const startForm = {
  type: 'default', id: 'application', schemaVersion: 16,
  components: [{ id: 'f_name', type: 'textfield', key: 'applicantName', label: 'Name' }, { id: 'f_dogs', type: 'number', key: 'dogs', label: 'Dogs' }],
};
/** The official's form: shows the applicant's name, records a decision and a reason (not in the citizen's structure). */
const reviewForm = (nameField: object = { id: 'f_name', type: 'textfield', key: 'applicantName', label: 'Applicant', readonly: true }) => ({
  type: 'default', id: 'review', schemaVersion: 16,
  components: [
    nameField,
    { id: 'f_decision', type: 'radio', key: 'decision', label: 'Decision', values: [{ label: 'Grant', value: 'grant' }, { label: 'Refuse', value: 'refuse' }] },
    { id: 'f_reason', type: 'textarea', key: 'reason', label: 'Reason' },
  ],
});

describe('designer check: user task forms', () => {
  let t: TestRuntime;
  let analyst: ApiClient;
  let files: Record<string, string>;
  const save = async (next: Record<string, string>) => {
    const saved = await analyst.put(`${BASE}/files`, { files: next });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  };
  const check = async () => (await analyst.post(`${BASE}/check`)).body as { ok: boolean; problems: { source: string; file: string; elementId?: string; field?: string; message: string; severity: string }[] };
  const state = async () => (await analyst.get(`/api/services/${CODE}/versions/0.1.0`)).body.state;

  beforeAll(async () => {
    t = await startTestRuntime();
    analyst = await t.as('analyst');
    expect((await analyst.post('/api/designer/services', { code: CODE, title: { lt: 'Veislyno patikra', en: 'Kennel inspection' } })).status).toBe(201);
    const card = parse((await analyst.get(`/api/services/${CODE}/versions/0.1.0`)).body.files['service.yaml'].content);
    files = {
      'service.yaml': stringify({ ...card, legalBasis: 'Law on the keeping of animals, art. 7' }),
      'process.bpmn': PROCESS,
      'data/application.schema.json': JSON.stringify(structure),
      'forms/application.form': JSON.stringify(startForm),
    };
  });
  afterAll(async () => t?.close());

  test('a user task naming a form the package lacks is an error on the task, and publishing refuses it', async () => {
    await save(files);
    const result = await check();
    expect(result.ok).toBe(false);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([
      { source: 'process', file: 'process.bpmn', elementId: 'review', message: 'names form "review" (zeebe:formDefinition), which is not in the package', severity: 'error' },
    ]);

    const before = await t.snapshot();
    const refused = await analyst.post(`/api/services/${CODE}/versions/0.1.0/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: 'review', message: expect.stringContaining('names form "review"') })]));
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/files/process.bpmn', message: expect.stringMatching(/^review: names form "review"/) })]);
    expect(await t.snapshot()).toEqual(before);
    expect(await state()).toBe('draft');
  });

  test("a review form's own variables (decision, reason) are not in the structure, and that is fine", async () => {
    await save({ ...files, 'forms/review.form': JSON.stringify(reviewForm()) });
    const result = await check();
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  test('a review form binding a structure key with the wrong type is an error naming the field', async () => {
    await save({ ...files, 'forms/review.form': JSON.stringify(reviewForm({ id: 'f_name', type: 'number', key: 'applicantName', label: 'Applicant' })) });
    const result = await check();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { source: 'forms', file: 'forms/review.form', field: 'applicantName', message: 'A number cannot hold the structure\'s string "applicantName"', severity: 'error' },
    ]);
    const refused = await analyst.post(`/api/services/${CODE}/versions/0.1.0/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/files/forms/review.form/applicantName' })]);
    expect(await state()).toBe('draft');
  });

  test('a form nothing uses is a warning and does not stop publishing', async () => {
    const old = { type: 'default', id: 'old-review', schemaVersion: 16, components: [{ id: 'f_x', type: 'textfield', key: 'nickname', label: 'Nickname' }] };
    await save({ ...files, 'forms/review.form': JSON.stringify(reviewForm()), 'forms/old-review.form': JSON.stringify(old) });
    const result = await check();
    expect(result.problems).toEqual([{ source: 'forms', file: 'forms/old-review.form', message: 'is not used by the card or any user task', severity: 'warning' }]);
    expect(result.ok).toBe(true);
    const published = await analyst.post(`/api/services/${CODE}/versions/0.1.0/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(await state()).toBe('published');
  });
});

describe('package check of form files the import would refuse', () => {
  const utf8 = (content: string) => ({ encoding: 'utf8' as const, content });
  test('an unreadable form or one that is no form-js schema is an error on its file', async () => {
    const result = await checkPackage({
      'service.yaml': utf8(stringify({ code: CODE, version: '0.1.0', legalBasis: 'Act', process: { file: 'process.bpmn', processId: CODE }, startForm: 'forms/application.form', dataStructure: 'data/application.schema.json' })),
      'process.bpmn': utf8(PROCESS),
      'data/application.schema.json': utf8(JSON.stringify(structure)),
      'forms/application.form': utf8(JSON.stringify(startForm)),
      'forms/review.form': utf8('{"id": "review", '),
      'forms/empty.form': utf8('{}'),
    });
    expect(result.ok).toBe(false);
    expect(result.problems.filter((p) => p.source === 'forms')).toEqual([
      { source: 'forms', file: 'forms/empty.form', message: 'is not a form-js schema: it needs a list of components', severity: 'error' },
      { source: 'forms', file: 'forms/review.form', message: expect.stringMatching(/^is not valid JSON: /), severity: 'error' },
    ]);
    // Its id cannot be read, but "review" still names it by path (forms/review.form): the task's form is there.
    expect(result.problems.filter((p) => p.elementId === 'review')).toEqual([]);
  });
});

describe('package check: user tasks as the workspace shows them', () => {
  const utf8 = (content: string) => ({ encoding: 'utf8' as const, content });
  const withTask = (task: string) => checkPackage({
    'service.yaml': utf8(stringify({ code: CODE, version: '0.1.0', legalBasis: 'Act', process: { file: 'process.bpmn', processId: CODE }, startForm: 'forms/application.form', dataStructure: 'data/application.schema.json' })),
    'process.bpmn': utf8(PROCESS.replace(/<bpmn:userTask id="review"[\s\S]*?<\/bpmn:userTask>/, task)),
    'data/application.schema.json': utf8(JSON.stringify(structure)),
    'forms/application.form': utf8(JSON.stringify(startForm)),
    'forms/review.form': utf8(JSON.stringify(reviewForm())),
  });
  const flows = '<bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>';
  const taskProblems = (result: Awaited<ReturnType<typeof checkPackage>>) => result.problems.filter((p) => p.elementId === 'review');

  test('a user task without a name, candidate groups or form is reported on the task, each once and as a warning', async () => {
    const result = await withTask(`<bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements>${flows}</bpmn:userTask>`);
    expect(taskProblems(result)).toEqual([
      { source: 'process', file: 'process.bpmn', elementId: 'review', message: "has no name: the officials' inbox would show its id", severity: 'warning' },
      { source: 'process', file: 'process.bpmn', elementId: 'review', message: 'names no candidate groups (zeebe:assignmentDefinition): every official of the agency may take it', severity: 'warning' },
      { source: 'process', file: 'process.bpmn', elementId: 'review', message: 'has no form (zeebe:formDefinition): the official would have nothing to fill in, and what he completes it with would not be checked', severity: 'warning' },
    ]);
    // The review form is then used by nothing.
    expect(result.problems).toContainEqual(expect.objectContaining({ file: 'forms/review.form', message: 'is not used by the card or any user task' }));
  });

  test('a task named for candidate users or an assignee has its candidates; a task marked for a personal signature needs no form', async () => {
    const result = await withTask(`<bpmn:userTask id="review" name="Sign the permit"><bpmn:extensionElements><zeebe:userTask />`
      + '<zeebe:assignmentDefinition candidateUsers="official" /><zeebe:properties><zeebe:property name="konstruktor:sign" value="permitDocument" /></zeebe:properties>'
      + `</bpmn:extensionElements>${flows}</bpmn:userTask>`);
    expect(taskProblems(result)).toEqual([]);
  });

  test('a task form that does not fit the data structure is an error naming the field', async () => {
    const result = await checkPackage({
      'service.yaml': utf8(stringify({ code: CODE, version: '0.1.0', legalBasis: 'Act', process: { file: 'process.bpmn', processId: CODE }, startForm: 'forms/application.form', dataStructure: 'data/application.schema.json' })),
      'process.bpmn': utf8(PROCESS),
      'data/application.schema.json': utf8(JSON.stringify(structure)),
      'forms/application.form': utf8(JSON.stringify(startForm)),
      'forms/review.form': utf8(JSON.stringify(reviewForm({ id: 'f_dogs', type: 'checkbox', key: 'dogs', label: 'Dogs' }))),
    });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ source: 'forms', file: 'forms/review.form', field: 'dogs', severity: 'error' })]);
  });
});
