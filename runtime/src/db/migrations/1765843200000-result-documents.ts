import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an order's documents list needs of each document: whether the citizen uploaded it or the
 * platform produced it, the draft a signed copy was made from (the copy replaces it in the list),
 * and the verification of its signatures, made on first read and kept with it.
 */
export class ResultDocuments1765843200000 implements MigrationInterface {
  name = 'ResultDocuments1765843200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE document
        ADD COLUMN source text NOT NULL DEFAULT 'platform' CHECK (source IN ('upload', 'platform')),
        ADD COLUMN signed_copy_of uuid REFERENCES document (id),
        ADD COLUMN signature jsonb;
      -- Uploads so far: still waiting to be submitted, or named in the data of the application that took them.
      UPDATE document d SET source = 'upload'
       WHERE d.purge_after IS NOT NULL
          OR EXISTS (SELECT 1 FROM application a WHERE a.id = d.application_id AND strpos(a.data::text, d.id::text) > 0);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE document DROP COLUMN signature, DROP COLUMN signed_copy_of, DROP COLUMN source');
  }
}
