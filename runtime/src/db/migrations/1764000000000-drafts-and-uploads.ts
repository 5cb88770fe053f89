import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Citizens' saved drafts of start forms (one per user and service, expiring by the service's
 * retention), and uploads: a citizen's upload not attached to an application by its purge_after
 * time is deleted unless a live draft refers to it.
 */
export class DraftsAndUploads1764000000000 implements MigrationInterface {
  name = 'DraftsAndUploads1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE draft (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        service_id uuid NOT NULL REFERENCES service(id),
        service_version_id uuid NOT NULL REFERENCES service_version(id),
        data jsonb NOT NULL,
        page integer CHECK (page >= 0),
        document_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        UNIQUE (user_id, service_id)
      );
      CREATE INDEX draft_expiry ON draft (expires_at);
      -- Set on citizens' uploads only; documents stored by the platform itself are never purged.
      ALTER TABLE document ADD COLUMN purge_after timestamptz;
      CREATE INDEX document_purge ON document (purge_after) WHERE application_id IS NULL AND purge_after IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX document_purge;
      ALTER TABLE document DROP COLUMN purge_after;
      DROP TABLE draft;
    `);
  }
}
