/**
 * One life of a runtime under load, for bridge-crash.test.ts, which kills it with SIGKILL at
 * random moments. It submits orders (each with its Idempotency-Key, resent after a restart),
 * claims and completes their review tasks, has each order paid at the sandbox bank (webhook and
 * reconciliation racing), until told it is the last life (CRASH_FINAL): then it submits no more,
 * finishes what is in flight, and prints `done <counts>` read from the runtime's database and
 * the engine's own feed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { createLogger, startRuntime } from '../../src/runtime.js';
import { seedDemo } from '../../src/demo/seed.js';
import { ApiClient } from '../support/api-client.js';

const PASSWORD = 'correct horse battery staple';
const SERVICE = 'crash-paid-permit';
const BPMN = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'paid-permit.bpmn'), 'utf8');
const final = process.env.CRASH_FINAL === '1';

const config = loadConfig({
  ...process.env, HOST: '127.0.0.1', PORT: process.env.CRASH_PORT!, PUBLIC_URL: `http://127.0.0.1:${process.env.CRASH_PORT!}`,
  DATA_DIR: process.env.CRASH_DIR!, LOG_LEVEL: 'warn', EXAMPLES_DIR: 'none', CONNECTORS: 'external', SEED_DEMO: 'false',
});
const runtime = await startRuntime(config, { logger: createLogger(config, process.stderr), env: { ...process.env, CONNECTORS: 'external' } });
const db = runtime.database.dataSource;
const rows = async <T>(sql: string, values: unknown[] = []) => (await db.query(sql, values)) as T[];

// Every life seeds, as `npm start` does: a life killed half-way through seeding left some users out.
await seedDemo(db, PASSWORD);
const analyst = await new ApiClient(runtime.url).login('analyst', PASSWORD);
// A life may be killed between the import and the publish: the next one publishes what is still a draft.
if ((await analyst.get(`/api/services/${SERVICE}`)).status !== 200) {
  const card = { code: SERVICE, version: '1.0.0', title: { en: 'Paid permit' }, provider: 'kaunas-city', audience: ['citizens'], price: 'free', interactivityLevel: 4, onlineOrder: true, process: { file: 'process.bpmn', processId: 'paid-permit' } };
  const imported = await analyst.post('/api/service-packages', { files: { 'service.yaml': stringify(card), 'process.bpmn': BPMN } });
  if (imported.status !== 201 && imported.status !== 409) throw new Error(`import: ${JSON.stringify(imported.body)}`);
}
const versions = (await analyst.get(`/api/services/${SERVICE}`)).body.versions as { version: string; state: string }[];
if (!versions.some((v) => v.version === '1.0.0' && v.state === 'published')) {
  const published = await analyst.post(`/api/services/${SERVICE}/versions/1.0.0/publish`);
  if (published.status !== 200) throw new Error(`publish: ${JSON.stringify(published.body)}`);
}
const citizen = await new ApiClient(runtime.url).login('citizen', PASSWORD);
const terms = (await citizen.get('/api/me')).body.terms as { currentVersion: number | null; accepted: boolean };
if (terms.currentVersion !== null && !terms.accepted) await citizen.post(`/api/me/terms/${terms.currentVersion}/accept`);
const official = await new ApiClient(runtime.url).login('official', PASSWORD);
process.stdout.write('ready\n');

/** The next order: its key and body are the same whichever life sends it, so a resend creates nothing. */
async function submitOne(): Promise<void> {
  const [{ n }] = (await rows<{ n: number }>('SELECT count(*)::int AS n FROM application')) as [{ n: number }];
  const key = `order-${n + 1}`;
  const response = await citizen.request('POST', '/api/applications', { service: SERVICE, data: { place: key } }, { headers: { 'idempotency-key': key } });
  if (response.status !== 201) throw new Error(`order ${key}: ${response.status} ${JSON.stringify(response.body)}`);
}

async function workTasks(): Promise<void> {
  const open = (await official.get('/api/tasks?limit=50')).body.items as { id: string; assigneeId: string | null }[];
  for (const task of open) {
    if (!task.assigneeId) await official.post(`/api/tasks/${task.id}/claim`);
    await official.post(`/api/tasks/${task.id}/complete`, { variables: { approved: true } });
  }
}

/** Orders whose review is done get a payment order, paid on the bank's page; the reconciler asks the bank too. */
async function pay(): Promise<void> {
  const due = await rows<{ id: string }>(`SELECT a.id FROM application a JOIN task t ON t.application_id = a.id
      WHERE t.state = 'completed' AND NOT EXISTS (SELECT 1 FROM payment_order p WHERE p.application_id = a.id AND p.status = 'paid') LIMIT 20`);
  for (const { id } of due) {
    const order = await runtime.services.payments.create({ idempotencyKey: `fee-${id}`, applicationId: id, kind: 'postpayment', amountCents: 250, description: 'Permit fee' });
    if (order.redirectUrl && order.status !== 'paid') await fetch(order.redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' });
  }
  await runtime.services.payments.reconcile();
}

async function settled(): Promise<boolean> {
  const [left] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM application WHERE status <> 'completed'`);
  return left!.n === 0 && (await runtime.outbox.pending()) === 0;
}

/** What happened, counted from the engine's feed (every record it ever committed) and the runtime's tables. */
async function counts() {
  const instancesByKey = new Map<string, Set<string>>();
  const completedUserTasks = new Set<string>();
  const paymentCatches = new Map<string, number>();
  let last = '0';
  const [{ position }] = (await rows<{ position: string }>(`SELECT position::text AS position FROM projection_position WHERE name = 'orders'`)) as [{ position: string }];
  if (position !== '0') await new Promise<void>((resolve) => {
    const subscription = runtime.engine.subscribe(null, (batch) => {
      for (const record of batch.records) {
        if (record.valueType === 'PROCESS_INSTANCE' && record.value.businessKey) {
          const set = instancesByKey.get(record.value.businessKey) ?? new Set<string>();
          instancesByKey.set(record.value.businessKey, set.add(record.value.instanceKey));
        }
        if (record.valueType === 'USER_TASK' && record.value.state === 'COMPLETED') completedUserTasks.add(record.value.key);
        if (record.valueType === 'ELEMENT_INSTANCE' && record.value.elementId === 'paid' && record.value.state === 'COMPLETED') {
          paymentCatches.set(record.value.instanceKey, (paymentCatches.get(record.value.instanceKey) ?? 0) + 1);
        }
      }
      last = batch.position;
      if (BigInt(last) >= BigInt(position)) void subscription.close().then(resolve);
    });
  });
  const applications = await rows<{ id: string; status: string; instance: string | null }>('SELECT id, status, process_instance_key AS instance FROM application');
  const known = await Promise.all(applications.map(async (a) => (a.instance ? (await runtime.engine.instance(a.instance))?.state ?? 'MISSING' : 'NONE')));
  const completedTasks = await rows<{ key: string }>(`SELECT engine_key AS key FROM task WHERE state = 'completed'`);
  const paid = await rows<{ application_id: string }>(`SELECT application_id FROM payment_order WHERE status = 'paid'`);
  const commands = await rows<{ kind: string; n: number }>(`SELECT data->>'kind' AS kind, count(*)::int AS n FROM pgboss.job GROUP BY 1`);
  const keyOf = (id: string) => `application:${id}`;
  return {
    orders: applications.length,
    instanceStates: known.reduce<Record<string, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {}),
    feedBatchesRead: last,
    projectionPosition: position,
    ordersCompleted: applications.filter((a) => a.status === 'completed').length,
    ordersWithOneInstance: applications.filter((a) => instancesByKey.get(keyOf(a.id))?.size === 1).length,
    ordersWithoutInstance: applications.filter((a) => !instancesByKey.has(keyOf(a.id))).length,
    businessKeysWithTwoInstances: [...instancesByKey.values()].filter((s) => s.size > 1).length,
    instancesWithoutOrder: [...instancesByKey.keys()].filter((k) => !applications.some((a) => keyOf(a.id) === k)).length,
    tasksCompleted: completedTasks.length,
    tasksCompletedInEngine: completedUserTasks.size,
    tasksCompletedHereNotInEngine: completedTasks.filter((t) => !completedUserTasks.has(t.key)).length,
    paidOrders: paid.length,
    paymentMessagesTaken: [...paymentCatches.values()].reduce((a, b) => a + b, 0),
    instancesPaidTwice: [...paymentCatches.values()].filter((n) => n > 1).length,
    commands: Object.fromEntries(commands.map((c) => [c.kind, c.n])),
  };
}

/** Where things stand, for a last life that does not settle. */
async function state() {
  return {
    applications: await rows('SELECT status, count(*)::int AS n FROM application GROUP BY 1'),
    tasks: await rows('SELECT state, count(*)::int AS n FROM task GROUP BY 1'),
    payments: await rows('SELECT status, count(*)::int AS n FROM payment_order GROUP BY 1'),
    commands: await rows(`SELECT data->>'kind' AS kind, state, count(*)::int AS n FROM pgboss.job GROUP BY 1, 2`),
    projection: await rows('SELECT position::text FROM projection_position'),
  };
}

const giveUpAt = Date.now() + 180_000;
for (;;) {
  if (!final) await submitOne();
  await workTasks();
  await pay();
  if (final && (await settled())) break;
  if (final && Date.now() > giveUpAt) {
    process.stdout.write(`stuck ${JSON.stringify(await state())}\n`);
    process.exit(2);
  }
  if (final) await new Promise((resolve) => setTimeout(resolve, 200));
}
process.stdout.write(`done ${JSON.stringify(await counts())}\n`);
await runtime.close();
process.exit(0);
