import type { EntityManager } from 'typeorm';
import type { ElementInstance, InstanceInfo, UserTask } from '@konstruktor/engine-adapter';
import type { Application, ApplicationStatus } from '../applications/application.entity.js';
import { addTimelineEvent } from '../applications/timeline.js';
import { entityColumns } from '../db/sql.js';
import { ApplicationEntity } from '../applications/application.entity.js';
import type { Projector } from '../bridge/engine-projection.js';
import type { Tasks } from '../tasks/tasks.js';
import { VersionCourses } from '../applications/process-outline.js';
import type { InformationRequests } from './information-requests.js';
import { FINAL_STATUSES, statusSetBy } from './process-status.js';

/** The business key an order's process instance is created with. */
export const applicationBusinessKey = (applicationId: string): string => `application:${applicationId}`;
const BUSINESS_KEY = /^application:([0-9a-f-]{36})$/i;
const FINAL = FINAL_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * Orders as the engine moves them: an instance started for an application puts it in progress,
 * the process may set its status on the way (process-status.ts: approved, rejected, withdrawn as
 * cancelled), its end completes it (a decision stays) or cancels it; a user task of it goes to
 * the provider agency's inbox and leaves it when the process withdraws it; its wait for the
 * applicant's answer to a request for information is noted on the timeline. Instances of call activities count for their root's
 * application. Records of instances that are no order (a designer's test run) are passed over.
 */
export function orderProjector(tasks: Tasks, informationRequests?: Pick<InformationRequests, 'isWaitForAnswer'>): Projector {
  let courses: VersionCourses | undefined;
  return {
    async apply(manager, records) {
      for (const record of records) {
        if (record.valueType === 'PROCESS_INSTANCE') await onInstance(manager, record.value);
        else if (record.valueType === 'USER_TASK') await onUserTask(manager, tasks, (courses ??= new VersionCourses(manager.connection)), record.value);
        else if (record.valueType === 'ELEMENT_INSTANCE' && record.value.state === 'ACTIVE' && informationRequests) await onElementEntered(manager, informationRequests, record.value);
        else {
          const set = statusSetBy(record);
          if (set) await onStatusSet(manager, set.instanceKey, set.status);
        }
      }
    },
  };
}

async function onInstance(manager: EntityManager, instance: InstanceInfo): Promise<void> {
  const own = instance.businessKey ? BUSINESS_KEY.exec(instance.businessKey)?.[1] : undefined;
  const applicationId = own ?? (instance.parentInstanceKey ? await applicationIdOf(manager, instance.parentInstanceKey) : null);
  if (!applicationId) return;
  await manager.query(`INSERT INTO engine_instance (instance_key, application_id) SELECT $1, id FROM application WHERE id = $2
                       ON CONFLICT (instance_key) DO NOTHING`, [instance.instanceKey, applicationId]);
  if (instance.parentInstanceKey) return; // a called process: its root speaks for the order
  const started = await updateApplication(manager, applicationId, `process_instance_key = $2, status = 'in-progress'`, 'process_instance_key IS NULL', [instance.instanceKey]);
  if (started) await addTimelineEvent(manager, started, 'process-started', null, { processId: instance.processId, version: instance.version });
  if (instance.state === 'ACTIVE') return;
  const status: ApplicationStatus = instance.state === 'COMPLETED' ? 'completed' : 'cancelled';
  // A completed process keeps the decision it recorded (approved, rejected, withdrawn); a terminated one cancels the order.
  const ending = instance.state === 'COMPLETED' ? `status NOT IN (${FINAL})` : `status NOT IN ('completed', 'cancelled')`;
  const ended = await updateApplication(manager, applicationId, 'status = $2', ending, [status]);
  if (ended) await addTimelineEvent(manager, ended, 'status-changed', null, { processInstance: instance.state });
}

/** The process began to wait for the applicant's answer to an official's request: on the timeline, so the portal shows the request at once. */
async function onElementEntered(manager: EntityManager, informationRequests: Pick<InformationRequests, 'isWaitForAnswer'>, element: ElementInstance): Promise<void> {
  const wait = await informationRequests.isWaitForAnswer(manager, element.instanceKey, element.elementId);
  if (!wait) return;
  const [application] = (await manager.query(`SELECT ${entityColumns(manager.connection, ApplicationEntity, 'a')} FROM application a WHERE a.id = $1`, [wait.applicationId])) as Application[];
  if (application) await addTimelineEvent(manager, application, 'information-requested', null, { elementId: element.elementId });
}

/** The process set its order's status (an order of its root instance only, never past a final status). */
async function onStatusSet(manager: EntityManager, instanceKey: string, status: ApplicationStatus): Promise<void> {
  const [row] = (await manager.query(`SELECT a.id FROM engine_instance e JOIN application a ON a.id = e.application_id AND a.process_instance_key = e.instance_key
      WHERE e.instance_key = $1`, [instanceKey])) as { id: string }[];
  if (!row) return;
  const changed = await updateApplication(manager, row.id, 'status = $2', `status <> $2 AND status NOT IN (${FINAL})`, [status]);
  if (changed) await addTimelineEvent(manager, changed, 'status-changed', null, { status, by: 'process' });
}

/**
 * A user task the engine created goes to the provider agency's inbox with what its BPMN says of
 * it (name, priority, the variable to sign); one that ended there leaves it.
 */
async function onUserTask(manager: EntityManager, tasks: Tasks, courses: VersionCourses, userTask: UserTask): Promise<void> {
  if (userTask.state !== 'CREATED') {
    // Ended in the engine: a task still open here was withdrawn by the process (a boundary timer, a cancellation).
    await manager.query(`UPDATE task SET state = 'cancelled', completed_at = now() WHERE engine_key = $1 AND state = 'open'`, [userTask.key]);
    return;
  }
  const [known] = (await manager.query('SELECT 1 FROM task WHERE engine_key = $1', [userTask.key])) as unknown[];
  if (known) return; // an assignment changed it, or the batch came again
  const applicationId = await applicationIdOf(manager, userTask.instanceKey);
  if (!applicationId) return;
  const [application] = (await manager.query(`SELECT ${entityColumns(manager.connection, ApplicationEntity, 'a')}, s.provider_agency_id AS "agencyId"
      FROM application a JOIN service s ON s.id = a.service_id WHERE a.id = $1`, [applicationId])) as (Application & { agencyId: string })[];
  if (!application) return;
  const { outline } = await courses.of(application.serviceVersionId, manager);
  const outlined = outline?.elements.find((e) => e.id === userTask.elementId)?.userTask;
  const task = await tasks.create(manager, {
    applicationId, agencyId: application.agencyId, kind: 'user-task', engineKey: userTask.key, elementId: userTask.elementId,
    name: outlined?.name ?? { lt: userTask.elementId, lv: userTask.elementId, en: userTask.elementId },
    candidateGroups: userTask.candidateGroups, candidateUsers: userTask.candidateUsers, formKey: userTask.formKey,
    dueAt: userTask.dueDate ? new Date(userTask.dueDate) : null, priority: outlined?.priority ?? 50, signVariable: outlined?.sign ?? null,
  });
  await addTimelineEvent(manager, application, 'task-created', null, { taskId: task.id, elementId: userTask.elementId });
}

async function applicationIdOf(manager: EntityManager, instanceKey: string): Promise<string | null> {
  const [row] = (await manager.query('SELECT application_id AS id FROM engine_instance WHERE instance_key = $1', [instanceKey])) as { id: string }[];
  return row?.id ?? null;
}

/** Sets `assignments` where `condition` holds; the application as it is afterwards, or null when the condition did not hold. */
async function updateApplication(manager: EntityManager, id: string, assignments: string, condition: string, values: unknown[]): Promise<Application | null> {
  // TypeORM answers an UPDATE with [rows, count].
  const [[row]] = (await manager.query(`UPDATE application a SET ${assignments}, updated_at = now() WHERE a.id = $1 AND ${condition}
      RETURNING ${entityColumns(manager.connection, ApplicationEntity, 'a')}`, [id, ...values])) as [Application[], number];
  return row ?? null;
}
