/**
 * ZeebeEngine against a real cluster. Runs only when ZEEBE_REST_ADDRESS names one (a licensed
 * Camunda 8 cluster; CI never downloads the broker). History is eventually consistent, so checks
 * on it poll.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError, type Job } from '../../src/contract.js';
import { ZeebeEngine, zeebeOptionsFromEnv } from '../../src/zeebe/index.js';

const enabled = Boolean(process.env.ZEEBE_REST_ADDRESS);
const run = randomUUID().slice(0, 8); // process ids and message names unique per run: the broker outlives test runs
const UNKNOWN_KEY = '2251800813685247'; // a key of partition 1 that was never handed out

/** Retries `check` until it stops throwing (history lags the commands by the exporter's flush). */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function bpmn(id: string, body: string): { name: string; content: string } {
  return {
    name: `${id}.bpmn`,
    content: `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  id="defs-${id}" targetNamespace="https://konstruktor.example/test">
  <bpmn:process id="${id}" isExecutable="true">${body}
  </bpmn:process>
  <bpmn:error id="err-${id}" errorCode="REJECTED"/>
  <bpmn:message id="msg-${id}" name="paid-${run}"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>
</bpmn:definitions>`,
  };
}

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;
const service = (id: string, type: string, extra = '') =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"/>${extra}</bpmn:extensionElements></bpmn:serviceTask>`;

const ORDER = `order-${run}`;        // service task, then a user task
const WAIT = `wait-${run}`;          // message catch, then a one-hour timer
const ERRORS = `errors-${run}`;      // service task with an error boundary event
const PARENT = `parent-${run}`;      // call activity starting ORDER

const RESOURCES = [
  bpmn(ORDER, `
    <bpmn:startEvent id="start"/>${flow('f1', 'start', 'reserve')}
    ${service('reserve', `reserve-${run}`, '<zeebe:taskHeaders><zeebe:header key="channel" value="portal"/></zeebe:taskHeaders>')}${flow('f2', 'reserve', 'review')}
    <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="clerks"/></bpmn:extensionElements></bpmn:userTask>
    ${flow('f3', 'review', 'done')}<bpmn:endEvent id="done"/>`),
  bpmn(WAIT, `
    <bpmn:startEvent id="start"/>${flow('f1', 'start', 'waitPaid')}
    <bpmn:intermediateCatchEvent id="waitPaid"><bpmn:messageEventDefinition messageRef="msg-${WAIT}"/></bpmn:intermediateCatchEvent>
    ${flow('f2', 'waitPaid', 'cooldown')}
    <bpmn:intermediateCatchEvent id="cooldown"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    ${flow('f3', 'cooldown', 'done')}<bpmn:endEvent id="done"/>`),
  bpmn(ERRORS, `
    <bpmn:startEvent id="start"/>${flow('f1', 'start', 'check')}
    ${service('check', `check-${run}`)}${flow('f2', 'check', 'ok')}<bpmn:endEvent id="ok"/>
    <bpmn:boundaryEvent id="rejected" attachedToRef="check"><bpmn:outgoing>f3</bpmn:outgoing><bpmn:errorEventDefinition errorRef="err-${ERRORS}"/></bpmn:boundaryEvent>
    ${flow('f3', 'rejected', 'refused')}<bpmn:endEvent id="refused"/>`),
  bpmn(PARENT, `
    <bpmn:startEvent id="start"/>${flow('f1', 'start', 'callOrder')}
    <bpmn:callActivity id="callOrder"><bpmn:extensionElements><zeebe:calledElement processId="${ORDER}" propagateAllChildVariables="false"/></bpmn:extensionElements></bpmn:callActivity>
    ${flow('f2', 'callOrder', 'done')}<bpmn:endEvent id="done"/>`),
];

describe.skipIf(!enabled)('ZeebeEngine on a real broker', () => {
  let engine: ZeebeEngine;

  /** Activates the job of `type` that belongs to `instanceKey` (jobs of other runs are left alone). */
  async function jobOf(type: string, instanceKey: string): Promise<Job> {
    return eventually(async () => {
      const jobs = await engine.activateJobs({ type, worker: 'test', maxJobs: 10, timeout: 30_000 });
      const job = jobs.find((j) => j.instanceKey === instanceKey);
      if (!job) throw new Error(`no ${type} job for instance ${instanceKey}`);
      return job;
    });
  }

  beforeAll(async () => {
    engine = new ZeebeEngine(zeebeOptionsFromEnv());
    const deployment = await engine.deploy(RESOURCES);
    expect(deployment.processes.map((p) => p.processId).sort()).toEqual([ERRORS, ORDER, PARENT, WAIT].sort());
  });
  afterAll(async () => engine?.close());

  it('deploys a new version only when the content changes', async () => {
    const again = await engine.deploy([RESOURCES[0]!]);
    expect(again.processes[0]).toMatchObject({ processId: ORDER, version: 1, resourceName: `${ORDER}.bpmn` });
  });

  it('runs a service task and a user task; history shows elements, variables and the task', async () => {
    const ref = await engine.createInstance({ processId: ORDER, variables: { orderId: 'A-1', amount: 10 } });
    expect(ref).toMatchObject({ processId: ORDER, version: 1 });

    const job = await jobOf(`reserve-${run}`, ref.instanceKey);
    expect(job).toMatchObject({ elementId: 'reserve', processId: ORDER, retries: 3, customHeaders: { channel: 'portal' } });
    expect(job.variables).toEqual({ orderId: 'A-1', amount: 10 });
    await engine.completeJob(job.key, { reserved: true });

    const [task] = await eventually(async () => {
      const tasks = await engine.userTasks({ instanceKey: ref.instanceKey, state: 'CREATED' });
      expect(tasks).toHaveLength(1);
      return tasks;
    });
    expect(task).toMatchObject({ elementId: 'review', processId: ORDER, assignee: null, candidateGroups: ['clerks'] });
    expect(await engine.userTasks({ candidateGroup: 'clerks', instanceKey: ref.instanceKey })).toHaveLength(1);

    await engine.assignUserTask(task!.key, 'official-1');
    await eventually(async () => expect((await engine.userTasks({ instanceKey: ref.instanceKey }))[0]?.assignee).toBe('official-1'));
    await engine.assignUserTask(task!.key, null);
    await eventually(async () => expect((await engine.userTasks({ instanceKey: ref.instanceKey }))[0]?.assignee).toBeNull());

    await engine.completeUserTask(task!.key, { approved: true });
    await eventually(async () => expect(await engine.instance(ref.instanceKey)).toMatchObject({ state: 'COMPLETED', processId: ORDER }));

    const elements = await engine.elementInstances(ref.instanceKey);
    const completed = elements.filter((e) => e.state === 'COMPLETED').map((e) => e.elementId);
    expect(completed).toEqual(expect.arrayContaining(['start', 'reserve', 'review', 'done']));
    expect(elements.find((e) => e.elementId === 'reserve')).toMatchObject({ type: 'SERVICE_TASK', instanceKey: ref.instanceKey });

    const variables = Object.fromEntries((await engine.variables(ref.instanceKey, ref.instanceKey)).map((v) => [v.name, v.value]));
    expect(variables).toEqual({ orderId: 'A-1', amount: 10, reserved: true, approved: true });
    expect((await engine.userTasks({ instanceKey: ref.instanceKey }))[0]?.state).toBe('COMPLETED');
  });

  it('correlates a buffered message and fires a timer when the clock is advanced', async () => {
    const orderId = `B-${run}`;
    await engine.publishMessage({ name: `paid-${run}`, correlationKey: orderId, variables: { paidAmount: 10 }, timeToLive: 60_000, messageId: orderId });
    await expect(engine.publishMessage({ name: `paid-${run}`, correlationKey: orderId, timeToLive: 60_000, messageId: orderId }))
      .rejects.toMatchObject({ code: 'ALREADY_EXISTS' });

    const ref = await engine.createInstance({ processId: WAIT, variables: { orderId } });
    await eventually(async () => {
      const active = (await engine.elementInstances(ref.instanceKey)).filter((e) => e.state === 'ACTIVE').map((e) => e.elementId);
      expect(active).toContain('cooldown');
    });
    expect(await engine.variables(ref.instanceKey, ref.instanceKey)).toContainEqual({ name: 'paidAmount', value: 10, scopeKey: ref.instanceKey });

    await engine.advanceTime(2 * 60 * 60 * 1000);
    await eventually(async () => expect(await engine.instance(ref.instanceKey)).toMatchObject({ state: 'COMPLETED' }));
  });

  it('raises an incident when retries run out and resolves it after retries are given back', async () => {
    const ref = await engine.createInstance({ processId: ERRORS, variables: {} });
    const job = await jobOf(`check-${run}`, ref.instanceKey);
    await engine.failJob(job.key, { retries: 0, errorMessage: 'register down' });

    const [incident] = await eventually(async () => {
      const open = await engine.incidents({ instanceKey: ref.instanceKey, state: 'ACTIVE' });
      expect(open).toHaveLength(1);
      return open;
    });
    expect(incident).toMatchObject({ elementId: 'check', errorType: 'JOB_NO_RETRIES', errorMessage: 'register down', jobKey: job.key });

    await engine.updateJobRetries(job.key, 1);
    await engine.resolveIncident(incident!.key);
    await eventually(async () => expect(await engine.incidents({ instanceKey: ref.instanceKey, state: 'ACTIVE' })).toEqual([]));

    // The job is back; throwing a BPMN error takes the boundary path.
    const again = await jobOf(`check-${run}`, ref.instanceKey);
    await engine.throwError(again.key, { errorCode: 'REJECTED', errorMessage: 'not eligible', variables: { reason: 'age' } });
    await eventually(async () => {
      expect(await engine.instance(ref.instanceKey)).toMatchObject({ state: 'COMPLETED' });
      const completed = (await engine.elementInstances(ref.instanceKey)).filter((e) => e.state === 'COMPLETED').map((e) => e.elementId);
      expect(completed).toEqual(expect.arrayContaining(['rejected', 'refused']));
      expect(completed).not.toContain('ok');
    });
  });

  it('sets variables, lists child instances of a call activity and cancels', async () => {
    const parent = await engine.createInstance({ processId: PARENT, variables: { orderId: 'C-1' } });
    const child = await eventually(async () => {
      const children = await engine.childInstances(parent.instanceKey);
      expect(children).toHaveLength(1);
      return children[0]!;
    });
    expect(child).toMatchObject({ processId: ORDER, state: 'ACTIVE', parentInstanceKey: parent.instanceKey });
    expect(child.parentElementInstanceKey).not.toBeNull();

    await engine.setVariables(parent.instanceKey, { note: 'urgent' });
    await eventually(async () => expect(await engine.variables(parent.instanceKey)).toContainEqual({ name: 'note', value: 'urgent', scopeKey: parent.instanceKey }));

    await engine.cancelInstance(parent.instanceKey);
    await eventually(async () => {
      expect(await engine.instance(parent.instanceKey)).toMatchObject({ state: 'TERMINATED' });
      expect(await engine.instance(child.instanceKey)).toMatchObject({ state: 'TERMINATED' });
    });
  });

  it('refuses bad commands with the broker message', async () => {
    const refused = await engine.createInstance({ processId: `missing-${run}` }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EngineError);
    expect(refused).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(`missing-${run}`) });
    await expect(engine.completeJob(UNKNOWN_KEY)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('job') });
    await expect(engine.deploy([{ name: 'broken.bpmn', content: '<not-bpmn' }])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await engine.instance(UNKNOWN_KEY)).toBeNull();
  });
});
