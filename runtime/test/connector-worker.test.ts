/**
 * `npm run connectors -- worker` as a process of its own doing a runtime's connector jobs: the
 * scale-out shape (a runtime with CONNECTORS=external, workers beside it on the same PostgreSQL
 * and engine). Needs a PostgreSQL server and an engine over the Camunda 8 REST API (ENGINE=zeebe:
 * our engine service in CI's runtime-over-rest stage, or a licensed cluster), so it is skipped elsewhere.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxConnector, serviceTaskBpmn } from '@konstruktor/connectors';
import { citizen, publishProcessService, startTestRuntime, type TestRuntime } from './support/harness.js';
import { eventually } from './support/eventually.js';

const enabled = process.env.ENGINE === 'zeebe' && Boolean(process.env.DATABASE_URL);

describe.skipIf(!enabled)('the standalone connector worker on an engine over REST', () => {
  let t: TestRuntime;
  let worker: ChildProcess;
  let output = '';
  const suffix = `${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    t = await startTestRuntime({}, { CONNECTORS: 'external' });
    worker = spawn('npm', ['run', '--silent', 'connectors', '--', 'worker'], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, ENGINE: 'zeebe', LOG_LEVEL: 'info' },
      detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout!.on('data', (chunk) => { output += String(chunk); });
    worker.stderr!.on('data', (chunk) => { output += String(chunk); });
    await eventually(async () => output.includes('connector worker started') || (worker.exitCode !== null && Promise.reject(new Error(`the worker ended: ${output}`))), 'the worker to start', 120_000);
  }, 180_000);

  afterAll(async () => {
    // npm does not pass signals on: end the whole group, then wait for the worker itself.
    if (worker?.exitCode === null) {
      const ended = new Promise((resolve) => worker.once('exit', resolve));
      process.kill(-worker.pid!, 'SIGTERM');
      await ended;
    }
    await t?.close();
  });

  it('runs the connector jobs of a runtime that hosts none: the order puts a message in the citizen\'s inbox', async () => {
    const processId = `worker-notify-${suffix}`;
    const code = `worker-notify-${suffix}`.slice(0, 60);
    const bpmn = serviceTaskBpmn({
      processId, type: inboxConnector.id, headers: { resultVariable: 'notified' },
      inputs: {
        recipientPersonalCode: '=applicant.personalCode', locale: '="en"', template: 'application-received',
        data: '={ applicantName: applicant.name, serviceName: "Street trading permit", applicationId: applicationId, agencyName: "Kaunas city" }',
      },
    });
    await publishProcessService(t, { code, processId, bpmn, title: 'Notified permit' });

    const jonas = await citizen(t);
    const order = await jonas.post('/api/applications', { service: code, data: {} });
    expect(order.status).toBe(201);
    const message = await eventually(async () => (await jonas.get('/api/me/messages')).body.items.find((m: { applicationId: string }) => m.applicationId === order.body.id), 'the inbox message', 60_000);
    expect(message.body).toContain('Jonas Jonaitis');
    await eventually(async () => (await jonas.get(`/api/applications/${order.body.id}`)).body.status === 'completed', 'the application completed', 60_000);
    // The worker process did the job; the runtime itself hosts no connector.
    expect(output).toMatch(/job completed/);
    expect(t.logs.join('')).not.toMatch(/job completed/);
  }, 120_000);
});
