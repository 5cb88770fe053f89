import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The process bridge's own tables. The outbox's are pg-boss's (schema pgboss, made by pg-boss).
 * - engine_instance: which application each process instance works for (call activities' too),
 *   learnt from the engine's feed;
 * - projection_position: the last feed position each projection applied, moved in the
 *   transaction that applied it;
 * - idempotency_key: the first result of each Idempotency-Key a user sent (24 hours).
 */
export class ProcessBridge1765065600000 implements MigrationInterface {
  name = 'ProcessBridge1765065600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE engine_instance (
        instance_key text PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (id)
      );
      CREATE TABLE projection_position (
        name text PRIMARY KEY,
        position bigint NOT NULL
      );
      CREATE TABLE idempotency_key (
        user_id uuid NOT NULL REFERENCES app_user (id),
        key text NOT NULL,
        fingerprint text NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      );
      CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
      INSERT INTO engine_instance (instance_key, application_id)
        SELECT process_instance_key, id FROM application WHERE process_instance_key IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE idempotency_key; DROP TABLE projection_position; DROP TABLE engine_instance;');
  }
}
