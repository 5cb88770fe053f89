import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * live_event: what browsers are told (GET /api/events), numbered in commit order of writing.
 * Triggers write it in the transaction of the change itself (a new step of an application's
 * timeline; a task created, claimed, completed or withdrawn) with who may see it, and send
 * NOTIFY konstruktor_live, which PostgreSQL delivers to every replica only if that commits.
 * Whatever writes a timeline step or a task, it cannot forget to tell the browsers.
 */
export class LiveEvents1765152000000 implements MigrationInterface {
  name = 'LiveEvents1765152000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE live_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL CHECK (kind IN ('application', 'task')),
        application_id uuid,
        -- who may see it: the applicant (alone, or for the entity he represents) and the provider agency's officials
        applicant_id uuid,
        on_behalf_of text,
        agency_id uuid,
        candidate_groups text[],
        data jsonb NOT NULL
      );
      CREATE INDEX live_event_at ON live_event (at);

      CREATE FUNCTION live_application_event() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        event_id bigint;
      BEGIN
        INSERT INTO live_event (kind, application_id, applicant_id, on_behalf_of, agency_id, data)
          SELECT 'application', a.id, a.applicant_id, a.on_behalf_of, s.provider_agency_id,
                 jsonb_build_object('applicationId', a.id, 'number', a.number::text, 'status', NEW.status, 'step', NEW.kind, 'at', NEW.at)
            FROM application a JOIN service s ON s.id = a.service_id WHERE a.id = NEW.application_id
          RETURNING id INTO event_id;
        PERFORM pg_notify('konstruktor_live', event_id::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER application_event_live AFTER INSERT ON application_event
        FOR EACH ROW EXECUTE FUNCTION live_application_event();

      CREATE FUNCTION live_task_event() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        event_id bigint;
      BEGIN
        INSERT INTO live_event (kind, application_id, agency_id, candidate_groups, data)
          VALUES ('task', NEW.application_id, NEW.agency_id, NEW.candidate_groups,
                  jsonb_build_object('taskId', NEW.id, 'applicationId', NEW.application_id, 'state', NEW.state, 'assigneeId', NEW.assignee_id))
          RETURNING id INTO event_id;
        PERFORM pg_notify('konstruktor_live', event_id::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER task_live AFTER INSERT OR UPDATE OF state, assignee_id ON task
        FOR EACH ROW EXECUTE FUNCTION live_task_event();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER task_live ON task; DROP FUNCTION live_task_event();
      DROP TRIGGER application_event_live ON application_event; DROP FUNCTION live_application_event();
      DROP TABLE live_event;
    `);
  }
}
