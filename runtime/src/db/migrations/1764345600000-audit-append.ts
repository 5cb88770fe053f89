import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AuditChainHead1764259200000 } from './1764259200000-audit-chain-head.js';

/**
 * audit_append(): extends the audit chain by one event in one statement. It takes the chain's
 * lock, reads the newest event, numbers and hashes the new one and inserts it, so the lock is
 * held from this statement to the commit and for no round trip to the runtime in between.
 *
 * The hash is the one audit-chain.ts's eventHash() computes: SHA-256 of the previous hash, a
 * newline and the event's canonical JSON (RFC 8785). The runtime passes that JSON without its
 * seq; "seq" sorts after every other key, so the function appends `,"seq":"N"}` once it knows N.
 *
 * VOLATILE, as audit_chain_head() was: each statement in it takes a fresh snapshot, so the read
 * after the lock sees an event committed while this one waited for it.
 */
export class AuditAppend1764345600000 implements MigrationInterface {
  name = 'AuditAppend1764345600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION audit_append(
        p_at timestamptz, p_actor_id uuid, p_action text, p_object_type text, p_object_id text,
        p_before_digest text, p_after_digest text, p_details jsonb, p_canonical_without_seq text
      ) RETURNS TABLE (appended_seq bigint, appended_prev_hash text, appended_hash text) LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit_event'));
        SELECT e.seq, e.hash INTO head_seq, head_hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1;
        appended_seq := coalesce(head_seq, 0) + 1;
        appended_prev_hash := coalesce(head_hash, repeat('0', 64));
        appended_hash := encode(sha256(convert_to(
          appended_prev_hash || E'\\n' || p_canonical_without_seq || ',"seq":"' || appended_seq || '"}', 'UTF8')), 'hex');
        INSERT INTO audit_event (seq, at, actor_id, action, object_type, object_id, before_digest, after_digest, details, prev_hash, hash)
          VALUES (appended_seq, p_at, p_actor_id, p_action, p_object_type, p_object_id, p_before_digest, p_after_digest, p_details,
            appended_prev_hash, appended_hash);
        RETURN NEXT;
      END
      $$`);
    await db.query('DROP FUNCTION audit_chain_head()');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION audit_append(timestamptz, uuid, text, text, text, text, text, jsonb, text)');
    await new AuditChainHead1764259200000().up(db);
  }
}
