import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-assistants (seed 004): a person authorises another, by personal code, to order all or some
 * services on his behalf until a date. An application made so belongs to the represented person
 * and records who submitted it and under which authorisation; so does its receipt.
 */
export class ActingFor1765756800000 implements MigrationInterface {
  name = 'ActingFor1765756800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE authorisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grantor_id uuid NOT NULL REFERENCES app_user(id),
        assistant_code text NOT NULL,
        assistant_name text NOT NULL,
        services text[] CHECK (services IS NULL OR cardinality(services) > 0),
        valid_until timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX authorisation_grantor ON authorisation (grantor_id, created_at DESC);
      CREATE INDEX authorisation_assistant ON authorisation (assistant_code, created_at DESC);

      ALTER TABLE application
        ADD COLUMN submitted_by_id uuid REFERENCES app_user(id),
        ADD COLUMN authorisation_id uuid REFERENCES authorisation(id),
        ADD CONSTRAINT application_submitted_under_authorisation CHECK ((submitted_by_id IS NULL) = (authorisation_id IS NULL));
      CREATE INDEX application_authorisation ON application (authorisation_id, submitted_at DESC) WHERE authorisation_id IS NOT NULL;

      ALTER TABLE application_receipt
        ADD COLUMN represented_name text,
        ADD COLUMN represented_code text,
        ADD COLUMN authorisation_id uuid REFERENCES authorisation(id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE application_receipt DROP COLUMN authorisation_id, DROP COLUMN represented_code, DROP COLUMN represented_name;
      ALTER TABLE application DROP CONSTRAINT application_submitted_under_authorisation, DROP COLUMN authorisation_id, DROP COLUMN submitted_by_id;
      DROP TABLE authorisation;
    `);
  }
}
