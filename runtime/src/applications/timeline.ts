import type { EntityManager } from 'typeorm';
import { insertRow, insertStatement } from '../db/sql.js';
import { ApplicationEventEntity, type ApplicationEvent } from './application-event.entity.js';
import { ApplicationEntity, type Application } from './application.entity.js';

type TimelineEntry = Pick<ApplicationEvent, 'kind' | 'actorId' | 'details'>;

/** Appends a step to an application's status timeline, within the caller's transaction. */
export async function addTimelineEvent(
  manager: EntityManager, application: Application, kind: ApplicationEvent['kind'], actorId: string | null, details: Record<string, unknown> = {},
): Promise<void> {
  await insertRow(manager, ApplicationEventEntity, { applicationId: application.id, kind, status: application.status, actorId, details });
}

/**
 * Stores a new application and the first step of its timeline in one statement, as every order
 * does; the step takes the application's id and status.
 */
export async function insertWithFirstEvent(manager: EntityManager, values: Partial<Application>, first: TimelineEntry): Promise<Application> {
  const { sql, parameters } = insertStatement(manager, ApplicationEntity, values);
  const n = parameters.length;
  const [application] = (await manager.query(`
    WITH stored AS (${sql}),
         first_event AS (INSERT INTO application_event (application_id, kind, status, actor_id, details)
                         SELECT s."id", $${n + 1}::text, s."status", $${n + 2}::uuid, $${n + 3}::jsonb FROM stored s)
    SELECT * FROM stored`, [...parameters, first.kind, first.actorId, JSON.stringify(first.details)])) as Application[];
  return application!;
}
