/**
 * Two runtime replicas on one PostgreSQL, sharing one engine service that both reach over the
 * Camunda 8 REST API (the shape of a scale-out): a change made through one reaches a browser
 * stream held by the other, each replica's projections follow the engine's feed over REST, and
 * each outbox command reaches the engine once, whichever replica's dispatcher takes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateInstanceRequest, EngineAdapter } from '@konstruktor/engine-adapter';
import { loadConfig } from '../src/config.js';
import { createLogger, startRuntime, type Runtime } from '../src/runtime.js';
import { ApiClient } from './support/api-client.js';
import { engineServiceConfigFromEnv, startEngineService, ZeebeEngine, type EngineService } from '@konstruktor/engine-adapter';
import { seedDemo } from '../src/demo/seed.js';
import { publishProcessService, TEST_PASSWORD, type TestRuntime } from './support/harness.js';
import { createTestDatabase } from './support/test-database.js';
import { eventually } from './support/eventually.js';

const BPMN = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'permit-process.bpmn'), 'utf8');

describe.skipIf(!process.env.DATABASE_URL)('two runtime replicas on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: EngineService;
  let engine: EngineAdapter;
  let a: Runtime;
  let b: Runtime;
  const created = new Map<string, number>();
  const code = `replicas-${process.pid}`;
  const processId = `replicas-permit-${process.pid}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    service = await startEngineService(engineServiceConfigFromEnv({ DATABASE_URL: database.url!, PORT: '0', ENGINE_BASIC_AUTH: 'runtime:a-long-test-password' }));
    await service.leading;
    engine = new ZeebeEngine({ restAddress: service.url, basic: { username: 'runtime', password: 'a-long-test-password' } });
    // Every create that reaches the shared engine, by business key.
    const counting: EngineAdapter = new Proxy(engine, {
      get(target, property, receiver) {
        if (property === 'createInstance') {
          return (request: CreateInstanceRequest) => {
            if (request.businessKey) created.set(request.businessKey, (created.get(request.businessKey) ?? 0) + 1);
            return target.createInstance(request);
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const config = { ...loadConfig({ PORT: '0', DATA_DIR: 'memory', LOG_LEVEL: 'warn', EXAMPLES_DIR: 'none', CONNECTORS: 'external' }), databaseUrl: database.url };
    const replica = () => startRuntime(config, { engine: counting, logger: createLogger(config, new Writable({ write(_c, _e, done) { done(); } })), env: { CONNECTORS: 'external' } });
    a = await replica();
    b = await replica();
    await seedDemo(a.database.dataSource, TEST_PASSWORD);
    await publishProcessService({ as: (username: string) => new ApiClient(a.url).login(username, TEST_PASSWORD) } as TestRuntime, { code, processId, bpmn: BPMN.replaceAll('test-permit', processId) });
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await engine?.close();
    await service?.close();
    await database?.drop();
  });

  const citizenOn = async (runtime: Runtime) => {
    const client = await new ApiClient(runtime.url).login('citizen', TEST_PASSWORD);
    const { terms } = (await client.get('/api/me')).body as { terms: { currentVersion: number | null; accepted: boolean } };
    if (terms.currentVersion !== null && !terms.accepted) await client.post(`/api/me/terms/${terms.currentVersion}/accept`);
    return client;
  };

  it('tells a browser on one replica of an order made through the other', async () => {
    const onB = await citizenOn(b);
    const onA = await citizenOn(a);
    const source = onB.eventSource();
    const seen: string[] = [];
    source.addEventListener('application', (message) => { seen.push(JSON.parse(message.data as string).applicationId as string); });
    await new Promise<void>((resolve) => { source.onopen = () => resolve(); });
    const order = await onA.post('/api/applications', { service: code, data: { place: 'A' } });
    expect(order.status).toBe(201);
    await eventually(async () => seen.includes(order.body.id), 'the event on replica B');
    source.close();
  });

  it('sends each command to the engine once, with both replicas dispatching', async () => {
    const onA = await citizenOn(a);
    const onB = await citizenOn(b);
    const orders = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? onA : onB).post('/api/applications', { service: code, data: { place: `order ${i}` } })));
    expect(orders.every((o) => o.status === 201)).toBe(true);
    const keys = orders.map((o) => `application:${o.body.id as string}`);
    await eventually(async () => keys.every((key) => created.has(key)), 'every order to reach the engine', 60_000);
    expect(keys.map((key) => created.get(key))).toEqual(keys.map(() => 1));
    // Both replicas project the engine's records; each order is put in progress once.
    await eventually(async () => {
      const [{ m }] = (await a.database.dataSource.query(`SELECT count(*)::int AS m FROM application_event WHERE kind = 'process-started' AND application_id = ANY($1::uuid[])`, [orders.map((o) => o.body.id)])) as [{ m: number }];
      return m === orders.length;
    }, 'every order in progress, once');
  });
});
