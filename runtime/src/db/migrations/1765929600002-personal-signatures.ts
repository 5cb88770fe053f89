import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * personal_signature: an official's mobile signature of a task's document — pending while the
 * phone waits, then signed (with the stored signed copy), refused, timed out or failed. At most
 * one pending per task.
 */
export class PersonalSignatures1765929600002 implements MigrationInterface {
  name = 'PersonalSignatures1765929600002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE personal_signature (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task (id),
        official_id uuid NOT NULL REFERENCES app_user (id),
        document_id uuid NOT NULL REFERENCES document (id),
        status text NOT NULL CHECK (status IN ('pending', 'signed', 'refused', 'timeout', 'failed')),
        verification_code text,
        signed_document_id uuid REFERENCES document (id),
        failure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
      CREATE UNIQUE INDEX personal_signature_one_pending ON personal_signature (task_id) WHERE status = 'pending';
      CREATE INDEX personal_signature_task ON personal_signature (task_id, created_at DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE personal_signature');
  }
}
