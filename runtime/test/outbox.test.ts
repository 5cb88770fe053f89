import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbox } from '../src/bridge/outbox.js';
import type { EngineCommand } from '../src/bridge/engine-commands.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { createTestDatabase } from './support/test-database.js';

const command: EngineCommand = {
  kind: 'publish-message',
  request: { name: 'paid', correlationKey: 'order-1', messageId: 'payment-1', variables: {} },
};

// A second session that holds the command's row, as a slow or busy database would, needs a server:
// PGlite has one session.
describe.skipIf(!process.env.DATABASE_URL)('the outbox on PostgreSQL', () => {
  let testDatabase: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  let dataDir: string;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'konstruktor-outbox-'));
    database = await openDatabase({ databaseUrl: testDatabase.url, dataDir });
  });

  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stops only once the command in hand is marked sent, so the database can close after it', async () => {
    const outbox = await Outbox.open(database.dataSource, pino({ level: 'silent' }), { pollingIntervalSeconds: 0.5 });
    await database.dataSource.transaction((manager) => outbox.enqueue(manager, command));
    const holder = new pg.Client({ connectionString: testDatabase.url });
    await holder.connect();
    const sent: EngineCommand[] = [];
    let handed!: () => void;
    const inHand = new Promise<void>((resolve) => { handed = resolve; });
    await outbox.startDispatching(async (sending) => {
      // The command's row is held elsewhere when the dispatcher comes to mark it sent.
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM pgboss.job WHERE name = 'engine-commands' FOR UPDATE`);
      sent.push(sending);
      handed();
      return { result: 'done' };
    }, database.notifications);
    await inHand;

    let stopped = false;
    const stopping = outbox.stop().then(() => { stopped = true; });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(stopped).toBe(false);

    await holder.query('COMMIT');
    await stopping;
    const { rows } = await holder.query(`SELECT state FROM pgboss.job WHERE name = 'engine-commands'`);
    await holder.end();
    expect(sent).toEqual([command]);
    expect(rows).toEqual([{ state: 'completed' }]);
  });
});
