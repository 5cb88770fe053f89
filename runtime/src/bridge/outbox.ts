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
 * The transactional outbox between the runtime and the engine, on pg-boss (a PostgreSQL job
 * queue): a change that must reach the engine writes its command in its own transaction
 * (`enqueue`), so the command exists exactly when the change does. After COMMIT a dispatcher
 * on some replica takes it (SKIP LOCKED: one replica per command), sends it and marks it done;
 * an unreachable engine is tried again until it answers; a dispatcher that dies mid-command
 * loses its lease and another sends it again, which the commands are built to survive.
 */
export class Outbox {
  private stopListening: (() => void) | undefined;
  private dispatching: Promise<void> | undefined;
  private stopping = false;
  /** A commit announced commands (or stop() was called) since the dispatcher last looked. */
  private woken = false;
  /** Ends the dispatcher's wait between polls. */
  private interrupt: () => void = () => undefined;

  private constructor(private readonly boss: PgBoss, private readonly db: DataSource, private readonly logger: Logger, private readonly options: OutboxOptions) {}

  static async open(db: DataSource, logger: Logger, options: OutboxOptions = {}): Promise<Outbox> {
    const boss = new PgBoss({
      db: executor(db), schema: 'pgboss', migrate: true, supervise: true, schedule: false,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 10,
    });
    boss.on('error', (err: Error) => logger.warn({ err: { message: err.message } }, 'outbox: pg-boss reported an error'));
    await boss.start();
    await boss.createQueue(QUEUE, {
      name: QUEUE, retryLimit: RETRY_FOR_EVER, retryDelay: RETRY_EVERY_SECONDS, retryBackoff: false,
      expireInSeconds: LEASE_SECONDS, retentionDays: 1,
    });
    return new Outbox(boss, db, logger, options);
  }

  /** Writes the command in the transaction of `manager`; dispatchers hear of it when that commits. */
  async enqueue(manager: EntityManager, command: EngineCommand): Promise<void> {
    await this.boss.send(QUEUE, command, { db: executor(manager) });
    await Notifications.notify(manager, OUTBOX_CHANNEL);
  }

  /**
   * Takes and sends commands until stopped: at once when a commit says there are some, else at
   * every poll. The loop is ours, not pg-boss's `work`: that one marks a job done without
   * awaiting it, so its stop() could return while the query still ran and the pool closed under it.
   */
  async startDispatching(send: CommandSender, notifications: Notifications): Promise<void> {
    this.stopListening = await notifications.listen(OUTBOX_CHANNEL, () => this.wake());
    this.dispatching = this.dispatchUntilStopped(send);
  }

  private async dispatchUntilStopped(send: CommandSender): Promise<void> {
    const pollMs = (this.options.pollingIntervalSeconds ?? 2) * 1000;
    while (!this.stopping) {
      this.woken = false;
      let taken = 0;
      try {
        const jobs = await this.boss.fetch<EngineCommand>(QUEUE, { batchSize: BATCH });
        taken = jobs.length;
        // Each on its own: one failing command is retried alone, the others are done.
        await Promise.all(jobs.map((job) => this.dispatch(job, send)));
      } catch (err) {
        this.logger.warn({ err: { message: (err as Error).message } }, 'outbox: dispatching paused by an error');
      }
      // A full batch, or news meanwhile: more may be waiting.
      if (taken < BATCH && !this.woken) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          this.interrupt = () => { clearTimeout(timer); resolve(); };
        });
      }
    }
  }

  private wake(): void {
    this.woken = true;
    this.interrupt();
  }

  private async dispatch(job: PgBoss.Job<EngineCommand>, send: CommandSender): Promise<void> {
    let outcome: Awaited<ReturnType<CommandSender>>;
    try {
      outcome = await send(job.data);
    } catch (err) {
      this.logger.warn({ err: { message: (err as Error).message }, command: job.data.kind, id: job.id }, `outbox: command not sent; trying again in ${RETRY_EVERY_SECONDS}s`);
      await this.boss.fail(QUEUE, job.id, { message: (err as Error).message });
      return;
    }
    if (outcome.result !== 'done') this.logger.warn({ command: job.data.kind, id: job.id, ...outcome }, 'outbox: the engine did not take a command');
    await this.boss.complete(QUEUE, job.id);
  }

  /** Commands written and not yet sent (or being sent), for health and tests. */
  async pending(): Promise<number> {
    const rows = (await this.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state < 'completed'`, [QUEUE])) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  /** Stops taking commands and waits until those in hand are sent and marked. */
  async stop(): Promise<void> {
    this.stopListening?.();
    this.stopping = true;
    this.wake();
    await this.dispatching;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
