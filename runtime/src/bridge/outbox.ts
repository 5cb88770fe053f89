import PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { Notifications } from '../db/notifications.js';
import type { CommandOutcome, EngineCommand } from './engine-commands.js';

const QUEUE = 'engine-commands';
/** Sent on commit of a transaction that wrote a command: wakes the dispatchers of every replica. */
export const OUTBOX_CHANNEL = 'konstruktor_outbox';

/** Commands sent at once; each goes to the engine on its own. */
const BATCH = 50;
/** A command whose dispatcher died is given to another after this long. */
const LEASE_SECONDS = 30;
/** An engine that cannot be reached is tried again this often, for as long as it takes. */
const RETRY_EVERY_SECONDS = 2;
const RETRY_FOR_EVER = 1_000_000;

export interface OutboxOptions {
  /** Dispatchers poll this often besides being woken on commit (a missed notification, a retry due). */
  pollingIntervalSeconds?: number;
  /** How often expired leases are returned (pg-boss maintenance). */
  maintenanceIntervalSeconds?: number;
}

export type CommandSender = (command: EngineCommand) => Promise<CommandOutcome>;

/**
 * pg-boss on the runtime's own connections: a transaction's, or the pool's. Through TypeORM's
 * structured results: its plain `query` answers an UPDATE with [rows, count], not the rows.
 */
const executor = (db: DataSource | EntityManager): PgBoss.Db => ({
  executeSql: async (text, values) => {
    const manager = 'manager' in db ? db.manager : db;
    const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
    try {
      return { rows: (await runner.query(text, values, true)).records };
    } finally {
      if (runner !== manager.queryRunner) await runner.release();
    }
  },
});

/**
 * The pool's executor, counting what it has in hand. pg-boss 10 marks a job done without
 * awaiting the query, after its own stop() may already have returned; the pool must not close
 * under that query, so stop() waits for these too.
 */
function trackedExecutor(db: DataSource): { db: PgBoss.Db; settled(): Promise<void> } {
  const inner = executor(db);
  const inFlight = new Set<Promise<unknown>>();
  return {
    db: {
      executeSql: (text, values) => {
        const query = inner.executeSql(text, values);
        inFlight.add(query);
        void query.finally(() => inFlight.delete(query)).catch(() => undefined);
        return query;
      },
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/**
 * The transactional outbox between the runtime and the engine, on pg-boss (a PostgreSQL job
 * queue): a change that must reach the engine writes its command in its own transaction
 * (`enqueue`), so the command exists exactly when the change does. After COMMIT a dispatcher
 * on some replica takes it (SKIP LOCKED: one replica per command), sends it and marks it done;
 * an unreachable engine is tried again until it answers; a dispatcher that dies mid-command
 * loses its lease and another sends it again, which the commands are built to survive.
 */
export class Outbox {
  private workerId: string | undefined;
  private stopListening: (() => void) | undefined;

  private constructor(
    private readonly boss: PgBoss, private readonly db: DataSource, private readonly queries: { settled(): Promise<void> },
    private readonly logger: Logger, private readonly options: OutboxOptions,
  ) {}

  static async open(db: DataSource, logger: Logger, options: OutboxOptions = {}): Promise<Outbox> {
    const pool = trackedExecutor(db);
    const boss = new PgBoss({
      db: pool.db, schema: 'pgboss', migrate: true, supervise: true, schedule: false,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 10,
    });
    boss.on('error', (err: Error) => logger.warn({ err: { message: err.message } }, 'outbox: pg-boss reported an error'));
    await boss.start();
    await boss.createQueue(QUEUE, {
      name: QUEUE, retryLimit: RETRY_FOR_EVER, retryDelay: RETRY_EVERY_SECONDS, retryBackoff: false,
      expireInSeconds: LEASE_SECONDS, retentionDays: 1,
    });
    return new Outbox(boss, db, pool, logger, options);
  }

  /** Writes the command in the transaction of `manager`; dispatchers hear of it when that commits. */
  async enqueue(manager: EntityManager, command: EngineCommand): Promise<void> {
    await this.boss.send(QUEUE, command, { db: executor(manager) });
    await Notifications.notify(manager, OUTBOX_CHANNEL);
  }

  /** Takes and sends commands until stopped: at once when a commit says there are some, else at every poll. */
  async startDispatching(send: CommandSender, notifications: Notifications): Promise<void> {
    this.workerId = await this.boss.work<EngineCommand>(QUEUE, {
      batchSize: BATCH, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2,
    }, async (jobs) => {
      // Each on its own: one failing command is retried alone, the others are done.
      await Promise.all(jobs.map(async (job) => {
        try {
          const outcome = await send(job.data);
          if (outcome.result !== 'done') this.logger.warn({ command: job.data.kind, id: job.id, ...outcome }, 'outbox: the engine did not take a command');
        } catch (err) {
          this.logger.warn({ err: { message: (err as Error).message }, command: job.data.kind, id: job.id }, `outbox: command not sent; trying again in ${RETRY_EVERY_SECONDS}s`);
          await this.boss.fail(QUEUE, job.id, { message: (err as Error).message });
        }
      }));
    });
    this.stopListening = await notifications.listen(OUTBOX_CHANNEL, () => { if (this.workerId) this.boss.notifyWorker(this.workerId); });
  }

  /** Commands written and not yet sent (or being sent), for health and tests. */
  async pending(): Promise<number> {
    const rows = (await this.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state < 'completed'`, [QUEUE])) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  /** Stops taking commands and waits for those in hand, and for pg-boss's last queries. */
  async stop(): Promise<void> {
    this.stopListening?.();
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    await this.queries.settled();
  }
}
