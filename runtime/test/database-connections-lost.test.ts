import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';

/** What a PostgreSQL restart or failover does to a running runtime: every connection it holds is ended by the server. */
async function endEveryConnection(databaseUrl: string): Promise<number> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ ended: number }>(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS ended
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows[0]!.ended;
  } finally {
    await admin.end();
  }
}

async function readyAgain(t: TestRuntime): Promise<number> {
  let status = 0;
  for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
    status = (await t.anonymous().get('/health/ready')).status;
    if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return status;
}

// Only a server can end connections: PGlite lives in the runtime's own process.
describe.skipIf(!process.env.DATABASE_URL)('when the database server ends every connection (a restart, a failover)', () => {
  let t: TestRuntime;
  let service: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishService(t);
  });
  afterAll(() => t?.close());

  it('the runtime stays up, is ready again, and takes an order through to the official', async () => {
    const jonas = await citizen(t);
    expect((await jonas.post('/api/applications', { service, data: { place: 'Laisvės al. 1' } })).status).toBe(201);

    // The runtime's and the embedded engine's pooled connections, idle between requests.
    expect(await endEveryConnection(t.databaseUrl!)).toBeGreaterThan(0);

    expect(await readyAgain(t)).toBe(200);
    const again = await jonas.post('/api/applications', { service, data: { place: 'Rotušės a. 2' } });
    expect(again.status).toBe(201);
    const inbox = await (await t.as('official')).get('/api/tasks');
    expect(inbox.body.items.map((task: { applicationId: string }) => task.applicationId)).toContain(again.body.id);
  });
});
