import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient } from './pg-store.js';

/**
 * The engine's own embedded PostgreSQL (PGlite) in a folder, used directly without a socket:
 * nobody else shares its single session, so engine commits never wait on another's transaction.
 */
export async function openPglite(dataDir: string | 'memory'): Promise<{ client: SqlClient; close(): Promise<void> }> {
  if (dataDir !== 'memory') await fs.mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir === 'memory' ? undefined : dataDir);
  const client: SqlClient = {
    query: (sql, params) => (params?.length ? db.query(sql, params) : db.exec(sql).then((results) => results.at(-1) ?? { rows: [] })) as never,
  };
  return { client, close: () => db.close() };
}
