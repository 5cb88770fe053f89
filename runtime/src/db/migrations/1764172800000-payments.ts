import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Payment orders of applications and the provider webhook events already applied to them. */
export class Payments1764172800000 implements MigrationInterface {
  name = 'Payments1764172800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE payment_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL UNIQUE,
        application_id uuid REFERENCES application (id),
        kind text NOT NULL CHECK (kind IN ('prepayment', 'postpayment')),
        amount_cents integer NOT NULL CHECK (amount_cents > 0),
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        reference text NOT NULL UNIQUE,
        description text NOT NULL,
        payer_name text,
        payer_personal_code text,
        due_date date,
        status text NOT NULL CHECK (status IN ('created', 'pending', 'failed', 'paid', 'expired', 'cancelled')),
        provider text NOT NULL,
        provider_payment_id text,
        redirect_url text,
        return_url text NOT NULL,
        paid_at timestamptz,
        message_published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (provider, provider_payment_id)
      );
      CREATE INDEX payment_order_application ON payment_order (application_id, created_at);
      -- The reconciler's work list: orders not final yet, and paid ones whose message is still owed.
      CREATE INDEX payment_order_open ON payment_order (updated_at) WHERE status IN ('created', 'pending', 'failed') OR (status = 'paid' AND message_published_at IS NULL);
      CREATE TABLE payment_webhook_event (
        provider text NOT NULL,
        event_id text NOT NULL,
        order_id uuid REFERENCES payment_order (id),
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (provider, event_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE payment_webhook_event; DROP TABLE payment_order;');
  }
}
