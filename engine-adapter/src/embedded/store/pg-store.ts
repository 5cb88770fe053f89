import pg from 'pg';
import { TABLES, type EngineState } from '../state/engine-state.js';
import type { EngineStore } from './store.js';

type Rows = { rows: Record<string, unknown>[] };
export type Query = (sql: string, params?: unknown[]) => Promise<Rows>;

/** The little the engine needs from a PostgreSQL connection; the runtime passes its own. */
export interface SqlClient {
  query: Query;
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
}

export function poolClient(pool: pg.Pool): SqlClient {
  return {
    query: (sql, params) => pool.query(sql, params as unknown[]),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work((sql, params) => client.query(sql, params as unknown[]));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** Idempotent: the engine's two tables. Records are JSON documents keyed by kind and key. */
export const ENGINE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS engine_record (
    kind text NOT NULL,
    key text NOT NULL,
    data jsonb NOT NULL,
    PRIMARY KEY (kind, key)
  );
  CREATE TABLE IF NOT EXISTS engine_variables (
    scope_key text PRIMARY KEY,
    instance_key text NOT NULL,
    data jsonb NOT NULL
  );
`;

/** Durable engine state in PostgreSQL (or PGlite): one transaction per flushed batch of commands. */
export class PgStore implements EngineStore {
  constructor(private readonly sql: SqlClient, private readonly onClose?: () => Promise<void>) {}

  static async connect(url: string): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const store = new PgStore(poolClient(pool), () => pool.end());
    await store.sql.query(ENGINE_SCHEMA);
    return store;
  }

  async load(state: EngineState): Promise<void> {
    const { rows } = await this.sql.query('SELECT kind, key, data FROM engine_record');
    for (const row of rows) {
      const table = state.table(row.kind as (typeof TABLES)[number]);
      table.put(row.data as never); // through put: the table's indexes learn the record too
      state.advanceKeysPast(row.key as string);
    }
    const variables = await this.sql.query('SELECT scope_key, instance_key, data FROM engine_variables');
    for (const row of variables.rows) {
      for (const [name, value] of Object.entries(row.data as Record<string, unknown>)) {
        state.variables.set(row.scope_key as string, row.instance_key as string, name, value);
      }
    }
    for (const table of TABLES) state.table(table).dirty.clear();
    state.variables.dirty.clear();
  }

  async flush(state: EngineState): Promise<void> {
    const writes: [string, unknown[]][] = [];
    for (const kind of TABLES) {
      const table = state.table(kind);
      if (!table.dirty.size) continue;
      const keys: string[] = [];
      const data: string[] = [];
      const deleted: string[] = [];
      for (const key of table.dirty) {
        const record = table.rows.get(key);
        if (record) {
          keys.push(key);
          data.push(JSON.stringify(record));
        } else deleted.push(key);
      }
      if (keys.length) writes.push(['INSERT INTO engine_record (kind, key, data) SELECT $1, k, d::jsonb FROM unnest($2::text[], $3::text[]) AS t(k, d) ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data', [kind, keys, data]]);
      if (deleted.length) writes.push(['DELETE FROM engine_record WHERE kind = $1 AND key = ANY($2::text[])', [kind, deleted]]);
      table.dirty.clear();
    }
    if (state.variables.dirty.size) {
      const scopes: string[] = [];
      const instances: string[] = [];
      const data: string[] = [];
      const dropped: string[] = [];
      for (const scopeKey of state.variables.dirty) {
        const scope = state.variables.scopes.get(scopeKey);
        if (!scope) dropped.push(scopeKey);
        else {
          scopes.push(scopeKey);
          instances.push(scope.instanceKey);
          data.push(JSON.stringify(Object.fromEntries(scope.values)));
        }
      }
      if (scopes.length) writes.push(['INSERT INTO engine_variables (scope_key, instance_key, data) SELECT s, i, d::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS t(s, i, d) ON CONFLICT (scope_key) DO UPDATE SET data = excluded.data', [scopes, instances, data]]);
      if (dropped.length) writes.push(['DELETE FROM engine_variables WHERE scope_key = ANY($1::text[])', [dropped]]);
      state.variables.dirty.clear();
    }
    if (!writes.length) return;
    await this.sql.transaction(async (query) => {
      for (const [sql, params] of writes) await query(sql, params);
    });
  }

  async close(): Promise<void> {
    await this.onClose?.();
  }
}
