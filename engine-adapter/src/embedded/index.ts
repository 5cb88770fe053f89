import { EmbeddedEngine, EngineClock } from './embedded-engine.js';
import { PgStore, poolClient, ENGINE_SCHEMA, type SqlClient } from './store/pg-store.js';
import { openPglite } from './store/pglite-client.js';
import { MemoryStore, type EngineStore } from './store/store.js';

export { EmbeddedEngine, EngineClock, PgStore, MemoryStore, poolClient, ENGINE_SCHEMA, type SqlClient };

export interface EmbeddedEngineOptions {
  /** A PostgreSQL server (the engine keeps its two tables there). */
  databaseUrl?: string;
  /** Else an embedded PostgreSQL (PGlite) in this folder; `memory` keeps nothing. */
  dataDir?: string;
  clock?: EngineClock;
  /** The leader's epoch (service/leadership.ts): commits are fenced by it. PostgreSQL only. */
  epoch?: string;
}

/** An embedded engine, durable in PostgreSQL or PGlite; in memory when neither is given. */
export async function createEmbeddedEngine(options: EmbeddedEngineOptions = {}): Promise<EmbeddedEngine> {
  let store: EngineStore;
  if (options.databaseUrl) store = await PgStore.connect(options.databaseUrl, options.epoch ? { epoch: options.epoch } : {});
  else if (options.dataDir && options.dataDir !== 'memory') {
    const { client, close } = await openPglite(options.dataDir);
    await client.query(ENGINE_SCHEMA);
    store = new PgStore(client, close);
  } else store = new MemoryStore();
  return EmbeddedEngine.start(store, options.clock);
}
