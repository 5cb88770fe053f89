import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_chain_head(): takes the audit chain's lock and returns its newest event, in one round
 * trip. It must be a VOLATILE function: each statement in one sees a snapshot taken when that
 * statement starts, so the SELECT sees an event committed while it waited for the lock. The
 * same two statements in one SQL statement would share a snapshot taken before the wait, and two
 * writers could extend the chain from the same event.
 */
export class AuditChainHead1764259200000 implements MigrationInterface {
  name = 'AuditChainHead1764259200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION audit_chain_head() RETURNS TABLE (seq bigint, hash text) LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit_event'));
        RETURN QUERY SELECT e.seq, e.hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1;
      END
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION audit_chain_head()');
  }
}
