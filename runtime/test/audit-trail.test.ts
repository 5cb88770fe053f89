import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run audit:verify` against the test's database; returns exit code and output. */
async function auditVerify(env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run('npm', ['run', '--silent', 'audit:verify'], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('audit trail', () => {
  let t: TestRuntime;
  let dataDir: string;
  let env: Record<string, string>;
  let service: string;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'konstruktor-audit-'));
    t = await startTestRuntime(process.env.DATABASE_URL ? {} : { dataDir });
    env = t.runtime.database.description.startsWith('PostgreSQL')
      ? { DATABASE_URL: (t.runtime.database.dataSource.options as { url: string }).url }
      : { DATA_DIR: dataDir, DATABASE_URL: '' };
    service = await publishService(t);
    const jonas = await citizen(t);
    for (let i = 0; i < 3; i += 1) await jonas.post('/api/applications', { service, data: { place: `Rotušės a. ${i}` } });
  });
  afterAll(async () => {
    await t?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const db = () => t.runtime.database.dataSource;

  it('records who did what to which object, readable by administrators', async () => {
    const events = (await (await t.as('administrator')).get('/api/audit?object=application&limit=100')).body.items;
    expect(events.filter((e: { action: string }) => e.action === 'application.submitted')).toHaveLength(3);
    const [submitted] = events;
    expect(submitted).toMatchObject({ objectType: 'application', actorId: expect.any(String), afterDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const one = await (await t.as('administrator')).get(`/api/audit?object=application:${submitted.objectId}`);
    expect(one.body.items.every((e: { objectId: string }) => e.objectId === submitted.objectId)).toBe(true);
  });

  it('refuses updates and deletes of audit rows by the application', async () => {
    await expect(db().query(`UPDATE audit_event SET action = 'nothing' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db().query('DELETE FROM audit_event WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it('keeps one unbroken chain when many orders arrive at once', async () => {
    const jonas = await citizen(t);
    const before = await t.runtime.services.audit.verify();
    const orders = await Promise.all(Array.from({ length: 20 }, (_, i) => jonas.post('/api/applications', { service, data: { place: `Turgaus g. ${i}` } })));
    expect(orders.map((order) => order.status)).toEqual(Array(20).fill(201));
    const after = await t.runtime.services.audit.verify();
    expect(after.problems).toEqual([]);
    expect(after.events).toBe(before.events + 20);
  });

  it('keeps no order whose audit event cannot be written', async () => {
    // The audit event is the order's last statement, sent with its commit queued behind it: a
    // failure there must roll the order back, not leave it stored unaudited.
    const jonas = await citizen(t);
    const count = async () => Number((await db().query('SELECT count(*) AS n FROM application'))[0].n);
    const before = await count();
    await db().query(`CREATE FUNCTION refuse_order_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'application.submitted' THEN RAISE EXCEPTION 'audit store refused'; END IF; RETURN NEW; END $$`);
    await db().query('CREATE TRIGGER refuse_order_audit BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse_order_audit()');
    try {
      const refused = await jonas.post('/api/applications', { service, data: { place: 'Vilniaus g. 1' } });
      expect(refused.status).toBe(500);
      expect(await count()).toBe(before);
    } finally {
      await db().query('DROP TRIGGER refuse_order_audit ON audit_event');
      await db().query('DROP FUNCTION refuse_order_audit()');
    }
    const accepted = await jonas.post('/api/applications', { service, data: { place: 'Vilniaus g. 1' } });
    expect(accepted.status).toBe(201);
    expect(await count()).toBe(before + 1);
    expect((await t.runtime.services.audit.verify()).problems).toEqual([]);
  });

  it('hashes in the database exactly as audit:verify does, whatever the details hold', async () => {
    // The database completes the event's canonical JSON (audit_append); these details test its
    // text handling: non-ASCII letters, characters JSON escapes, numbers RFC 8785 rewrites.
    const details = { place: 'Šiaulių g. 5, Klaipėda', quote: 'say "ne"\\ \u2028 \u0007', emoji: '🏛️', big: 1e21, small: 0.000001, list: [3, 'b', null], nested: { z: 1, a: true } };
    const event = await t.runtime.services.audit.recordAlone({ actorId: null, action: 'test.details', objectType: 'test', objectId: 'unicode', details, after: details });
    const [stored] = await db().query('SELECT hash FROM audit_event WHERE seq = $1', [event.seq]);
    expect(stored.hash).toBe(event.hash);
    const { problems } = await t.runtime.services.audit.verify();
    expect(problems).toEqual([]);
  });

  it('verifies an intact chain, then detects an edited and a deleted row with npm run audit:verify', async () => {
    const { events, problems } = await t.runtime.services.audit.verify();
    expect(problems).toEqual([]);
    expect(events).toBeGreaterThan(5);

    // Tampering needs the table owner to switch the guard off first, as an intruder with DBA rights would.
    await db().query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
    await db().query(`UPDATE audit_event SET details = '{"service":"forged"}' WHERE seq = 3`);
    await db().query('DELETE FROM audit_event WHERE seq = 5');
    await db().query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');

    const found = await t.runtime.services.audit.verify();
    expect(found.problems).toEqual(expect.arrayContaining([
      { seq: '3', problem: expect.stringContaining('changed') },
      { seq: '6', problem: expect.stringContaining('missing') },
    ]));

    if (env.DATA_DIR) await t.runtime.close(); // the embedded database has one user at a time
    const cli = await auditVerify(env);
    expect(cli.code).toBe(1);
    expect(cli.output).toContain('audit trail BROKEN');
    expect(cli.output).toMatch(/seq 3: content was changed/);
    expect(cli.output).toMatch(/seq 6: .*missing/);
  });
});
