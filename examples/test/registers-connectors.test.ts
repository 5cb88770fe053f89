/**
 * The four register connectors run by the SDK worker on the embedded engine against the sandbox
 * registers over loopback (X-Road REST, mutual TLS): results in process variables, business
 * outcomes as BPMN errors, every query audited with purpose, requesting user and X-Road-Id and
 * without the data that came back, certificates and keys never in the logs.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, type EngineAdapter } from '@konstruktor/engine-adapter';
import { createTestPki, startSandboxes, type Sandboxes } from '@konstruktor/examples';
import {
  builtinConnectors, companyLookup, elementTemplate, familyRelations, memoryPlatformServices, personLookup, registerConnectors, registerSettings, representationCheck, runConnectors,
  serviceTaskBpmn, waitFor, type AnyConnector, type ConnectorLogger, type ConnectorWorkerHandle,
} from '@konstruktor/connectors';

let sandboxes: Sandboxes;
let engine: EngineAdapter;
let worker: ConnectorWorkerHandle;
let services: ReturnType<typeof memoryPlatformServices>;
let logs: string[];

beforeAll(async () => {
  sandboxes = await startSandboxes();
});
afterAll(async () => {
  await sandboxes?.close();
});

function start(secrets: Record<string, string>) {
  const logger = Object.fromEntries(['debug', 'info', 'warn', 'error'].map((level) => [level, (message: string, details?: unknown) => logs.push(JSON.stringify({ level, message, details }))])) as unknown as ConnectorLogger;
  worker = runConnectors({ engine, connectors: registerConnectors, services, secrets, logger, pollIntervalMs: { min: 10, max: 50 }, retryBackOffMs: { initial: 50, max: 200 } });
}

beforeEach(async () => {
  logs = [];
  engine = await createEmbeddedEngine();
  services = memoryPlatformServices(engine);
  start(sandboxes.connectorSecrets);
});
afterEach(async () => {
  await worker.close();
  await engine.close();
});

/** The applicant's personal code is mapped into `requestedBy`, as an analyst configures it on the task. */
async function run(connector: AnyConnector, inputs: Record<string, string>, options: { catchErrorCode?: string; retries?: number } = {}) {
  const processId = `reg${Math.random().toString(36).slice(2, 8)}`;
  const content = serviceTaskBpmn({
    processId, type: connector.id, headers: { resultVariable: 'register' }, ...options,
    inputs: { purpose: 'Birth registration (application check)', requestedBy: '=applicant.personalCode', ...inputs },
  });
  await engine.deploy([{ name: `${processId}.bpmn`, content }]);
  const { instanceKey } = await engine.createInstance({
    processId, variables: { applicationId: 'app-7', applicant: { personalCode: '49009052147', name: 'Rūta Petraitienė' } },
  });
  worker.wake();
  return instanceKey;
}

async function outcome(instanceKey: string): Promise<Record<string, unknown>> {
  await waitFor(async () => {
    const incident = (await engine.incidents({ instanceKey, state: 'ACTIVE' }))[0];
    if (incident) throw new Error(`incident: ${incident.errorMessage}`);
    return (await engine.instance(instanceKey))?.state === 'COMPLETED';
  }, 15_000, 'the instance to complete');
  return Object.fromEntries((await engine.variables(instanceKey)).map((variable) => [variable.name, variable.value]));
}

const incidentOf = (instanceKey: string) => waitFor(async () => (await engine.incidents({ instanceKey, state: 'ACTIVE' }))[0], 15_000, 'an incident');

describe('population register connectors', () => {
  it('looks a person up and audits the query with purpose, requesting user and X-Road-Id, not the data', async () => {
    const instanceKey = await run(personLookup, { personalCode: '52611140015' });
    const variables = await outcome(instanceKey);
    expect(variables.register).toMatchObject({
      personalCode: '52611140015', givenName: 'Lukas', familyName: 'Petraitis', birthDate: '2026-11-14', citizenship: 'LT',
      address: { street: 'Gedimino pr. 12-3', city: 'Vilnius' },
    });
    expect(services.auditEvents).toHaveLength(1);
    const [event] = services.auditEvents;
    expect(event).toMatchObject({
      action: 'register.queried', objectType: 'person', objectId: '52611140015', actor: '49009052147',
      details: {
        service: 'LT-TEST/GOV/124110246/GR/person', purpose: 'Birth registration (application check)', requestedBy: '49009052147',
        outcome: 'answered', status: 200, applicationId: 'app-7', instanceKey,
      },
    });
    expect(JSON.stringify(event)).not.toMatch(/Lukas|Gedimino|Vilnius/);
    // The register saw the same exchange: the X-Road-Id ties its log to our audit trail.
    const logged = sandboxes.registers.population.log.find((entry) => entry.xRoadId === event?.details?.xRoadId);
    expect(logged).toMatchObject({ userId: 'LT49009052147', issue: 'app-7', purpose: 'Birth registration (application check)', status: 200 });
    expect(event?.details?.requestHash).toMatch(/^[A-Za-z0-9+/]{86}==$/);
  });

  it('gives a newborn\'s parents and a mother\'s children and spouse', async () => {
    const newborn = await outcome(await run(familyRelations, { personalCode: '52611140015' }));
    expect((newborn.register as any).parents.map((parent: any) => [parent.relation, parent.personalCode])).toEqual([['mother', '49009052147'], ['father', '38804121232']]);
    const mother = await outcome(await run(familyRelations, { personalCode: '49009052147' }));
    expect((mother.register as any).children.map((child: any) => child.givenName)).toEqual(['Emilija', 'Lukas']);
    expect((mother.register as any).spouse).toMatchObject({ personalCode: '38804121232', familyName: 'Petraitis' });
  });

  it('asks for Latvians with an LV-prefixed X-Road-UserId', async () => {
    const variables = await outcome(await run(familyRelations, { personalCode: '010190-10036', requestedBy: '150587-10227' }));
    expect((variables.register as any).children).toMatchObject([{ personalCode: '320415-17283', givenName: 'Anna' }]);
    const xRoadId = services.auditEvents[0]?.details?.xRoadId;
    expect(sandboxes.registers.population.log.find((entry) => entry.xRoadId === xRoadId)?.userId).toBe('LV150587-10227');
  });

  it('throws PERSON_NOT_FOUND for an unknown person and INVALID_PERSONAL_CODE for a wrong check digit, both audited', async () => {
    const unknown = await outcome(await run(personLookup, { personalCode: '39001010000' }, { catchErrorCode: 'PERSON_NOT_FOUND' }));
    expect(unknown.caughtErrorCode).toBe('PERSON_NOT_FOUND');
    const malformed = await outcome(await run(familyRelations, { personalCode: '52611140016' }, { catchErrorCode: 'INVALID_PERSONAL_CODE' }));
    expect(malformed.caughtErrorCode).toBe('INVALID_PERSONAL_CODE');
    expect(services.auditEvents.map((event) => [event.objectId, event.details?.outcome])).toEqual([['39001010000', 'not found'], ['52611140016', 'refused as invalid']]);
  });

  it('refuses input without a purpose or with a malformed code before asking the register (incident naming the field)', async () => {
    const before = sandboxes.registers.population.log.length;
    const instanceKey = await run(personLookup, { personalCode: '5261114001', purpose: '' });
    const incident = await incidentOf(instanceKey);
    expect(incident.errorMessage).toMatch(/input\.personalCode/);
    expect(incident.errorMessage).toMatch(/input\.purpose/);
    expect(sandboxes.registers.population.log.length).toBe(before);
    expect(services.auditEvents).toEqual([]);
  });
});

describe('legal entities register connectors', () => {
  it('looks a company up', async () => {
    const variables = await outcome(await run(companyLookup, { companyCode: '304512345' }));
    expect(variables.register).toMatchObject({ code: '304512345', name: 'UAB „Saulės vėjas“', status: 'registered', managers: [{ name: 'Ona Kazlauskienė', role: 'director' }] });
    expect(services.auditEvents[0]).toMatchObject({ objectType: 'company', objectId: '304512345', details: { service: 'LT-TEST/GOV/124110246/JAR/company', outcome: 'answered' } });
  });

  it('answers whether a person may represent a company, with the basis, and audits whom it was about', async () => {
    const proxy = await outcome(await run(representationCheck, { companyCode: '304512345', personalCode: '=applicant.personalCode' }));
    expect(proxy.register).toMatchObject({ mayRepresent: true, alone: true, basis: 'Power of attorney No. 2025-17', validUntil: '2027-12-31' });
    const stranger = await outcome(await run(representationCheck, { companyCode: '305678912', personalCode: '38501010013' }));
    expect(stranger.register).toMatchObject({ mayRepresent: false, basis: 'the person has no registered right to represent the legal entity' });
    expect(services.auditEvents.map((event) => event.details?.person)).toEqual(['49009052147', '38501010013']);
  });

  it('throws COMPANY_NOT_FOUND for an unknown company', async () => {
    const variables = await outcome(await run(companyLookup, { companyCode: '309999999' }, { catchErrorCode: 'COMPANY_NOT_FOUND' }));
    expect(variables.caughtErrorCode).toBe('COMPANY_NOT_FOUND');
    const check = await outcome(await run(representationCheck, { companyCode: '309999999', personalCode: '47511231562' }, { catchErrorCode: 'COMPANY_NOT_FOUND' }));
    expect(check.caughtErrorCode).toBe('COMPANY_NOT_FOUND');
  });
});

describe('mutual TLS and configuration', () => {
  it('needs a client certificate the register trusts: none configured -> incident naming the secrets; one from another CA -> refused at the handshake; keys never logged', async () => {
    await worker.close();
    start({ ...sandboxes.connectorSecrets, XROAD_CLIENT_CERT: '', XROAD_CLIENT_KEY: '' });
    const incident = await incidentOf(await run(personLookup, { personalCode: '52611140015' }, { retries: 1 }));
    expect(incident.errorMessage).toBe('register connector is not configured: secret XROAD_CLIENT_CERT, XROAD_CLIENT_KEY missing');

    await worker.close();
    // A certificate the register does not know (same subject, another CA): refused at the TLS layer.
    const stranger = await createTestPki({ name: 'Stranger' });
    const foreign = await stranger.issue({ subject: 'CN=KONSTRUKTOR, 2.5.4.5=188603472', usage: 'tls-client' });
    start({ ...sandboxes.connectorSecrets, XROAD_CLIENT_CERT: foreign.chainPem, XROAD_CLIENT_KEY: foreign.keyPem });
    const refused = await incidentOf(await run(personLookup, { personalCode: '52611140015' }, { retries: 1 }));
    expect(refused.errorMessage).toMatch(/^register at 127\.0\.0\.1:\d+ could not be reached: /);
    const keyBody = foreign.keyPem.split('\n')[1]!;
    const ourKeyBody = sandboxes.connectorSecrets.XROAD_CLIENT_KEY!.split('\n')[1]!;
    expect(logs.some((line) => line.includes('job failed'))).toBe(true);
    for (const line of logs) {
      expect(line).not.toContain(keyBody);
      expect(line).not.toContain(ourKeyBody);
    }
    expect(services.auditEvents.at(-1)).toMatchObject({ objectId: '52611140015', details: { outcome: 'failed', status: null } });
  });

  it('turns an X-Road access refusal into a job failure the operator sees in the incident', async () => {
    await worker.close();
    start({ ...sandboxes.connectorSecrets, XROAD_CLIENT: 'LT-TEST/GOV/188603472/OTHER' });
    const incident = await incidentOf(await run(companyLookup, { companyCode: '304512345' }, { retries: 1 }));
    // The client id travels as a connector secret, so the worker redacts it from the message too.
    expect(incident.errorMessage).toBe('register refused the request: 403 Server.ServerProxy.AccessDenied [redacted] has no access rights to LT-TEST/GOV/124110246/JAR');
    expect(services.auditEvents[0]).toMatchObject({ objectId: '304512345', details: { outcome: 'failed', status: 403 } });
  });

  it('names the secret that is wrong when the register address or the client id is malformed', () => {
    const secrets = sandboxes.connectorSecrets;
    expect(() => registerSettings({ ...secrets, POPULATION_REGISTER_URL: 'https://127.0.0.1:1/person' }, 'populationRegister'))
      .toThrow('POPULATION_REGISTER_URL must end with /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM');
    expect(() => registerSettings({ ...secrets, LEGAL_ENTITIES_REGISTER_URL: 'not a url' }, 'legalEntitiesRegister')).toThrow('LEGAL_ENTITIES_REGISTER_URL is not a URL');
    expect(() => registerSettings({ ...secrets, XROAD_CLIENT: 'LT-TEST/GOV/188603472' }, 'populationRegister')).toThrow(/^XROAD_CLIENT: X-Road client id must have 4 non-empty parts/);
    expect(registerSettings(secrets, 'legalEntitiesRegister').subsystemUrl).toBe(sandboxes.registers.legalEntities.subsystemUrl);
  });
});

describe('palette', () => {
  it('offers the four register connectors among the built-ins, each template documenting its BPMN errors', () => {
    const ids = builtinConnectors.map((connector) => connector.id);
    for (const connector of registerConnectors) {
      expect(ids).toContain(connector.id);
      const template = JSON.stringify(elementTemplate(connector));
      for (const error of connector.errors ?? []) expect(template).toContain(error.code);
    }
    expect(registerConnectors.map((connector) => connector.id)).toEqual([
      'konstruktor:population:person', 'konstruktor:population:family-relations', 'konstruktor:legal-entities:company', 'konstruktor:legal-entities:representation',
    ]);
  });
});
