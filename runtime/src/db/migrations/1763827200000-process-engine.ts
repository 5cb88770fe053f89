import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Services run as processes: applications know their instance, tasks their engine user task. */
export class ProcessEngine1763827200000 implements MigrationInterface {
  name = 'ProcessEngine1763827200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE application ADD COLUMN process_instance_key text;
      CREATE UNIQUE INDEX application_process_instance ON application (process_instance_key) WHERE process_instance_key IS NOT NULL;
      -- Applications of process-driven services that have not ended, for the engine sync.
      CREATE INDEX application_running ON application (status) WHERE process_instance_key IS NOT NULL AND status = 'in-progress';
      ALTER TABLE application DROP CONSTRAINT application_status_check;
      ALTER TABLE application ADD CONSTRAINT application_status_check
        CHECK (status IN ('submitted','in-progress','in-review','approved','rejected','completed','cancelled'));
      ALTER TABLE task ADD COLUMN engine_key text UNIQUE;
      ALTER TABLE service_version ADD COLUMN process_definition jsonb;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE service_version DROP COLUMN process_definition;
      ALTER TABLE task DROP COLUMN engine_key;
      ALTER TABLE application DROP CONSTRAINT application_status_check;
      ALTER TABLE application ADD CONSTRAINT application_status_check CHECK (status IN ('submitted','in-review','approved','rejected','cancelled'));
      DROP INDEX application_running;
      DROP INDEX application_process_instance;
      ALTER TABLE application DROP COLUMN process_instance_key;
    `);
  }
}
