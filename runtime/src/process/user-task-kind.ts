import { Type } from '@sinclair/typebox';
import { Dictionary } from '../common/schemas.js';
import { ApplicationEntity } from '../applications/application.entity.js';
import { addTimelineEvent } from '../applications/timeline.js';
import type { Outbox } from '../bridge/outbox.js';
import type { TaskKind } from '../tasks/task-kind.js';
import type { TaskForms } from './task-forms.js';

/**
 * A user task of a service's process: claiming assigns it in the engine, completing completes
 * it there. Both go out through the outbox with the official's change, after it commits. A task
 * with a form takes what its form asks for and nothing else, checked like a citizen's form.
 */
export function userTaskKind(outbox: Outbox, forms: TaskForms): TaskKind {
  return {
    name: 'user-task',
    resultSchema: Dictionary(Type.Unknown(), { maxKeyLength: 200 }),
    check: (result, task, { locale, manager }) => forms.problems(manager, task, result, locale),
    async claimed(task, official, manager) {
      await outbox.enqueue(manager, { kind: 'assign-user-task', userTaskKey: task.engineKey!, assignee: official.username });
    },
    async completed(task, result, official, manager) {
      await outbox.enqueue(manager, { kind: 'complete-user-task', userTaskKey: task.engineKey!, variables: result });
      if (!task.applicationId) return;
      const application = await manager.getRepository(ApplicationEntity).findOneByOrFail({ id: task.applicationId });
      await addTimelineEvent(manager, application, 'task-completed', official.id, { taskId: task.id, task: task.name });
    },
  };
}
