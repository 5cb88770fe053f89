/**
 * The failure path an operator lives through: the population register goes down while a
 * birth-registration process looks the newborn up -> the job is retried with back-off -> the
 * retries run out and an incident carries the error -> the register comes back -> the operator
 * gives the job a retry and resolves the incident -> the process continues and completes with
 * the person's data. On the embedded engine, with the sandbox register over mutual TLS.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, type EngineAdapter } from '@konstruktor/engine-adapter';
import { startSandboxes, type DownMode, type Sandboxes } from '@konstruktor/examples';
import { memoryPlatformServices, personLookup, runConnectors, serviceTaskBpmn, waitFor, type ConnectorWorkerHandle } from '@konstruktor/connectors';

let sandboxes: Sandboxes;
let engine: EngineAdapter;
let worker: ConnectorWorkerHandle;
let services: ReturnType<typeof memoryPlatformServices>;
/** When each audited attempt happened, to see the back-off between retries. */
let attempts: number[];

beforeAll(async () => {
  sandboxes = await startSandboxes();
});
afterAll(async () => {
  await sandboxes?.close();
});

beforeEach(async () => {
  engine = await createEmbeddedEngine();
  services = memoryPlatformServices(engine);
  attempts = [];
  const record = services.audit.record.bind(services.audit);
  services.audit = { record: async (event) => { attempts.push(Date.now()); await record(event); } };
  worker = runConnectors({
    engine, connectors: [personLookup], services, secrets: sandboxes.connectorSecrets,
    pollIntervalMs: { min: 10, max: 50 }, retryBackOffMs: { initial: 200, max: 1_000 },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
});
afterEach(async () => {
  await worker.close();
  await engine.close();
  await sandboxes.registers.population.up();
});

const BIRTH_REGISTRATION = serviceTaskBpmn({
  processId: 'birth-registration-lookup',
  type: personLookup.id,
  retries: 3,
  inputs: { personalCode: '=child.personalCode', purpose: 'Birth registration: check the newborn', requestedBy: '=applicant.personalCode' },
  headers: { resultExpression: '={ newborn: { name: givenName + " " + familyName, birthDate: birthDate, address: address } }' },
});

describe('register down -> retries -> incident -> register back -> resolve -> process continues', () => {
  it.each<[DownMode, RegExp]>([
    ['refuse', /^register at 127\.0\.0\.1:\d+ could not be reached: ECONNREFUSED$/],
    ['unavailable', /^register refused the request: 503 Server\.ServerProxy\.ServiceFailed LT-TEST\/GOV\/124110246\/GR is not available$/],
  ])('register %s', async (mode, message) => {
    const register = sandboxes.registers.population;
    await register.down(mode);
    await engine.deploy([{ name: 'birth-registration-lookup.bpmn', content: BIRTH_REGISTRATION }]);
    const { instanceKey } = await engine.createInstance({
      processId: 'birth-registration-lookup',
      variables: { applicationId: 'app-birth-1', applicant: { personalCode: '38804121232' }, child: { personalCode: '52611140015' } },
    });
    worker.wake();

    const incident = await waitFor(async () => (await engine.incidents({ instanceKey, state: 'ACTIVE' }))[0], 20_000, 'an incident');
    expect(incident).toMatchObject({ errorType: 'JOB_NO_RETRIES', elementId: 'task' });
    expect(incident.errorMessage).toMatch(message);
    // Three attempts, each audited as failed, spaced by the worker's back-off (200 ms, then 400 ms).
    expect(services.auditEvents.map((event) => event.details?.outcome)).toEqual(['failed', 'failed', 'failed']);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(190);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(390);
    if (mode === 'unavailable') {
      // The register saw each attempt (and refused it); when it refuses connections it sees nothing.
      const seen = register.log.filter((entry) => entry.issue === 'app-birth-1' && entry.status === 503);
      expect(seen).toHaveLength(3);
    }
    expect((await engine.instance(instanceKey))?.state).toBe('ACTIVE');
    expect((await engine.variables(instanceKey)).map((variable) => variable.name)).not.toContain('newborn');

    await register.up();
    await engine.updateJobRetries(incident.jobKey!, 1);
    await engine.resolveIncident(incident.key);
    worker.wake();

    await waitFor(async () => (await engine.instance(instanceKey))?.state === 'COMPLETED', 20_000, 'the instance to complete');
    expect(await engine.incidents({ instanceKey, state: 'ACTIVE' })).toEqual([]);
    const newborn = (await engine.variables(instanceKey)).find((variable) => variable.name === 'newborn')?.value;
    expect(newborn).toEqual({
      name: 'Lukas Petraitis', birthDate: '2026-11-14',
      address: { street: 'Gedimino pr. 12-3', city: 'Vilnius', postalCode: 'LT-01103', country: 'LT' },
    });
    const last = services.auditEvents.at(-1);
    expect(services.auditEvents.map((event) => event.details?.outcome)).toEqual(["failed", "failed", "failed", "answered"]);
    expect(last).toMatchObject({ objectId: '52611140015', actor: '38804121232', details: { outcome: 'answered', purpose: 'Birth registration: check the newborn', applicationId: 'app-birth-1' } });
    expect(register.log.find((entry) => entry.xRoadId === last?.details?.xRoadId)).toMatchObject({ status: 200, userId: 'LT38804121232' });
  });
});
