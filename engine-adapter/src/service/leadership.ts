import { hostname } from 'node:os';
import pg from 'pg';

/** The advisory lock every engine process of one database contends for (a fixed 64-bit key). */
const LOCK_KEY = '7245109911540622170';
/** How often the leader checks that its lock's connection is still alive. */
const HEARTBEAT_MS = 1000;

export interface Leadership {
  /** Bumped each time a process takes the lead; the store fences its commits with it. */
  epoch: string;
  release(): Promise<void>;
}

/**
 * Active/standby on one PostgreSQL: the process holding a session advisory lock leads; the others
 * wait in `pg_advisory_lock` and one takes over the moment the leader's session ends (a crashed
 * process's connection is closed by its kernel, so PostgreSQL frees the lock at once). On taking
 * the lead the epoch in engine_leader is bumped: a former leader still writing is fenced off by
 * its commits (pg-store), which name the old epoch. `onLost` is called if the lock's connection
 * fails while leading: the process must stop serving at once.
 */
export async function lead(databaseUrl: string, onLost: (reason: Error) => void, signal?: AbortSignal): Promise<Leadership> {
  const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
  let leading = false;
  client.on('error', (error) => { if (leading) onLost(error); });
  await client.connect();
  const giveUp = () => void client.end().catch(() => undefined);
  signal?.addEventListener('abort', giveUp, { once: true });
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [LOCK_KEY]);
  } catch (error) {
    giveUp();
    throw error;
  }
  signal?.removeEventListener('abort', giveUp);
  await client.query(`CREATE TABLE IF NOT EXISTS engine_leader (
    id int PRIMARY KEY CHECK (id = 1), epoch bigint NOT NULL, holder text NOT NULL, since timestamptz NOT NULL)`);
  const { rows: [row] } = await client.query(
    `INSERT INTO engine_leader (id, epoch, holder, since) VALUES (1, 1, $1, now())
     ON CONFLICT (id) DO UPDATE SET epoch = engine_leader.epoch + 1, holder = $1, since = now() RETURNING epoch::text AS epoch`,
    [`${hostname()}:${process.pid}`],
  );
  leading = true;
  const heartbeat = setInterval(() => {
    client.query('SELECT 1').catch((error: Error) => {
      if (!leading) return;
      leading = false;
      clearInterval(heartbeat);
      onLost(error);
    });
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    epoch: row!.epoch as string,
    async release() {
      leading = false;
      clearInterval(heartbeat);
      await client.end().catch(() => undefined);
    },
  };
}
