import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL without a server: PGlite (PostgreSQL compiled to WASM) behind its wire-protocol
 * socket on loopback, so the runtime talks to it through the same `pg` driver and SQL as to a
 * real server. PGlite has one session, so clients must use a single connection.
 */
export interface EmbeddedPostgres {
  url: string;
  pglite: PGlite;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string | 'memory'): Promise<EmbeddedPostgres> {
  let dbPath: string | undefined;
  if (dataDir !== 'memory') {
    dbPath = path.join(dataDir, 'pgdata');
    await fs.mkdir(dbPath, { recursive: true });
  }
  // unaccent: the inbox search folds accents (CREATE EXTENSION in a migration needs its files loaded).
  const pglite = await PGlite.create({ dataDir: dbPath, extensions: { unaccent } });
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0 });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  return {
    url,
    pglite,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
