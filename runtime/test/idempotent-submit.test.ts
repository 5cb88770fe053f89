/**
 * POST /api/applications with an Idempotency-Key (IETF httpapi draft): a double click or a retry
 * creates one order; the same key with another body is refused and changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, publishProcessService, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';

const BPMN = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'permit-process.bpmn'), 'utf8');

describe('idempotent orders', () => {
  let t: TestRuntime;
  let service: string;
  const processService = `idempotent-process-${process.pid}`;
  const count = async (sql: string, values: unknown[] = []) => Number(((await t.runtime.database.dataSource.query(sql, values)) as { n: string }[])[0]!.n);
  const applicationsOf = (serviceCode: string) => count('SELECT count(*) AS n FROM application a JOIN service s ON s.id = a.service_id WHERE s.code = $1', [serviceCode]);

  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishService(t);
    await publishProcessService(t, { code: processService, processId: `idempotent-permit-${process.pid}`, bpmn: BPMN.replaceAll('test-permit', `idempotent-permit-${process.pid}`) });
  }, 120_000);
  afterAll(() => t?.close());

  it('answers a repeated order with the first result and creates nothing more', async () => {
    const jonas = await citizen(t);
    const body = { service, data: { place: 'Vilniaus g. 1' } };
    const first = await jonas.request('POST', '/api/applications', body, { headers: { 'idempotency-key': '"order-1"' } });
    expect(first.status).toBe(201);
    const before = await t.snapshot();
    const again = await jonas.request('POST', '/api/applications', body, { headers: { 'idempotency-key': '"order-1"' } });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(`/api/applications/${first.body.id}`);
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses the same key with another body, naming the header, and changes nothing', async () => {
    const jonas = await citizen(t);
    await jonas.request('POST', '/api/applications', { service, data: { place: 'A' } }, { headers: { 'idempotency-key': 'order-2' } });
    const before = await t.snapshot();
    const other = await jonas.request('POST', '/api/applications', { service, data: { place: 'B' } }, { headers: { 'idempotency-key': 'order-2' } });
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('urn:konstruktor:problem:idempotency-key-reused');
    expect(other.body.title).toMatch(/Idempotency-Key/);
    expect(await t.snapshot()).toEqual(before);
  });

  it('makes one order of a burst of identical requests, with one engine instance', async () => {
    const jonas = await citizen(t);
    const body = { service: processService, data: { place: 'Gedimino pr. 9' } };
    const before = await applicationsOf(processService);
    const answers = await Promise.all(Array.from({ length: 6 }, () => jonas.request('POST', '/api/applications', body, { headers: { 'idempotency-key': 'double-click-3' } })));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await applicationsOf(processService)).toBe(before + 1);
    expect(await count(`SELECT count(*) AS n FROM pgboss.job WHERE data->>'kind' = 'create-instance' AND data->'request'->>'businessKey' = $1`, [`application:${answers[0]!.body.id}`])).toBe(1);
  });

  it('keeps each user\'s keys apart', async () => {
    const jonas = await citizen(t);
    const other = await citizen(t, 'citizen2');
    const body = { service, data: { place: 'C' } };
    const mine = await jonas.request('POST', '/api/applications', body, { headers: { 'idempotency-key': 'shared-key' } });
    const theirs = await other.request('POST', '/api/applications', body, { headers: { 'idempotency-key': 'shared-key' } });
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect((await other.get(`/api/applications/${mine.body.id}`)).status).toBe(404);
  });

  it('refuses a malformed key with 400 and changes nothing', async () => {
    const jonas = await citizen(t);
    const before = await t.snapshot();
    for (const key of ['x'.repeat(256), 'with "quote"', 'with a space']) {
      const response = await jonas.request('POST', '/api/applications', { service, data: {} }, { headers: { 'idempotency-key': key } });
      expect(response.status).toBe(400);
      expect(response.body.detail).toContain('Idempotency-Key');
    }
    expect(await t.snapshot()).toEqual(before);
  });
});
