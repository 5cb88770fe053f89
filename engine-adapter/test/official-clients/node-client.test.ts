/**
 * The official Node client (@camunda8/orchestration-cluster-api) against our engine service,
 * as an agency's developer would use it: deploy, start instances, a job worker that completes
 * some jobs and throws a BPMN error for others, a user task completed, an incident from a
 * failing job resolved. The client validates every answer against its schemas of the API.
 */
import { File } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createCamundaClient, ProcessInstanceKey, type CamundaClient } from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { engineServiceConfigFromEnv, startEngineService, type EngineService } from '../../src/service/index.js';


/** Search answers what the engine holds now; the checks poll where they wait for something. */
const NOW = { consistency: { waitUpToMs: 0 } };

/** The process the Java client check runs too. */
const REFERENCE_PROCESS = readFileSync(new URL('./client-check.bpmn', import.meta.url), 'utf8');
const REFERENCE_PROCESS_ID = 'client-check';

let service: EngineService;
let client: CamundaClient;

beforeAll(async () => {
  service = await startEngineService(engineServiceConfigFromEnv({ ENGINE_BASIC_AUTH: 'agency-it:a-long-test-password', PORT: '0', DATA_DIR: 'memory' }));
  await service.leading;
  client = createCamundaClient({
    config: {
      CAMUNDA_REST_ADDRESS: service.url, CAMUNDA_AUTH_STRATEGY: 'BASIC', CAMUNDA_BASIC_AUTH_USERNAME: 'agency-it',
      CAMUNDA_BASIC_AUTH_PASSWORD: 'a-long-test-password', CAMUNDA_SDK_VALIDATION: 'strict', CAMUNDA_SDK_LOG_LEVEL: 'error',
    },
    env: {},
  });
});

afterAll(async () => {
  await service?.close();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it('works jobs with a job worker, throws a BPMN error, completes a user task', async () => {
  const deployment = await client.createDeployment({ resources: [new File([REFERENCE_PROCESS], 'client-check.bpmn')] as never });
  expect(deployment.processes[0]).toMatchObject({ processDefinitionId: REFERENCE_PROCESS_ID, processDefinitionVersion: 1 });

  const amounts = [10, 20, 500, 30, 900];
  const started = await Promise.all(amounts.map((amount) => client.createProcessInstance({ processDefinitionId: REFERENCE_PROCESS_ID as never, variables: { amount } })));

  const worked: number[] = [];
  const worker = client.createJobWorker({
    jobType: 'charge', maxParallelJobs: 4, jobTimeoutMs: 30_000, pollIntervalMs: 50, validateSchemas: false,
    jobHandler: async (job) => {
      const amount = (job.variables as { amount: number }).amount;
      worked.push(amount);
      if (amount > 100) return job.error({ errorCode: 'REJECTED', errorMessage: 'over the limit' });
      return job.complete({ variables: { charged: amount } });
    },
  });
  try {
    const keys = started.map((s) => ProcessInstanceKey.assumeExists(String(s.processInstanceKey)));
    const completed = await until(
      () => client.searchProcessInstances({ filter: { processDefinitionId: REFERENCE_PROCESS_ID as never, state: 'COMPLETED' as never } }, NOW),
      (r) => (r.items?.length ?? 0) >= 3,
    );
    expect(completed.items?.map((i) => String(i.processInstanceKey)).sort()).toEqual([keys[0], keys[1], keys[3]].map(String).sort());

    const tasks = await until(() => client.searchUserTasks({ filter: { elementId: 'review' as never, state: 'CREATED' as never } }, NOW), (r) => (r.items?.length ?? 0) >= 2);
    expect(tasks.items).toHaveLength(2);
    expect(tasks.items?.[0]?.candidateGroups).toEqual(['clerks']);
    // Reassigning an assigned task is refused only when the caller asks for that.
    const [first] = tasks.items ?? [];
    await client.assignUserTask({ userTaskKey: first!.userTaskKey, assignee: 'clerk-2', allowOverride: true });
    await expect(client.assignUserTask({ userTaskKey: first!.userTaskKey, assignee: 'clerk-3', allowOverride: false })).rejects.toMatchObject({ status: 409 });
    for (const task of tasks.items ?? []) {
      await client.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'clerk-1', allowOverride: true });
      await client.completeUserTask({ userTaskKey: task.userTaskKey, variables: { approved: false } });
    }
    const all = await until(
      () => client.searchProcessInstances({ filter: { processDefinitionId: REFERENCE_PROCESS_ID as never, state: 'COMPLETED' as never } }, NOW),
      (r) => (r.items?.length ?? 0) === 5,
    );
    expect(all.items).toHaveLength(5);
    expect(worked.sort((a, b) => a - b)).toEqual([...amounts].sort((a, b) => a - b));
  } finally {
    worker.stop();
  }
});

it('raises an incident for a job that fails with no retries left, and resolves it once retries are given back', async () => {
  const started = await client.createProcessInstance({ processDefinitionId: REFERENCE_PROCESS_ID as never, variables: { amount: 1 } });
  const { jobs } = await client.activateJobs({ type: 'charge', maxJobsToActivate: 1, timeout: 30_000, worker: 'failing', requestTimeout: 5_000 });
  expect(jobs).toHaveLength(1);
  await client.failJob({ jobKey: jobs[0]!.jobKey, retries: 0, errorMessage: 'the bank is down' });
  const incidents = await client.searchIncidents({ filter: { processInstanceKey: started.processInstanceKey, state: 'ACTIVE' as never } }, NOW);
  expect(incidents.items).toHaveLength(1);
  expect(incidents.items?.[0]).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: 'the bank is down', jobKey: jobs[0]!.jobKey });

  await client.updateJob({ jobKey: jobs[0]!.jobKey, changeset: { retries: 1 } });
  await client.resolveIncident({ incidentKey: incidents.items![0]!.incidentKey! });
  const again = await client.activateJobs({ type: 'charge', maxJobsToActivate: 1, timeout: 30_000, worker: 'second', requestTimeout: 5_000 });
  expect(again.jobs.map((j) => j.jobKey)).toEqual([jobs[0]!.jobKey]);
  await client.completeJob({ jobKey: again.jobs[0]!.jobKey, variables: {} });
  const instance = await client.getProcessInstance({ processInstanceKey: started.processInstanceKey }, NOW);
  expect(instance).toMatchObject({ state: 'COMPLETED', hasIncident: false });
});
