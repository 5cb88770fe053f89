import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A task's live event reaches every inbox the task is in, by the inbox's own rule: live_event
 * carries the task's `audience` keys ('*', 'g:<group>', 'u:<username>') and 'a:<user id>' for
 * its assignee, instead of the candidate groups alone (a candidate user outside those groups,
 * or an assignee handed a task outside his groups, was not told). On a change the keys before
 * are added, so those it left (another group, other hands) are told to drop it.
 */
export class LiveTaskEventsReachTheirInbox1765929600004 implements MigrationInterface {
  name = 'LiveTaskEventsReachTheirInbox1765929600004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE live_event ADD COLUMN audience text[];
      UPDATE live_event SET audience = CASE WHEN cardinality(candidate_groups) = 0 THEN ARRAY['*']
                                            ELSE ARRAY(SELECT 'g:' || g FROM unnest(candidate_groups) g) END
        WHERE kind = 'task';
      ALTER TABLE live_event DROP COLUMN candidate_groups;

      CREATE FUNCTION task_live_audience(audience text[], assignee_id uuid) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN audience || CASE WHEN assignee_id IS NULL THEN '{}'::text[] ELSE ARRAY['a:' || assignee_id::text] END;

      CREATE OR REPLACE FUNCTION live_task_event() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        event_id bigint;
        audience text[] := task_live_audience(NEW.audience, NEW.assignee_id);
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          audience := ARRAY(SELECT DISTINCT k FROM unnest(audience || task_live_audience(OLD.audience, OLD.assignee_id)) k);
        END IF;
        INSERT INTO live_event (kind, application_id, agency_id, audience, data)
          VALUES ('task', NEW.application_id, NEW.agency_id, audience,
                  jsonb_build_object('taskId', NEW.id, 'applicationId', NEW.application_id, 'state', NEW.state,
                                     'assigneeId', NEW.assignee_id, 'revision', NEW.revision))
          RETURNING id INTO event_id;
        PERFORM pg_notify('konstruktor_live', event_id::text);
        RETURN NULL;
      END $$;
      DROP TRIGGER task_live ON task;
      CREATE TRIGGER task_live AFTER INSERT OR UPDATE OF state, assignee_id, candidate_groups, candidate_users, revision ON task
        FOR EACH ROW EXECUTE FUNCTION live_task_event();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER task_live ON task;
      CREATE OR REPLACE FUNCTION live_task_event() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        event_id bigint;
        audience text[] := NEW.candidate_groups;
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.candidate_groups IS DISTINCT FROM NEW.candidate_groups THEN
          audience := CASE WHEN cardinality(OLD.candidate_groups) = 0 OR cardinality(NEW.candidate_groups) = 0 THEN '{}'::text[]
                           ELSE ARRAY(SELECT DISTINCT g FROM unnest(OLD.candidate_groups || NEW.candidate_groups) g) END;
        END IF;
        INSERT INTO live_event (kind, application_id, agency_id, candidate_groups, data)
          VALUES ('task', NEW.application_id, NEW.agency_id, audience,
                  jsonb_build_object('taskId', NEW.id, 'applicationId', NEW.application_id, 'state', NEW.state,
                                     'assigneeId', NEW.assignee_id, 'revision', NEW.revision))
          RETURNING id INTO event_id;
        PERFORM pg_notify('konstruktor_live', event_id::text);
        RETURN NULL;
      END $$;
      CREATE TRIGGER task_live AFTER INSERT OR UPDATE OF state, assignee_id, candidate_groups, revision ON task
        FOR EACH ROW EXECUTE FUNCTION live_task_event();
      DROP FUNCTION task_live_audience(text[], uuid);
      ALTER TABLE live_event ADD COLUMN candidate_groups text[];
      UPDATE live_event SET candidate_groups = ARRAY(SELECT substr(k, 3) FROM unnest(audience) k WHERE k LIKE 'g:%') WHERE kind = 'task';
      ALTER TABLE live_event DROP COLUMN audience;
    `);
  }
}
