import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What invoices need: a service number (given once, from a sequence, when a service is first
 * imported; kept by every version) that case codes and payment references embed; the payee's
 * IBAN of an agency; a payment order's refund reason, for money the bank took when it was no
 * longer owed; and when the provider was last asked on a citizen's behalf (rate limit of refresh).
 */
export class Invoices1765584000000 implements MigrationInterface {
  name = 'Invoices1765584000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE SEQUENCE service_number_seq START 1001 MINVALUE 1001 MAXVALUE 999999;
      ALTER TABLE service ADD COLUMN number integer NOT NULL UNIQUE DEFAULT nextval('service_number_seq');
      ALTER SEQUENCE service_number_seq OWNED BY service.number;
      ALTER TABLE agency ADD COLUMN iban text CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}$');
      ALTER TABLE payment_order
        ADD COLUMN refund_due text CHECK (refund_due IN ('order-cancelled', 'order-expired', 'application-withdrawn')),
        ADD COLUMN provider_checked_at timestamptz;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE payment_order DROP COLUMN provider_checked_at, DROP COLUMN refund_due;
      ALTER TABLE agency DROP COLUMN iban;
      ALTER TABLE service DROP COLUMN number;
    `);
  }
}
