import { Type, type Static } from '@sinclair/typebox';
import type { EntityManager } from 'typeorm';
import { ApplicationEntity, type Application } from '../applications/application.entity.js';
import type { ApplicationProcessing } from '../applications/applications.js';
import { addTimelineEvent } from '../applications/timeline.js';
import { REVIEW_FORM } from './review-form.js';
import type { TaskKind } from './task-kind.js';
import type { Tasks } from './tasks.js';

const ReviewResult = Type.Object({
  decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
}, { additionalProperties: false });
type ReviewResult = Static<typeof ReviewResult>;

const REASON_REQUIRED = {
  lt: 'privaloma atmetant: pareiškėjui turi būti pasakyta, kodėl',
  lv: 'obligāts, noraidot: iesniedzējam jāpasaka, kāpēc',
  en: 'is required when rejecting: the applicant must be told why',
};

/**
 * The built-in processing for services without a process engine: the provider agency's
 * officials review each application and approve or reject it (a refusal must say why).
 */
export function reviewTaskKind(): TaskKind<ReviewResult> {
  const setStatus = async (manager: EntityManager, applicationId: string, status: Application['status'], actorId: string, kind: 'task-claimed' | 'task-completed', details: Record<string, unknown>) => {
    const repository = manager.getRepository(ApplicationEntity);
    const application = await repository.findOneByOrFail({ id: applicationId });
    const updated = await repository.save({ ...application, status });
    await addTimelineEvent(manager, updated, kind, actorId, details);
  };
  return {
    name: 'review',
    resultSchema: ReviewResult,
    check: (result, _task, { locale }) => (result.decision === 'reject' && !result.reason ? [{ path: '/reason', message: REASON_REQUIRED[locale] }] : []),
    workForm: () => Promise.resolve({ form: REVIEW_FORM, data: {} }),
    async claimed(task, official, manager) {
      if (task.applicationId) await setStatus(manager, task.applicationId, 'in-review', official.id, 'task-claimed', { taskId: task.id });
    },
    async completed(task, result, official, manager) {
      if (!task.applicationId) return;
      const status = result.decision === 'approve' ? 'approved' : 'rejected';
      await setStatus(manager, task.applicationId, status, official.id, 'task-completed', { taskId: task.id, decision: result.decision, ...(result.reason ? { reason: result.reason } : {}) });
    },
  };
}

export function reviewTaskProcessing(tasks: Tasks): ApplicationProcessing {
  return {
    async started(application, manager, { service }) {
      const task = await tasks.create(manager, {
        applicationId: application.id, agencyId: service.providerAgencyId, kind: 'review',
        name: { lt: 'Išnagrinėti prašymą', lv: 'Izskatīt pieteikumu', en: 'Review the application' },
      });
      await addTimelineEvent(manager, application, 'task-created', null, { taskId: task.id, task: task.name });
    },
  };
}
