import type { EntityManager } from 'typeorm';
import { insertRow } from '../db/sql.js';
import { ApplicationEventEntity, type ApplicationEvent } from './application-event.entity.js';
import type { Application } from './application.entity.js';

/** Appends a step to an application's status timeline, within the caller's transaction. */
export async function addTimelineEvent(
  manager: EntityManager, application: Application, kind: ApplicationEvent['kind'], actorId: string | null, details: Record<string, unknown> = {},
): Promise<void> {
  await insertRow(manager, ApplicationEventEntity, { applicationId: application.id, kind, status: application.status, actorId, details });
}
