import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Submitting counts as signing (seed 003): each terms version may state the declaration Submit
 * confirms (lt, lv and en, or none: the platform's standard one), and each application gets a
 * receipt of what was confirmed, written with it; the platform seals the receipt after commit.
 * A pending receipt is due again at seal_due_at; a sealer holds it until seal_lease_until.
 */
export class SubmitReceipts1765497600000 implements MigrationInterface {
  name = 'SubmitReceipts1765497600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE terms_of_use ADD COLUMN declaration jsonb
        CONSTRAINT terms_declaration_in_every_language CHECK (declaration IS NULL OR declaration ?& ARRAY['lt', 'lv', 'en']);

      CREATE TABLE application_receipt (
        application_id uuid PRIMARY KEY REFERENCES application(id),
        case_number text NOT NULL, -- the case code as every channel shows it: service number and application number
        submitted_at timestamptz NOT NULL,
        submitter_id uuid NOT NULL REFERENCES app_user(id),
        submitter_name text NOT NULL,
        submitter_code text,
        on_behalf_of text,
        terms_version integer REFERENCES terms_of_use(version),
        language text NOT NULL CHECK (language IN ('lt', 'lv', 'en')),
        declaration text NOT NULL,
        answers_canonical text NOT NULL,
        digest_algorithm text NOT NULL CHECK (digest_algorithm = 'SHA-256'),
        answers_digest text NOT NULL,
        seal_status text NOT NULL DEFAULT 'pending' CHECK (seal_status IN ('pending', 'sealed')),
        seal_attempts integer NOT NULL DEFAULT 0,
        seal_due_at timestamptz NOT NULL DEFAULT now(),
        seal_lease_until timestamptz,
        seal_error text,
        sealed_at timestamptz,
        document_id uuid REFERENCES document(id),
        CHECK ((seal_status = 'sealed') = (document_id IS NOT NULL))
      );
      CREATE INDEX application_receipt_due ON application_receipt (seal_due_at) WHERE seal_status = 'pending';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE application_receipt;
      ALTER TABLE terms_of_use DROP COLUMN declaration;
    `);
  }
}
