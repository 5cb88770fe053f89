import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, type EngineAdapter } from '@konstruktor/engine-adapter';
import {
  ConnectorError, defineConnector, durationMs, memoryPlatformServices, runConnectors, serviceTaskBpmn, waitFor,
  type ConnectorLogger, type ConnectorWorkerHandle, type RunConnectorsOptions, type ServiceTaskProcessOptions,
} from '../src/index.js';

let engine: EngineAdapter;
let worker: ConnectorWorkerHandle | undefined;
let logLines: string[];

const capture: ConnectorLogger = Object.fromEntries(['debug', 'info', 'warn', 'error'].map((level) => [level, (message: string, details?: Record<string, unknown>) => {
  logLines.push(JSON.stringify({ level, message, ...details }));
}])) as unknown as ConnectorLogger;

beforeEach(async () => {
  engine = await createEmbeddedEngine();
  logLines = [];
});
afterEach(async () => {
  await worker?.close();
  worker = undefined;
  await engine.close();
});

function start(connectors: RunConnectorsOptions['connectors'], extra: Partial<RunConnectorsOptions> = {}) {
  worker = runConnectors({
    engine, connectors, services: memoryPlatformServices(engine), logger: capture,
    pollIntervalMs: { min: 10, max: 50 }, retryBackOffMs: { initial: 100, max: 1_000 }, ...extra,
  });
}

async function runProcess(options: Omit<ServiceTaskProcessOptions, 'processId'>, variables: Record<string, unknown> = {}) {
  const processId = `p${Math.random().toString(36).slice(2, 8)}`;
  await engine.deploy([{ name: `${processId}.bpmn`, content: serviceTaskBpmn({ processId, ...options }) }]);
  const { instanceKey } = await engine.createInstance({ processId, variables });
  return instanceKey;
}

const completed = (instanceKey: string) => waitFor(async () => (await engine.instance(instanceKey))?.state === 'COMPLETED', 10_000, 'instance completed');
const activeIncident = (instanceKey: string) => waitFor(async () => (await engine.incidents({ instanceKey, state: 'ACTIVE' }))[0], 10_000, 'an incident');
const variable = async (instanceKey: string, name: string) => (await engine.variables(instanceKey)).find((v) => v.name === name && v.scopeKey === instanceKey)?.value;
const passed = async (instanceKey: string, elementId: string) => (await engine.elementInstances(instanceKey)).some((e) => e.elementId === elementId && e.state === 'COMPLETED');

const greet = defineConnector<{ name: string; times?: number }, { greeting: string }>({
  id: 'konstruktor:test:greet', version: 1, title: 'Greet',
  inputSchema: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, times: { type: 'integer', minimum: 1, default: 1 } } },
  outputSchema: { type: 'object', properties: { greeting: { type: 'string' } } },
  async handler(input) {
    return { greeting: Array.from({ length: input.times ?? 1 }, () => `Labas, ${input.name}`).join(' ') };
  },
});

describe('connector worker on the embedded engine', () => {
  it('runs the handler with values the engine evaluated from FEEL inputs and stores the result variable', async () => {
    start([greet]);
    const instanceKey = await runProcess({ type: greet.id, inputs: { name: '=applicant.firstName', times: '=2' }, headers: { resultVariable: 'hello' } }, { applicant: { firstName: 'Jonas' } });
    await completed(instanceKey);
    expect(await variable(instanceKey, 'hello')).toEqual({ greeting: 'Labas, Jonas Labas, Jonas' });
  });

  it('builds process variables with a result expression', async () => {
    start([greet]);
    const instanceKey = await runProcess({ type: greet.id, inputs: { name: '="Ona"' }, headers: { resultExpression: '={ message: upper case(greeting) }' } });
    await completed(instanceKey);
    expect(await variable(instanceKey, 'message')).toBe('LABAS, ONA');
    expect(await variable(instanceKey, 'greeting')).toBeUndefined();
  });

  it('turns invalid input into an incident naming the field, without calling the handler or retrying', async () => {
    let called = 0;
    start([{ ...greet, handler: async () => { called++; return { greeting: '' }; } }]);
    const instanceKey = await runProcess({ type: greet.id, inputs: { times: '=0' } });
    const incident = await activeIncident(instanceKey);
    expect(incident.errorType).toBe('JOB_NO_RETRIES');
    expect(incident.errorMessage).toContain('input.name: is required');
    expect(incident.errorMessage).toContain('input.times: must be >= 1');
    expect(called).toBe(0);
  });

  it('maps a ConnectorError to a BPMN error that the boundary event catches', async () => {
    const refuse = defineConnector({
      ...greet, id: 'konstruktor:test:refuse',
      handler: async () => { throw new ConnectorError('NOT_ELIGIBLE', 'the applicant is under 18', { age: 17 }); },
    });
    start([refuse]);
    const instanceKey = await runProcess({ type: refuse.id, inputs: { name: '="Ona"' }, catchErrorCode: 'NOT_ELIGIBLE' });
    await completed(instanceKey);
    expect(await passed(instanceKey, 'errorEnd')).toBe(true);
    expect(await passed(instanceKey, 'done')).toBe(false);
    expect(await variable(instanceKey, 'caughtErrorCode')).toBe('NOT_ELIGIBLE');
  });

  it('maps any error to a BPMN error through the task\'s error expression', async () => {
    const missing = defineConnector({
      ...greet, id: 'konstruktor:test:missing',
      handler: async () => { throw Object.assign(new Error('person not found'), { code: '404' }); },
    });
    start([missing]);
    const instanceKey = await runProcess({
      type: missing.id, inputs: { name: '="Ona"' }, catchErrorCode: 'NOT_FOUND',
      headers: { errorExpression: '=if error.code = "404" then bpmnError("NOT_FOUND", error.message) else null' },
    });
    await completed(instanceKey);
    expect(await passed(instanceKey, 'errorEnd')).toBe(true);
  });

  it('retries a failing job with growing back-off, raises an incident when retries run out, and completes after the incident is resolved', async () => {
    const attempts: { at: number; key: string }[] = [];
    let healthy = false;
    const flaky = defineConnector({
      ...greet, id: 'konstruktor:test:flaky', retries: 3,
      async handler(input, context) {
        attempts.push({ at: Date.now(), key: context.idempotencyKey });
        if (!healthy) throw new Error('register unavailable');
        return { greeting: `Labas, ${input.name}` };
      },
    });
    start([flaky]);
    const instanceKey = await runProcess({ type: flaky.id, inputs: { name: '="Ona"' }, retries: 3, headers: { resultVariable: 'hello' } });
    const incident = await activeIncident(instanceKey);
    expect(incident.errorMessage).toBe('register unavailable');
    expect(attempts).toHaveLength(3);
    const gaps = attempts.slice(1).map((attempt, index) => attempt.at - attempts[index]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(100);
    expect(gaps[1]).toBeGreaterThanOrEqual(200);
    expect(new Set(attempts.map((attempt) => attempt.key)).size).toBe(1);

    healthy = true;
    await engine.updateJobRetries(incident.jobKey!, 1);
    await engine.resolveIncident(incident.key);
    worker!.wake();
    await completed(instanceKey);
    expect(await variable(instanceKey, 'hello')).toEqual({ greeting: 'Labas, Ona' });
    expect(new Set(attempts.map((attempt) => attempt.key)).size).toBe(1);
  });

  it('waits the task\'s retryBackoff header between attempts when the template sets one', async () => {
    const attempts: number[] = [];
    const failing = defineConnector({ ...greet, id: 'konstruktor:test:failing', handler: async () => { attempts.push(Date.now()); throw new Error('down'); } });
    start([failing]);
    const instanceKey = await runProcess({ type: failing.id, inputs: { name: '="Ona"' }, retries: 2, headers: { retryBackoff: 'PT0.4S' } });
    await activeIncident(instanceKey);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(400);
    expect([durationMs('PT30S'), durationMs('PT1M30S'), durationMs('P1D'), durationMs('30s'), durationMs('PT')]).toEqual([30_000, 90_000, 86_400_000, undefined, undefined]);
  });

  it('aborts a handler at its timeout and fails the job', async () => {
    let aborted = false;
    const slow = defineConnector({
      ...greet, id: 'konstruktor:test:slow', timeoutMs: 150,
      handler: (_input, context) => new Promise((_resolve, reject) => {
        context.signal.addEventListener('abort', () => { aborted = true; reject(new Error('aborted')); });
      }),
    });
    start([slow]);
    const startedAt = Date.now();
    const instanceKey = await runProcess({ type: slow.id, inputs: { name: '="Ona"' }, retries: 1 });
    const incident = await activeIncident(instanceKey);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(150);
    expect(incident.errorMessage).toBe('timed out after 150 ms');
    expect(aborted).toBe(true);
  });

  it('keeps polling, backing off, while the engine is unavailable, and picks the job up once it answers', async () => {
    let refusals = 3;
    const flakyEngine = new Proxy(engine, {
      get(target, property, receiver) {
        if (property === 'activateJobs' && refusals > 0) return async () => { refusals--; throw new Error('engine unavailable'); };
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const instanceKey = await runProcess({ type: greet.id, inputs: { name: '="Ona"' }, headers: { resultVariable: 'hello' } });
    start([greet], { engine: flakyEngine });
    await completed(instanceKey);
    expect(refusals).toBe(0);
    expect(logLines.filter((line) => line.includes('polling the engine failed'))).toHaveLength(3);
  });

  it('gives different jobs different idempotency keys', async () => {
    const keys: string[] = [];
    start([{ ...greet, handler: async (_input: unknown, context: { idempotencyKey: string }) => { keys.push(context.idempotencyKey); return { greeting: '' }; } }]);
    await completed(await runProcess({ type: greet.id, inputs: { name: '="A"' } }));
    await completed(await runProcess({ type: greet.id, inputs: { name: '="B"' } }));
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('keeps secret values out of the logs and the engine, whether named by the definition or referenced as {{secrets.NAME}} in an input', async () => {
    const apiKey = 'sk-live-7f3a9c2e51b04d8e';
    const password = 'Correct-Horse-Battery-42';
    let received: { secrets: Record<string, string>; password: string } | undefined;
    const leaky = defineConnector<{ user: string; password: string }, Record<string, never>>({
      id: 'konstruktor:test:leaky', version: 1, title: 'Leaky', secrets: ['REGISTER_API_KEY'], retries: 1,
      inputSchema: { type: 'object', properties: { user: { type: 'string' }, password: { type: 'string' } } },
      outputSchema: { type: 'object' },
      async handler(input, context) {
        received = { secrets: context.secrets, password: input.password };
        context.logger.info(`calling the register with ${context.secrets.REGISTER_API_KEY}`, {
          headers: { 'x-api-key': context.secrets.REGISTER_API_KEY, Authorization: `Basic ${input.password}` },
          login: { user: input.user, password: input.password },
          note: `password was ${input.password}`,
        });
        throw new Error(`login failed for ${input.user} with ${input.password} and key ${context.secrets.REGISTER_API_KEY}`);
      },
    });
    start([leaky], { secrets: { REGISTER_API_KEY: apiKey, REGISTER_PASSWORD: password } });
    const instanceKey = await runProcess({ type: leaky.id, retries: 1, inputs: { user: '="jonas"', password: '="{{secrets.REGISTER_PASSWORD}}"' } });
    const incident = await activeIncident(instanceKey);
    expect(received).toEqual({ secrets: { REGISTER_API_KEY: apiKey }, password });
    const logs = logLines.join('\n');
    expect(logs).toContain('calling the register with [redacted]');
    expect(logs).toContain('jonas');
    for (const secret of [apiKey, password]) {
      expect(logs).not.toContain(secret);
      expect(incident.errorMessage).not.toContain(secret);
    }
    expect(incident.errorMessage).toBe('login failed for jonas with [redacted] and key [redacted]');
  });

  it('fails with a message naming the field when an input refers to a secret that is not configured', async () => {
    start([greet], { secrets: {} });
    const instanceKey = await runProcess({ type: greet.id, inputs: { name: '="{{secrets.NOPE}}"' } });
    expect((await activeIncident(instanceKey)).errorMessage).toBe('input.name: secret NOPE is not configured');
  });

  it('close() waits for the job in hand and stops polling', async () => {
    let finished = false;
    const slowish = defineConnector({ ...greet, id: 'konstruktor:test:slowish', handler: async () => { await new Promise((r) => setTimeout(r, 200)); finished = true; return { greeting: 'x' }; } });
    start([slowish]);
    const instanceKey = await runProcess({ type: slowish.id, inputs: { name: '="A"' } });
    await waitFor(() => logLines.length > 0 || (engine.elementInstances(instanceKey).then((e) => e.some((x) => x.elementId === 'task')) as Promise<boolean>));
    await new Promise((r) => setTimeout(r, 50));
    await worker!.close();
    expect(finished).toBe(true);
    await completed(instanceKey);
    const second = await runProcess({ type: slowish.id, inputs: { name: '="B"' } });
    await new Promise((r) => setTimeout(r, 150));
    expect((await engine.instance(second))?.state).toBe('ACTIVE');
  });
});

describe('defineConnector', () => {
  it('refuses a definition with a message naming the wrong field', () => {
    expect(() => defineConnector({ ...greet, id: 'Greet Me' })).toThrow(/id must look like konstruktor:<area>:<name>/);
    expect(() => defineConnector({ ...greet, inputSchema: { type: 'string' } })).toThrow(/inputSchema must be a JSON Schema of type "object"/);
    expect(() => defineConnector({ ...greet, inputSchema: { type: 'object', properties: { a: { type: 'strin' } } } })).toThrow(/inputSchema is not a valid JSON Schema/);
    expect(() => defineConnector({ ...greet, retries: -1 })).toThrow(/retries must be a non-negative integer/);
  });
});
