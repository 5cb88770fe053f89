import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * task.element_id: the BPMN element a process task mirrors, so that its form is found in the
 * service's package whatever key an engine gives the form. Tasks made so far held it as their name.
 */
export class TaskElement1765324800000 implements MigrationInterface {
  name = 'TaskElement1765324800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE task ADD COLUMN element_id text;
      UPDATE task SET element_id = name->>'en' WHERE engine_key IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE task DROP COLUMN element_id');
  }
}
