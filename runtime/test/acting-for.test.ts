/**
 * Acting for someone (issue 20, item 3) against the sandbox legal entities register over mutual
 * TLS: the entities a person may choose come from the register, each order for an entity is
 * checked with the register again at submit, and an e-assistant orders for a person only under
 * that person's authorisation in force for the service.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, startRegisters, type SandboxRegisters } from '@konstruktor/examples';
import type { ApiClient } from './support/api-client.js';
import { citizen, createUser, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';
import { receiptPdf } from '../src/receipts/receipt-pdf.js';

const PDFTOTEXT = '/usr/bin/pdftotext';

const JONAS = '38501010013'; // demo `citizen`: director of UAB „Gintarinė prekyba“
const GINTARINE = '305888127'; // Jonas, and Ieva by power of attorney
const BALTIJAS = '40202115574'; // Ieva's SIA: not Jonas's
const NOT_IN_REGISTER = '304567890';

describe('acting for a legal entity or a person', () => {
  let t: TestRuntime;
  let registers: SandboxRegisters;
  let service: string;
  let otherService: string;
  let jonas: ApiClient;
  let ieva: ApiClient;
  let tomas: ApiClient;

  const rows = async () => {
    const [row] = (await t.runtime.database.dataSource.query(
      'SELECT (SELECT count(*) FROM application)::int AS applications, (SELECT count(*) FROM application_receipt)::int AS receipts',
    )) as { applications: number; receipts: number }[];
    return row;
  };
  const ids = async (client: ApiClient) => (await client.get('/api/applications')).body.items.map((a: { id: string }) => a.id) as string[];
  const audit = async (object: string) => (await (await t.as('administrator')).get(`/api/audit?object=${object}&limit=100`)).body.items as
    { action: string; actorId: string | null; objectId: string; details: Record<string, unknown> }[];

  beforeAll(async () => {
    registers = await startRegisters({ pki: await createTestPki() });
    const env = Object.fromEntries(Object.entries(registers.connectorSecrets).map(([name, value]) => [`CONNECTOR_SECRET_${name}`, value]));
    t = await startTestRuntime({}, env);
    service = await publishService(t, { audience: ['businesses'] });
    otherService = await publishService(t);
    await createUser(t, { username: 'tomas', roles: ['citizen'], personalCode: '38804121232' });
    [jonas, ieva, tomas] = await Promise.all([citizen(t), citizen(t, 'citizen2'), citizen(t, 'tomas')]);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await registers?.close();
  });

  it('offers the entities the register names the person a representative of, and audits the read with its purpose', async () => {
    const { status, body } = await jonas.get('/api/me/entities');
    expect(status).toBe(200);
    expect(body.items).toEqual([expect.objectContaining({
      code: GINTARINE, name: 'UAB „Gintarinė prekyba“', role: 'director', alone: true, source: 'legal-entities-register', checkedAt: expect.any(String),
    })]);
    const ievas = (await ieva.get('/api/me/entities')).body.items.map((e: { code: string; role: string }) => [e.code, e.role]);
    expect(ievas).toEqual([[GINTARINE, 'authorised representative'], [BALTIJAS, 'board member']]);
    // Tomas may act for MB „Medaus korys“ only together with the other board member: shown so.
    expect((await tomas.get('/api/me/entities')).body.items).toEqual([expect.objectContaining({ code: '305678912', alone: false, jointlyWith: ['Mantas Kazlauskas'] })]);

    const reads = (await audit(`person:${JONAS}`)).filter((e) => e.action === 'register.queried');
    expect(reads[0]!.details).toMatchObject({ purpose: 'choose whom to act for', requestedBy: JONAS, outcome: 'answered', status: 200, xRoadId: expect.any(String) });
    const logged = registers.legalEntities.log.find((line) => line.xRoadId === reads[0]!.details.xRoadId);
    expect(logged).toMatchObject({ serviceCode: 'represented-entities', userId: `LT${JONAS}`, purpose: 'choose whom to act for', status: 200 });
  });

  it("submits for an entity the register names him a representative of, and every current representative sees the order", async () => {
    const made = await jonas.post('/api/applications', { service, data: {}, onBehalfOf: GINTARINE });
    expect(made.status).toBe(201);
    expect(await ids(ieva)).toContain(made.body.id);
    const seen = await ieva.get(`/api/applications/${made.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ onBehalfOf: GINTARINE, submittedBy: null, authorisationId: null });
    // Tomas represents another company only.
    expect((await tomas.get(`/api/applications/${made.body.id}`)).status).toBe(404);
    const submitCheck = (await audit(`person:${JONAS}`)).find((e) => e.action === 'register.queried' && e.details.purpose === 'check the right to act for a legal entity at submission');
    expect(submitCheck).toBeDefined();
  });

  it('refuses an entity he does not represent, in his language, and stores nothing', async () => {
    const before = await rows();
    const refused = await jonas.request('POST', '/api/applications', { service, data: {}, onBehalfOf: BALTIJAS }, { headers: { 'accept-language': 'lt' } });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe(`Jūs šiuo metu neatstovaujate juridinio asmens ${BALTIJAS}: Juridinių asmenų registras nenurodo jūsų jo atstovu.`);
    const english = await jonas.post('/api/applications', { service, data: {}, onBehalfOf: BALTIJAS });
    expect(english.body.detail).toContain(`do not currently represent the legal entity ${BALTIJAS}`);
    // A company that no longer exists (deregistered) is not his to act for either.
    expect((await jonas.post('/api/applications', { service, data: {}, onBehalfOf: '302223334' })).status).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it("answers 503 when the register is down, storing nothing, while his own orders stay readable", async () => {
    const own = await jonas.post('/api/applications', { service, data: {} });
    expect(own.status).toBe(201);
    for (const mode of ['unavailable', 'refuse'] as const) {
      await registers.legalEntities.down(mode);
      try {
        const entities = await jonas.request('GET', '/api/me/entities', undefined, { headers: { 'accept-language': 'lv' } });
        expect(entities.status).toBe(503);
        expect(entities.body.type).toBe('urn:konstruktor:problem:register-unavailable');
        expect(entities.body.detail).toContain('Uzņēmumu reģistrs pašlaik nav pieejams');
        const before = await rows();
        const submit = await jonas.post('/api/applications', { service, data: {}, onBehalfOf: GINTARINE });
        expect(submit.status).toBe(503);
        expect(submit.body.detail).toContain('cannot be reached now');
        expect(await rows()).toEqual(before);
        const list = await jonas.get('/api/applications');
        expect(list.status).toBe(200);
        expect(list.body.items.map((a: { id: string }) => a.id)).toContain(own.body.id);
      } finally {
        await registers.legalEntities.up();
      }
    }
    const failed = (await audit(`person:${JONAS}`)).find((e) => e.action === 'register.queried' && e.details.outcome === 'failed');
    expect(failed).toBeDefined();
  });

  it("keeps administrators' grants as an override for entities the register does not know, never for ones it does", async () => {
    const admin = await t.as('administrator');
    for (const entityCode of [NOT_IN_REGISTER, BALTIJAS]) {
      expect((await admin.post('/api/representations', { username: 'citizen', entityCode, entityName: 'Granted', capacity: 'manager' })).status).toBe(201);
    }
    const offered = (await jonas.get('/api/me/entities')).body.items.map((e: { code: string; source: string }) => [e.code, e.source]);
    expect(offered).toEqual([[GINTARINE, 'legal-entities-register'], [NOT_IN_REGISTER, 'administrator']]);
    expect((await jonas.post('/api/applications', { service, data: {}, onBehalfOf: NOT_IN_REGISTER })).status).toBe(201);
    // The register names Ieva, not Jonas, for Baltijas: the grant does not change that.
    expect((await jonas.post('/api/applications', { service, data: {}, onBehalfOf: BALTIJAS })).status).toBe(403);
  });

  describe('e-assistant', () => {
    let authorisation: string;
    let order: string;
    const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

    it('lets a person authorise an assistant, listed for both, audited', async () => {
      const made = await jonas.post('/api/me/authorisations', { assistantCode: '010190-10036', assistantName: 'Ieva Bērziņa, accountant', services: [service], validUntil: tomorrow() });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ grantor: { name: 'Jonas Jonaitis', personalCode: JONAS }, assistant: { personalCode: '010190-10036' }, services: [service], status: 'active', revokedAt: null });
      authorisation = made.body.id;
      expect((await jonas.get('/api/me/authorisations')).body.items.map((a: { id: string }) => a.id)).toEqual([authorisation]);
      expect((await ieva.get('/api/me/authorised-by')).body.items).toEqual([expect.objectContaining({ id: authorisation, grantor: { name: 'Jonas Jonaitis', personalCode: JONAS } })]);
      expect((await tomas.get('/api/me/authorised-by')).body.items).toEqual([]);
      expect((await audit(`authorisation:${authorisation}`)).map((e) => e.action)).toEqual(['authorisation.granted']);
    });

    it("records an order made under authorisation as the person's, submitted by the assistant; both see it", async () => {
      const made = await ieva.post('/api/applications', { service, data: { place: 'Kaunas' }, onBehalfOfPerson: JONAS });
      expect(made.status).toBe(201);
      order = made.body.id;
      const forJonas = (await jonas.get('/api/applications')).body.items.find((a: { id: string }) => a.id === order);
      expect(forJonas).toMatchObject({ submittedBy: { name: 'Ieva Bērziņa' }, onBehalfOfPerson: { name: 'Jonas Jonaitis' }, authorisationId: authorisation, onBehalfOf: null });
      const forIeva = await ieva.get(`/api/applications/${order}`);
      expect(forIeva.status).toBe(200);
      expect(forIeva.body).toMatchObject({ submittedBy: { name: 'Ieva Bērziņa' }, onBehalfOfPerson: { name: 'Jonas Jonaitis' }, authorisationId: authorisation });
      expect((await tomas.get(`/api/applications/${order}`)).status).toBe(404);

      const receipt = (await jonas.get(`/api/applications/${order}/receipt`)).body;
      expect(receipt).toMatchObject({ submittedBy: 'Ieva Bērziņa', onBehalfOfPerson: { name: 'Jonas Jonaitis', personalCode: JONAS, authorisationId: authorisation } });
      const [stored] = (await t.runtime.database.dataSource.query('SELECT applicant_id, submitted_by_id FROM application WHERE id = $1', [order])) as { applicant_id: string; submitted_by_id: string }[];
      const me = async (client: ApiClient) => (await client.get('/api/me')).body.user.id as string;
      expect(stored).toEqual({ applicant_id: await me(jonas), submitted_by_id: await me(ieva) });
      const used = (await audit(`authorisation:${authorisation}`)).find((e) => e.action === 'authorisation.used');
      expect(used).toMatchObject({ actorId: await me(ieva), details: { applicationId: order, service } });
    });

    it.runIf(existsSync(PDFTOTEXT) || process.env.CI === 'true')('prints on the receipt PDF whom the assistant submitted for', async () => {
      const { services } = t.runtime;
      const receipt = (await services.receipts.of(order))!;
      const [stored] = (await t.runtime.database.dataSource.query('SELECT service_version_id FROM application WHERE id = $1', [order])) as { service_version_id: string }[];
      const form = await services.forms.forVersionId(stored!.service_version_id);
      const dir = await mkdtemp(path.join(os.tmpdir(), 'acting-for-'));
      try {
        const file = path.join(dir, 'receipt.pdf');
        await writeFile(file, await receiptPdf({ receipt, serviceTitle: 'Test service', form: form.inLocale('en').form, files: new Map() }));
        const text = (await promisify(execFile)(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'])).stdout.replace(/\s+/g, ' ');
        expect(text).toContain('Submitted by Ieva Bērziņa (010190-10036)');
        expect(text).toContain(`Submitted under authorisation on behalf of Jonas Jonaitis (${JONAS})`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('refuses without an authorisation, outside its scope, expired or revoked, and stores nothing', async () => {
      const before = await rows();
      const asTomas = await tomas.post('/api/applications', { service, data: {}, onBehalfOfPerson: JONAS });
      expect(asTomas.status).toBe(403);
      expect(asTomas.body.detail).toContain(`no authorisation in force from the person ${JONAS}`);
      expect((await ieva.post('/api/applications', { service: otherService, data: {}, onBehalfOfPerson: JONAS })).status).toBe(403);
      // Nobody with that code, and oneself: the same refusal.
      expect((await ieva.post('/api/applications', { service, data: {}, onBehalfOfPerson: '39001010000' })).status).toBe(403);
      expect((await ieva.post('/api/applications', { service, data: {}, onBehalfOfPerson: '010190-10036' })).status).toBe(403);
      const both = await ieva.post('/api/applications', { service, data: {}, onBehalfOfPerson: JONAS, onBehalfOf: GINTARINE });
      expect(both.status).toBe(422);

      const db = t.runtime.database.dataSource;
      await db.query(`UPDATE authorisation SET valid_until = now() - interval '1 second' WHERE id = $1`, [authorisation]);
      const expired = await ieva.request('POST', '/api/applications', { service, data: {}, onBehalfOfPerson: JONAS }, { headers: { 'accept-language': 'lv' } });
      expect(expired.status).toBe(403);
      expect(expired.body.detail).toContain('Jums nav spēkā esoša personas');
      expect((await jonas.get('/api/me/authorisations')).body.items[0].status).toBe('expired');
      // An expired authorisation still lets the assistant see what he made under it.
      expect((await ieva.get(`/api/applications/${order}`)).status).toBe(200);
      await db.query(`UPDATE authorisation SET valid_until = now() + interval '1 day' WHERE id = $1`, [authorisation]);

      expect((await jonas.delete(`/api/me/authorisations/${authorisation}`)).status).toBe(204);
      expect((await ieva.post('/api/applications', { service, data: {}, onBehalfOfPerson: JONAS })).status).toBe(403);
      expect(await rows()).toEqual(before);
      // Revoked: the assistant no longer sees the order; the person still does.
      expect((await ieva.get(`/api/applications/${order}`)).status).toBe(404);
      expect(await ids(jonas)).toContain(order);
      expect((await jonas.delete(`/api/me/authorisations/${authorisation}`)).status).toBe(409);
      expect((await audit(`authorisation:${authorisation}`)).map((e) => e.action)).toContain('authorisation.revoked');
    });

    it("keeps one person's authorisations from another: not listed, not revocable (404)", async () => {
      const made = await jonas.post('/api/me/authorisations', { assistantCode: '010190-10036', assistantName: 'Ieva', validUntil: tomorrow() });
      expect(made.status).toBe(201);
      expect(made.body.services).toBeNull();
      expect((await tomas.get('/api/me/authorisations')).body.items).toEqual([]);
      const before = await t.snapshot();
      expect((await tomas.delete(`/api/me/authorisations/${made.body.id}`)).status).toBe(404);
      // The assistant cannot revoke it either: it is the grantor's.
      expect((await ieva.delete(`/api/me/authorisations/${made.body.id}`)).status).toBe(404);
      expect(await t.snapshot()).toEqual(before);
      // Every service: another one is covered too.
      expect((await ieva.post('/api/applications', { service: otherService, data: {}, onBehalfOfPerson: JONAS })).status).toBe(201);
    });

    it('refuses bad authorisations with the field named, storing nothing', async () => {
      const before = await t.snapshot();
      const bad = async (body: Record<string, unknown>) => {
        const response = await jonas.post('/api/me/authorisations', { assistantCode: '010190-10036', assistantName: 'Ieva', validUntil: tomorrow(), ...body });
        return [response.status, response.body.errors?.[0]?.path];
      };
      expect(await bad({ assistantCode: '38501010014' })).toEqual([422, '/assistantCode']);
      expect(await bad({ assistantCode: JONAS })).toEqual([422, '/assistantCode']);
      expect(await bad({ validUntil: '2020-01-01T00:00:00Z' })).toEqual([422, '/validUntil']);
      expect(await bad({ services: [service, 'no-such-service'] })).toEqual([422, '/services/1']);
      expect((await bad({ assistantCode: 'abc' }))[0]).toBe(400);
      expect(await t.snapshot()).toEqual(before);
    });
  });
});
