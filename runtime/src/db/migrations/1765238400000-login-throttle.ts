import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * login_throttle: failed logins counted per account (the username as typed, lower-cased) and
 * per client address, in the database so that every replica sees the same counts and a
 * restart does not forget them (accounts/login-throttle.ts).
 */
export class LoginThrottle1765238400000 implements MigrationInterface {
  name = 'LoginThrottle1765238400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE login_throttle (
        scope text NOT NULL CHECK (scope IN ('account', 'address')),
        key text NOT NULL,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX login_throttle_last_failure_at ON login_throttle (last_failure_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE login_throttle');
  }
}
