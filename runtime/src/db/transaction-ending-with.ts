import type { ClientBase } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** One SQL statement with its parameters, to be sent later. */
export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Runs `work` in a transaction and then sends the statement it returns as `last` with the COMMIT
 * queued right behind it: node-postgres sends a queued query the moment the one before it
 * completes, so no trip through the event loop separates the two.
 *
 * For a last statement that takes a lock every writer queues on, such as the audit chain's: the
 * lock is then held for two statements, not for two statements plus however long a busy event
 * loop takes to come back to this transaction and send its COMMIT.
 *
 * When the last statement fails, PostgreSQL answers the COMMIT by rolling back, and the
 * statement's error is thrown: nothing of the transaction is kept.
 */
export async function transactionEndingWith<T>(db: DataSource, work: (manager: EntityManager) => Promise<{ result: T; last: Statement }>): Promise<T> {
  const runner = db.createQueryRunner();
  const connection = (await runner.connect()) as ClientBase;
  try {
    await runner.startTransaction();
    let ending: { result: T; last: Statement };
    try {
      ending = await work(runner.manager);
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
    const [last, commit] = await Promise.allSettled([connection.query(ending.last.text, ending.last.values), connection.query('COMMIT')]);
    if (last.status === 'rejected') throw last.reason;
    if (commit.status === 'rejected') throw commit.reason;
    return ending.result;
  } finally {
    await runner.release();
  }
}
