import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { createTestDatabase } from './support/test-database.js';

describe('prepared statements', () => {
  it('prepares a repeated statement once per connection, and runs statements past its bound unprepared', async () => {
    const server = await createTestDatabase();
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'konstruktor-prepared-'));
    const database = await openDatabase({ databaseUrl: server.url, dataDir, poolSize: 1 });
    try {
      const db = database.dataSource;
      for (let i = 0; i < 3; i += 1) expect(await db.query('SELECT $1::int + 1 AS n', [i])).toEqual([{ n: i + 1 }]);
      const prepared = async (statement: string) =>
        ((await db.query('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1', [statement])) as { n: number }[])[0]!.n;
      expect(await prepared('SELECT $1::int + 1 AS n')).toBe(1);

      // Past the bound (500 per connection) the answers stay right: the statements just run unprepared.
      for (let i = 0; i < 600; i += 1) expect(await db.query(`SELECT $1::int + ${i} AS n`, [1])).toEqual([{ n: 1 + i }]);
      const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM pg_prepared_statements')) as [{ n: number }];
      expect(n).toBe(500);
      expect(await prepared('SELECT $1::int + 599 AS n')).toBe(0);
    } finally {
      await database.close();
      await server.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
