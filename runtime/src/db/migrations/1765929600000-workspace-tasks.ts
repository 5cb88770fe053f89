import type { MigrationInterface, QueryRunner } from 'typeorm';
import { versionOutline } from '../../applications/process-outline.js';
import type { ServiceVersion } from '../../catalogue/service-version.entity.js';

/**
 * The officials' workspace (issue 21):
 * - the role `supervisor` (an agency's whole queue);
 * - tasks carry what the inbox lists, filters, sorts and searches by, copied in when the task is
 *   made so that the inbox reads one table: priority, the personal-signature variable, candidate
 *   users, the service, the case code, the applicant's name, and a revision that every change of
 *   hands bumps (a form opened before a reassignment is refused);
 * - `audience`: who may see a task as one GIN-indexed array ('*' for every official of the agency,
 *   'g:<group>', 'u:<username>'), kept by a trigger from the candidate groups and users, so that
 *   "may he see it" is one index condition with 100k open tasks;
 * - `search`: the applicant's name, case code and service titles as a 'simple' tsvector (prefix search);
 * - task_event: the hands a task went through (claimed, unclaimed, delegated, assigned, completed; who, to whom, the note);
 * - saved_task_filter: an official's named inbox queries;
 * - live task events carry the revision and reach the groups that saw the task before a delegation too.
 * Process tasks made so far were named by their element id: they take the name, priority and
 * signature variable their BPMN gives, as new ones do.
 */
export class WorkspaceTasks1765929600000 implements MigrationInterface {
  name = 'WorkspaceTasks1765929600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE app_user DROP CONSTRAINT app_user_roles_check;
      ALTER TABLE app_user ADD CONSTRAINT app_user_roles_check
        CHECK (roles <@ ARRAY['analyst','developer','official','supervisor','administrator','citizen']::text[]);

      ALTER TABLE task
        ADD COLUMN priority integer NOT NULL DEFAULT 50 CHECK (priority BETWEEN 0 AND 100),
        ADD COLUMN revision integer NOT NULL DEFAULT 0,
        ADD COLUMN candidate_users text[] NOT NULL DEFAULT '{}',
        ADD COLUMN sign_variable text,
        ADD COLUMN service_code text,
        ADD COLUMN service_title jsonb,
        ADD COLUMN case_code text,
        ADD COLUMN applicant_name text,
        ADD COLUMN audience text[] NOT NULL DEFAULT '{*}';

      CREATE FUNCTION task_audience() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.audience := (CASE WHEN cardinality(NEW.candidate_groups) = 0 THEN ARRAY['*']
                              ELSE ARRAY(SELECT 'g:' || g FROM unnest(NEW.candidate_groups) g) END)
                        || ARRAY(SELECT 'u:' || u FROM unnest(NEW.candidate_users) u);
        RETURN NEW;
      END $$;
      CREATE TRIGGER task_audience BEFORE INSERT OR UPDATE OF candidate_groups, candidate_users ON task
        FOR EACH ROW EXECUTE FUNCTION task_audience();

      UPDATE task SET candidate_users = candidate_users; -- the trigger sets the audience
      UPDATE task t SET service_code = s.code, service_title = s.title, case_code = s.number::text || ' ' || a.number::text, applicant_name = u.display_name
        FROM application a JOIN service s ON s.id = a.service_id JOIN app_user u ON u.id = a.applicant_id
        WHERE a.id = t.application_id;

      ALTER TABLE task ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple',
        coalesce(applicant_name, '') || ' ' || coalesce(case_code, '') || ' ' || replace(coalesce(case_code, ''), ' ', '') || ' '
        || coalesce(service_title->>'lt', '') || ' ' || coalesce(service_title->>'lv', '') || ' ' || coalesce(service_title->>'en', ''))) STORED;

      CREATE INDEX task_inbox_due ON task (agency_id, state, due_at);
      CREATE INDEX task_audience ON task USING gin (audience);
      CREATE INDEX task_assignee ON task (assignee_id) WHERE assignee_id IS NOT NULL;
      CREATE INDEX task_search ON task USING gin (search);
      CREATE INDEX task_service ON task (agency_id, service_code);

      CREATE TABLE task_event (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES task(id),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        action text NOT NULL CHECK (action IN ('claimed', 'unclaimed', 'delegated', 'assigned', 'completed')),
        actor_id uuid NOT NULL REFERENCES app_user(id),
        to_user_id uuid REFERENCES app_user(id),
        to_group text,
        note text
      );
      CREATE INDEX task_event_task ON task_event (task_id, id);
      INSERT INTO task_event (task_id, at, action, actor_id)
        SELECT id, completed_at, 'completed', completed_by FROM task WHERE state = 'completed' AND completed_by IS NOT NULL;

      CREATE TABLE saved_task_filter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        name text NOT NULL,
        query text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, name)
      );

      CREATE OR REPLACE FUNCTION live_task_event() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        event_id bigint;
        audience text[] := NEW.candidate_groups;
      BEGIN
        -- Handed to another group: those who saw it before are told it left them.
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
      DROP TRIGGER task_live ON task;
      CREATE TRIGGER task_live AFTER INSERT OR UPDATE OF state, assignee_id, candidate_groups, revision ON task
        FOR EACH ROW EXECUTE FUNCTION live_task_event();
    `);
    await nameProcessTasks(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER task_live ON task;
      CREATE OR REPLACE FUNCTION live_task_event() RETURNS trigger LANGUAGE plpgsql AS $$
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
      DROP TABLE saved_task_filter, task_event;
      DROP TRIGGER task_audience ON task; DROP FUNCTION task_audience();
      DROP INDEX task_inbox_due, task_assignee, task_service;
      ALTER TABLE task DROP COLUMN search, DROP COLUMN audience, DROP COLUMN applicant_name, DROP COLUMN case_code, DROP COLUMN service_title,
        DROP COLUMN service_code, DROP COLUMN sign_variable, DROP COLUMN candidate_users, DROP COLUMN revision, DROP COLUMN priority;
      UPDATE app_user SET roles = array_remove(roles, 'supervisor');
      ALTER TABLE app_user DROP CONSTRAINT app_user_roles_check;
      ALTER TABLE app_user ADD CONSTRAINT app_user_roles_check
        CHECK (roles <@ ARRAY['analyst','developer','official','administrator','citizen']::text[]);
    `);
  }
}

/** Process tasks take the name, priority and signature variable their version's BPMN gives their element. */
export async function nameProcessTasks(db: { query(sql: string, parameters?: unknown[]): Promise<unknown> }): Promise<void> {
  const versions = (await db.query(`SELECT v.id, v.card, v.files FROM service_version v
      WHERE v.id IN (SELECT a.service_version_id FROM task t JOIN application a ON a.id = t.application_id WHERE t.engine_key IS NOT NULL)`)) as Pick<ServiceVersion, 'id' | 'card' | 'files'>[];
  for (const version of versions) {
    const outline = await versionOutline(version);
    for (const element of outline?.elements ?? []) {
      if (!element.userTask) continue;
      await db.query(`UPDATE task t SET name = coalesce($3::jsonb, t.name), priority = $4, sign_variable = $5 FROM application a
          WHERE a.id = t.application_id AND a.service_version_id = $1 AND t.element_id = $2 AND t.engine_key IS NOT NULL`,
        [version.id, element.id, element.userTask.name ? JSON.stringify(element.userTask.name) : null, element.userTask.priority, element.userTask.sign]);
    }
  }
}
