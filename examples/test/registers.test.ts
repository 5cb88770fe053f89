/**
 * The sandbox state registers as a consumer meets them over loopback: X-Road REST r1 over mutual
 * TLS, seeded people and companies, 400/404 answers, the request log and the down switch.
 * Requests are made with node:https here (not the connectors' client) so the protocol itself is
 * what is checked.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPki, KONSTRUKTOR_XROAD_CLIENT, loadPeople, ltCheckDigit, parsePersonalCode, requestHash, startRegisters,
  type SandboxRegisters, type TestPki,
} from '@konstruktor/examples';

let pki: TestPki;
let registers: SandboxRegisters;
let tls: { cert?: string; key?: string; ca: string };

beforeAll(async () => {
  pki = await createTestPki();
  registers = await startRegisters({ pki });
  const secrets = registers.connectorSecrets;
  tls = { cert: secrets.XROAD_CLIENT_CERT, key: secrets.XROAD_CLIENT_KEY, ca: pki.caCertPem };
});
afterAll(async () => {
  await registers?.close();
});

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: any; path: string }

function get(url: string, headers: Record<string, string>, options: { cert?: string; key?: string; ca: string } = tls): Promise<Reply> {
  const target = new URL(url);
  const path = `${target.pathname}${target.search}`;
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, path, headers, agent: false, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : null, path });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const xroad = (extra: Record<string, string> = {}) => ({ 'X-Road-Client': KONSTRUKTOR_XROAD_CLIENT, 'X-Road-UserId': 'LT38804121232', ...extra });
const person = (code: string, query = '?purpose=birth%20registration') => `${registers.population.subsystemUrl}/person/${code}${query}`;

describe('personal codes', () => {
  it('computes LT check digits as the register does (both weight rounds) and checks LV codes', () => {
    expect(ltCheckDigit('3330924006')).toBe(4); // 33309240064: the first round gives 10, the second 4
    expect(parsePersonalCode('33309240064')).toEqual({ country: 'LT', birthDate: '1933-09-24', sex: 'M' });
    expect(parsePersonalCode('33309240065')).toBeNull();
    expect(parsePersonalCode('52611140015')).toEqual({ country: 'LT', birthDate: '2026-11-14', sex: 'M' });
    expect(parsePersonalCode('38802301234')).toBeNull(); // 30 February
    expect(parsePersonalCode('161175-19997')).toEqual({ country: 'LV', birthDate: '1975-11-16' });
    expect(parsePersonalCode('161175-19998')).toBeNull();
    expect(parsePersonalCode('320415-17283')).toEqual({ country: 'LV' });
  });

  it('seeds only valid codes, with relations that point at people in the register', async () => {
    const people = await loadPeople();
    expect(people.size).toBeGreaterThanOrEqual(15);
    for (const record of people.values()) expect(parsePersonalCode(record.personalCode), record.personalCode).not.toBeNull();
  });
});

describe('population register over X-Road REST with mutual TLS', () => {
  it('answers a person by personal code, echoing X-Road-Id and the request hash', async () => {
    const id = randomUUID();
    const reply = await get(person('52611140015'), xroad({ 'X-Road-Id': id }));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      personalCode: '52611140015', givenName: 'Lukas', familyName: 'Petraitis', birthDate: '2026-11-14', sex: 'M', citizenship: 'LT',
      address: { city: 'Vilnius' }, deceasedOn: null,
    });
    expect(reply.headers['x-road-id']).toBe(id);
    expect(reply.headers['x-road-service']).toBe('LT-TEST/GOV/124110246/GR/person');
    expect(reply.headers['x-road-client']).toBe(KONSTRUKTOR_XROAD_CLIENT);
    expect(reply.headers['x-road-request-hash']).toBe(requestHash({ method: 'GET', path: reply.path, xRoadId: id }));
    expect(reply.headers['x-road-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives a newborn\'s parents and a parent\'s children, spouse and deceased father', async () => {
    const newborn = await get(`${registers.population.subsystemUrl}/family-relations/52611140015?purpose=birth`, xroad());
    expect(newborn.body.parents.map((p: any) => [p.relation, p.givenName])).toEqual([['mother', 'Rūta'], ['father', 'Tomas']]);
    expect(newborn.body.children).toEqual([]);
    const father = await get(`${registers.population.subsystemUrl}/family-relations/38804121232?purpose=birth`, xroad());
    expect(father.body.children.map((c: any) => c.personalCode)).toEqual(['61906200458', '52611140015']);
    expect(father.body.spouse).toMatchObject({ relation: 'spouse', personalCode: '49009052147' });
    expect(father.body.parents.find((p: any) => p.relation === 'father')).toMatchObject({ givenName: 'Stasys', deceasedOn: '2021-03-02' });
  });

  it('answers 404 for an unknown person and 400 for a malformed code, a missing user or a missing purpose', async () => {
    const unknown = await get(person('39001010000'), xroad());
    expect(parsePersonalCode('39001010000')).not.toBeNull();
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toBe('application/problem+json');
    expect(unknown.headers['x-road-error']).toBeUndefined();
    const malformed = await get(person('52611140016'), xroad());
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toContain('52611140016');
    const noUser = await get(person('52611140015'), { 'X-Road-Client': KONSTRUKTOR_XROAD_CLIENT });
    expect([noUser.status, noUser.body.detail]).toEqual([400, expect.stringContaining('X-Road-UserId')]);
    const noPurpose = await get(person('52611140015', ''), xroad());
    expect([noPurpose.status, noPurpose.body.detail]).toEqual([400, expect.stringContaining('purpose')]);
  });

  it('refuses a client without a certificate, or with one from another CA, at the TLS handshake', async () => {
    await expect(get(person('52611140015'), xroad(), { ca: pki.caCertPem })).rejects.toThrow(/certificate required|ECONNRESET|socket hang up/i);
    const stranger = await createTestPki({ name: 'Stranger' });
    const foreign = await stranger.issue({ subject: 'CN=KONSTRUKTOR, 2.5.4.5=188603472', usage: 'tls-client' });
    await expect(get(person('52611140015'), xroad(), { cert: foreign.chainPem, key: foreign.keyPem, ca: pki.caCertPem })).rejects.toThrow(/unknown ca|ECONNRESET|socket hang up/i);
  });

  it('answers X-Road faults for a missing client id, a certificate of another member, and a client without access rights', async () => {
    const missing = await get(person('52611140015'), { 'X-Road-UserId': 'LT38804121232' });
    expect([missing.status, missing.headers['x-road-error']]).toEqual([400, 'Client.InvalidRequest.MissingClient']);
    const otherMember = await get(person('52611140015'), xroad({ 'X-Road-Client': 'LT-TEST/GOV/999999999/KONSTRUKTOR' }));
    expect([otherMember.status, otherMember.headers['x-road-error']]).toEqual([403, 'Server.ServerProxy.AccessDenied']);
    expect(otherMember.body.message).toContain('999999999');
    const otherSubsystem = await get(person('52611140015'), xroad({ 'X-Road-Client': 'LT-TEST/GOV/188603472/OTHER' }));
    expect([otherSubsystem.status, otherSubsystem.headers['x-road-error']]).toEqual([403, 'Server.ServerProxy.AccessDenied']);
    const malformedPath = await get(`${registers.population.subsystemUrl}/person/%E0%A4%A?purpose=x`, xroad());
    expect([malformedPath.status, malformedPath.headers['x-road-error']]).toEqual([400, 'Client.InvalidRequest.MalformedPath']);
    const unknownService = await get(`${registers.population.subsystemUrl}/tax-debts/52611140015?purpose=x`, xroad());
    expect([unknownService.status, unknownService.headers['x-road-error']]).toEqual([404, 'Server.ServerProxy.UnknownService']);
  });

  it('logs who asked what, for whom and why, without the answer', async () => {
    const id = randomUUID();
    await get(person('49009052147'), xroad({ 'X-Road-Id': id, 'X-Road-Issue': 'application 42' }));
    const entry = registers.population.log.find((line) => line.xRoadId === id);
    expect(entry).toMatchObject({
      serviceCode: 'person', subject: '49009052147', client: KONSTRUKTOR_XROAD_CLIENT, userId: 'LT38804121232',
      issue: 'application 42', purpose: 'birth registration', status: 200, fault: null,
    });
    expect(JSON.stringify(entry)).not.toContain('Rūta');
  });

  it('goes down (connections refused, or 503 with an X-Road fault) and comes back on the same address', async () => {
    await registers.population.down('refuse');
    await expect(get(person('52611140015'), xroad())).rejects.toThrow(/ECONNREFUSED/);
    await registers.population.up();
    expect((await get(person('52611140015'), xroad())).status).toBe(200);
    await registers.population.down('unavailable');
    const unavailable = await get(person('52611140015'), xroad());
    expect([unavailable.status, unavailable.headers['x-road-error']]).toEqual([503, 'Server.ServerProxy.ServiceFailed']);
    await registers.population.up();
    expect((await get(person('52611140015'), xroad())).status).toBe(200);
  });
});

describe('legal entities register', () => {
  const company = (code: string) => `${registers.legalEntities.subsystemUrl}/company/${code}?purpose=permit`;
  const representation = (company: string, code: string) => `${registers.legalEntities.subsystemUrl}/representation/${company}/${code}?purpose=permit`;

  it('answers a company with its legal form, status, address and managers (names and roles only)', async () => {
    const reply = await get(company('304512345'), xroad());
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      code: '304512345', name: 'UAB „Saulės vėjas“', legalForm: { code: 'UAB' }, status: 'registered', deregisteredOn: null,
      managers: [{ name: 'Ona Kazlauskienė', role: 'director' }],
    });
    expect(JSON.stringify(reply.body)).not.toContain('47511231562');
    expect((await get(company('309999999'), xroad())).status).toBe(404);
    expect((await get(company('12345'), xroad())).status).toBe(400);
  });

  it('says who may represent a company, alone or jointly, and why others may not', async () => {
    const director = (await get(representation('304512345', '47511231562'), xroad())).body;
    expect(director).toMatchObject({ mayRepresent: true, alone: true, jointlyWith: [], basis: expect.stringContaining('Director'), validUntil: null });
    const proxy = (await get(representation('304512345', '49009052147'), xroad())).body;
    expect(proxy).toMatchObject({ mayRepresent: true, alone: true, basis: 'Power of attorney No. 2025-17', validUntil: '2027-12-31' });
    const expired = (await get(representation('304512345', '39108080642'), xroad())).body;
    expect(expired).toMatchObject({ mayRepresent: false, basis: 'Power of attorney No. 2022-04 expired on 2024-12-31' });
    const joint = (await get(representation('305678912', '38804121232'), xroad())).body;
    expect(joint).toMatchObject({ mayRepresent: true, alone: false, jointlyWith: ['Mantas Kazlauskas'] });
    const stranger = (await get(representation('304512345', '38501010013'), xroad())).body;
    expect(stranger).toMatchObject({ mayRepresent: false, basis: 'the person has no registered right to represent the legal entity' });
    const deregistered = (await get(representation('302223334', '38501010013'), xroad())).body;
    expect(deregistered).toMatchObject({ mayRepresent: false, basis: 'the legal entity was deregistered on 2023-06-30' });
    const latvian = (await get(representation('40103123456', '150587-10227'), xroad())).body;
    expect(latvian).toMatchObject({ mayRepresent: true, alone: true });
    expect((await get(representation('304512345', '47511231563'), xroad())).status).toBe(400);
    expect((await get(representation('309999999', '47511231562'), xroad())).status).toBe(404);
  });

  it('lists the companies a person may act for today, with the office or power of attorney behind each', async () => {
    const represented = (code: string) => get(`${registers.legalEntities.subsystemUrl}/represented-entities/${code}?purpose=choose%20whom%20to%20act%20for`, xroad());
    // Jonas: director of a registered company; his deregistered one is left out.
    expect((await represented('38501010013')).body).toEqual({
      personalCode: '38501010013',
      entities: [expect.objectContaining({ companyCode: '305888127', role: 'director', alone: true, validUntil: null })],
    });
    const ieva = (await represented('010190-10036')).body.entities.map((e: { companyCode: string; role: string }) => [e.companyCode, e.role]);
    expect(ieva).toEqual([['305888127', 'authorised representative'], ['40202115574', 'board member']]);
    expect((await represented('38804121232')).body.entities).toEqual([expect.objectContaining({ companyCode: '305678912', alone: false, jointlyWith: ['Mantas Kazlauskas'] })]);
    // An expired power of attorney gives nothing; an unknown person represents nobody.
    expect((await represented('39108080642')).body.entities).toEqual([]);
    expect((await represented('39001010000')).body.entities).toEqual([]);
    expect((await represented('47511231563')).status).toBe(400);
  });
});
