import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "My orders" sorts by submitted_at DESC, id DESC: the indexes now have that order, so no sort step. */
export class ApplicationOrderIndexes1763913600000 implements MigrationInterface {
  name = 'ApplicationOrderIndexes1763913600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX application_applicant, application_entity, application_service;
      CREATE INDEX application_applicant ON application (applicant_id, submitted_at DESC, id DESC);
      CREATE INDEX application_entity ON application (on_behalf_of, submitted_at DESC, id DESC) WHERE on_behalf_of IS NOT NULL;
      CREATE INDEX application_service ON application (service_id, submitted_at DESC, id DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX application_applicant, application_entity, application_service;
      CREATE INDEX application_applicant ON application (applicant_id, submitted_at DESC, id);
      CREATE INDEX application_entity ON application (on_behalf_of, submitted_at DESC, id) WHERE on_behalf_of IS NOT NULL;
      CREATE INDEX application_service ON application (service_id, submitted_at DESC, id);
    `);
  }
}
