import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../src/embedded/index.js';

const bpmn = (body: string, id = 'order') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="paid" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

const reference = bpmn(`
  <bpmn:startEvent id="start" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
  <bpmn:serviceTask id="check"><bpmn:extensionElements><zeebe:taskDefinition type="check" /></bpmn:extensionElements></bpmn:serviceTask>
  <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="gw" />
  <bpmn:exclusiveGateway id="gw" default="toReject" />
  <bpmn:sequenceFlow id="toReview" sourceRef="gw" targetRef="review"><bpmn:conditionExpression>=amount &gt; 10</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="toReject" sourceRef="gw" targetRef="rejected" />
  <bpmn:endEvent id="rejected" />
  <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="permits" /></bpmn:extensionElements></bpmn:userTask>
  <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="waitPaid" />
  <bpmn:intermediateCatchEvent id="waitPaid"><bpmn:messageEventDefinition messageRef="paid" /></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="f4" sourceRef="waitPaid" targetRef="done" />
  <bpmn:endEvent id="done" />`);

describe('embedded engine basics', () => {
  let engine: EmbeddedEngine;
  afterEach(() => engine?.close());

  it('runs start -> job -> gateway -> user task -> message -> end', async () => {
    engine = await createEmbeddedEngine();
    const deployment = await engine.deploy([{ name: 'order.bpmn', content: reference }]);
    expect(deployment.processes).toEqual([expect.objectContaining({ processId: 'order', version: 1 })]);
    const { instanceKey } = await engine.createInstance({ processId: 'order', variables: { orderId: 'A-1', amount: 5 } });
    const [job] = await engine.activateJobs({ type: 'check', worker: 'w', maxJobs: 10, timeout: 10_000 });
    expect(job).toMatchObject({ instanceKey, elementId: 'check', variables: { orderId: 'A-1', amount: 5 } });
    await engine.completeJob(job!.key, { amount: 50 });
    const [task] = await engine.userTasks({ instanceKey, state: 'CREATED' });
    expect(task).toMatchObject({ elementId: 'review', candidateGroups: ['permits'] });
    await engine.completeUserTask(task!.key, { approved: true });
    await engine.publishMessage({ name: 'paid', correlationKey: 'A-1', variables: { paidAt: 'now' } });
    expect(await engine.instance(instanceKey)).toMatchObject({ state: 'COMPLETED' });
    const vars = Object.fromEntries((await engine.variables(instanceKey)).map((v) => [v.name, v.value]));
    expect(vars).toEqual({ orderId: 'A-1', amount: 50, approved: true, paidAt: 'now' });
    const completed = (await engine.elementInstances(instanceKey)).filter((e) => e.state === 'COMPLETED').map((e) => e.elementId);
    expect(completed).toEqual(expect.arrayContaining(['start', 'check', 'gw', 'review', 'waitPaid', 'done', 'order']));
    await expect(engine.completeJob(job!.key)).rejects.toThrow(/none found/);
  });

  it('keeps a job whose retries ran out away from workers until its incident is resolved, even once its retries are updated', async () => {
    engine = await createEmbeddedEngine();
    await engine.deploy([{ name: 'order.bpmn', content: reference }]);
    const { instanceKey } = await engine.createInstance({ processId: 'order', variables: { orderId: 'A-2', amount: 5 } });
    const activate = () => engine.activateJobs({ type: 'check', worker: 'w', maxJobs: 10, timeout: 10_000 });
    const [job] = await activate();
    await engine.failJob(job!.key, { retries: 0, errorMessage: 'register down' });
    const [incident] = await engine.incidents({ instanceKey, state: 'ACTIVE' });
    await engine.updateJobRetries(job!.key, 1);
    // A worker polling between the two calls must not get the job: it would run twice.
    expect(await activate()).toEqual([]);
    await engine.resolveIncident(incident!.key);
    expect((await activate()).map((j) => j.key)).toEqual([job!.key]);
  });

  it('rejects unsupported BPMN naming the element and the rule', async () => {
    engine = await createEmbeddedEngine();
    await expect(engine.deploy([{ name: 'bad.bpmn', content: bpmn('<bpmn:startEvent id="s" /><bpmn:complexGateway id="cg" />') }]))
      .rejects.toThrow("element 'cg': ComplexGateway is not supported");
    await expect(engine.deploy([{ name: 'bad.bpmn', content: bpmn('<bpmn:startEvent id="s" /><bpmn:serviceTask id="t" />') }]))
      .rejects.toThrow("element 't': a service task needs zeebe:taskDefinition with a type");
    await expect(engine.deploy([{ name: 'bad.bpmn', content: '<not-bpmn' }])).rejects.toThrow(/not valid BPMN XML/);
  });

  it('keeps instances, jobs and messages in its PGlite folder across a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'konstruktor-engine-'));
    try {
      engine = await createEmbeddedEngine({ dataDir });
      await engine.deploy([{ name: 'order.bpmn', content: reference }]);
      const { instanceKey } = await engine.createInstance({ processId: 'order', variables: { orderId: 'B-7', amount: 3 } });
      await engine.publishMessage({ name: 'paid', correlationKey: 'B-7', timeToLive: 60_000, variables: { early: true } });
      await engine.close();

      engine = await createEmbeddedEngine({ dataDir });
      const [job] = await engine.activateJobs({ type: 'check', worker: 'w', maxJobs: 1, timeout: 1000 });
      expect(job).toMatchObject({ instanceKey, variables: { orderId: 'B-7' } });
      await engine.completeJob(job!.key, { amount: 20 });
      const [task] = await engine.userTasks({ instanceKey, state: 'CREATED' });
      await engine.completeUserTask(task!.key);
      // The buffered message was kept too: the catch event takes it at once.
      expect(await engine.instance(instanceKey)).toMatchObject({ state: 'COMPLETED' });
      expect((await engine.variables(instanceKey)).find((v) => v.name === 'early')?.value).toBe(true);
    } finally {
      await engine.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    // Two PGlite starts, the first with its initdb: half a minute each when the shared machine is loaded.
  }, 240_000);
});
