import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Messages in citizens' portal inboxes ("My messages"), addressed by personal code so they wait for a first login. */
export class InboxMessages1764086400000 implements MigrationInterface {
  name = 'InboxMessages1764086400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inbox_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_personal_code text NOT NULL CHECK (length(recipient_personal_code) BETWEEN 1 AND 64),
        application_id uuid REFERENCES application (id),
        subject text NOT NULL,
        body text NOT NULL,
        locale text CHECK (locale IN ('lt', 'lv', 'en')),
        idempotency_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      );
      CREATE INDEX inbox_message_recipient ON inbox_message (recipient_personal_code, created_at DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE inbox_message');
  }
}
