import { EmbeddedEngine, EngineClock } from './embedded-engine.js';
import { PgStore, poolClient, ENGINE_SCHEMA, type SqlClient } from './store/pg-store.js';
import { MemoryStore } from './store/store.js';

export { EmbeddedEngine, EngineClock, PgStore, MemoryStore, poolClient, ENGINE_SCHEMA, type SqlClient };

/**
 * An embedded engine: durable in PostgreSQL when a URL (or client) is given, in memory otherwise.
 * ENGINE_DATABASE_URL / DATABASE_URL are read when nothing is passed.
 */
export async function createEmbeddedEngine(options: { databaseUrl?: string; sql?: SqlClient; clock?: EngineClock } = {}): Promise<EmbeddedEngine> {
  const url = options.databaseUrl ?? process.env.ENGINE_DATABASE_URL;
  let store;
  if (options.sql) {
    await options.sql.query(ENGINE_SCHEMA);
    store = new PgStore(options.sql);
  } else store = url ? await PgStore.connect(url) : new MemoryStore();
  return EmbeddedEngine.start(store, options.clock);
}
