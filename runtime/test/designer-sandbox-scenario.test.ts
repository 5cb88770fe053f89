import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { inboxConnector, serviceTaskBpmn } from '@konstruktor/connectors';
import { startTestRuntime, type TestRuntime } from './support/harness.js';
import { eventually } from './support/eventually.js';

const CODE = 'inbox-notice';
const BASE = `/api/designer/services/${CODE}/versions/0.1.0`;

/** A connector task answered by the hosted connector in a sandbox run is part of the scenario saved from it. */
describe('a scenario saved from a sandbox test run', () => {
  let t: TestRuntime;

  beforeAll(async () => { t = await startTestRuntime(); });
  afterAll(async () => { await t?.close(); });

  test('replays in the package check, where no connector runs', async () => {
    const analyst = await t.as('analyst');
    const card = { code: CODE, version: '0.1.0', title: { en: 'Inbox notice' }, provider: 'kaunas-city', audience: ['citizens'], price: 'free', interactivityLevel: 4, onlineOrder: true, process: { file: 'process.bpmn', processId: CODE } };
    const process = serviceTaskBpmn({
      processId: CODE, type: inboxConnector.id, headers: { resultVariable: 'notified' },
      inputs: { recipientPersonalCode: '=personalCode', locale: '="en"', template: 'application-received', data: '={ applicantName: "Ona", serviceName: "Inbox notice", applicationId: "A-1", agencyName: "Kaunas" }' },
    });
    const files: Record<string, string> = { 'service.yaml': stringify(card), 'process.bpmn': process };
    expect((await analyst.post('/api/service-packages', { files })).status).toBe(201);

    const run = await analyst.post('/api/designer/test-runs', { code: CODE, version: '0.1.0', connectors: 'sandbox' });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    await analyst.post(`/api/designer/test-runs/${run.body.id}/steps`, { step: { createInstance: { processId: CODE, variables: { personalCode: '39001010000' } } } });
    const done = await eventually(async () => {
      const view = (await analyst.get(`/api/designer/test-runs/${run.body.id}`)).body;
      return view.instance?.state === 'COMPLETED' && view;
    }, 'the connector to finish the run');
    // The analyst's step, then the connector's answer with what it returned.
    expect(done.steps.map((step: object) => Object.keys(step)[0])).toEqual(['createInstance', 'completeJob']);
    expect(done.steps[1].completeJob).toMatchObject({ type: inboxConnector.id, variables: { notified: expect.anything() } });

    const scenario = (await analyst.get(`/api/designer/test-runs/${run.body.id}/scenario?name=Notice sent`)).body;
    expect(parse(scenario.yaml).steps.at(-1).expect).toMatchObject({ state: 'COMPLETED', completedElements: expect.arrayContaining(['task']) });
    expect((await analyst.put(`${BASE}/files`, { files: { ...files, [scenario.file]: scenario.yaml } })).status).toBe(200);
    const check = (await analyst.post(`${BASE}/check`)).body;
    expect(check.scenarios).toEqual([expect.objectContaining({ file: scenario.file, passed: true })]);
  });
});
