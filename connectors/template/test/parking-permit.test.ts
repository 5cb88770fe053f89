/**
 * The connector end to end: a real HTTP server on loopback stands in for the parking system,
 * the embedded engine runs a one-task process, the SDK's worker runs the connector.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, type EngineAdapter } from '@konstruktor/engine-adapter';
import { memoryPlatformServices, runConnectors, serviceTaskBpmn, waitFor, type ConnectorLogger, type ConnectorWorkerHandle } from '@konstruktor/connectors';
import { parkingPermitConnector } from '../src/index.js';

const TOKEN = 'parking-token-0f9a8b7c';
let server: http.Server;
let baseUrl: string;
let down = false;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (down) return res.writeHead(503).end();
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return res.writeHead(401).end();
    if (req.url === '/permits/ABC123') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ zone: 'A', validUntil: '2099-12-31' }));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let engine: EngineAdapter;
let worker: ConnectorWorkerHandle;
let logs: string[];

beforeEach(async () => {
  down = false;
  logs = [];
  engine = await createEmbeddedEngine();
  const logger = Object.fromEntries(['debug', 'info', 'warn', 'error'].map((level) => [level, (message: string, details?: unknown) => logs.push(JSON.stringify({ message, details }))])) as unknown as ConnectorLogger;
  worker = runConnectors({
    engine, connectors: [parkingPermitConnector], services: memoryPlatformServices(engine), logger,
    secrets: { PARKING_API_TOKEN: TOKEN }, pollIntervalMs: { min: 10, max: 50 }, retryBackOffMs: { initial: 20, max: 100 },
  });
});
afterEach(async () => {
  await worker.close();
  await engine.close();
});

async function check(plateNumber: string) {
  const processId = `permit-${Math.random().toString(36).slice(2, 8)}`;
  const bpmn = serviceTaskBpmn({
    processId, type: parkingPermitConnector.id, catchErrorCode: 'NO_PERMIT', retries: 2,
    inputs: { baseUrl: '=parkingUrl', plateNumber: '=vehicle.plate' }, headers: { resultVariable: 'permit' },
  });
  await engine.deploy([{ name: `${processId}.bpmn`, content: bpmn }]);
  return (await engine.createInstance({ processId, variables: { parkingUrl: baseUrl, vehicle: { plate: plateNumber } } })).instanceKey;
}
const completed = (instanceKey: string) => waitFor(async () => (await engine.instance(instanceKey))?.state === 'COMPLETED', 10_000, 'completion');
const variable = async (instanceKey: string, name: string) => (await engine.variables(instanceKey)).find((v) => v.name === name)?.value;

describe('parking permit connector', () => {
  it('returns the permit of a vehicle that has one', async () => {
    const instanceKey = await check('ABC123');
    await completed(instanceKey);
    expect(await variable(instanceKey, 'permit')).toEqual({ valid: true, zone: 'A', validUntil: '2099-12-31' });
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('takes the NO_PERMIT error path for a vehicle without one', async () => {
    const instanceKey = await check('XYZ999');
    await completed(instanceKey);
    expect(await variable(instanceKey, 'caughtErrorCode')).toBe('NO_PERMIT');
  });

  it('refuses a malformed plate number before calling the parking system', async () => {
    const instanceKey = await check('abc 123');
    const incident = await waitFor(async () => (await engine.incidents({ instanceKey }))[0]);
    expect(incident.errorMessage).toContain('input.plateNumber: must match pattern');
  });

  it('retries while the parking system is down, then an incident; resolving it after the system is back completes the task', async () => {
    down = true;
    const instanceKey = await check('ABC123');
    const incident = await waitFor(async () => (await engine.incidents({ instanceKey, state: 'ACTIVE' }))[0]);
    expect(incident.errorMessage).toBe('parking system answered 503');
    down = false;
    await engine.updateJobRetries(incident.jobKey!, 1);
    await engine.resolveIncident(incident.key);
    await completed(instanceKey);
  });
});
