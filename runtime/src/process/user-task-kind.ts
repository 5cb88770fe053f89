import { Type } from '@sinclair/typebox';
import type { DataSource } from 'typeorm';
import type { EngineAdapter } from '@konstruktor/engine-adapter';
import { Dictionary } from '../common/schemas.js';
import { ApplicationEntity } from '../applications/application.entity.js';
import { addTimelineEvent } from '../applications/timeline.js';
import type { Outbox } from '../bridge/outbox.js';
import type { TaskKind } from '../tasks/task-kind.js';
import type { TaskForms } from './task-forms.js';

/**
 * A user task of a service's process: claiming assigns it in the engine, handing it over
 * re-assigns (or unassigns) it there, completing completes it there. Each goes out through the
 * outbox with the official's change, after it commits. A task with a form takes what its form
 * asks for and nothing else, checked like a citizen's form; the form opens with the process
 * variables its fields name.
 */
export function userTaskKind(outbox: Outbox, forms: TaskForms, read: { db: DataSource; engine: Pick<EngineAdapter, 'variables'> }): TaskKind {
  return {
    name: 'user-task',
    resultSchema: Dictionary(Type.Unknown(), { maxKeyLength: 200 }),
    check: (result, task, { locale, manager }) => forms.problems(manager, task, result, locale),
    async claimed(task, official, manager) {
      await outbox.enqueue(manager, { kind: 'assign-user-task', userTaskKey: task.engineKey!, assignee: official.username });
    },
    async handedOver(task, to, manager) {
      await outbox.enqueue(manager, { kind: 'assign-user-task', userTaskKey: task.engineKey!, assignee: to?.username ?? null });
    },
    async workForm(task) {
      const built = await forms.formOf(read.db.manager, task);
      if (!built) return null;
      const application = task.applicationId ? await read.db.getRepository(ApplicationEntity).findOneBy({ id: task.applicationId }) : null;
      const instanceKey = application?.processInstanceKey;
      // The order's process variables the form's fields name (a called process's own are not read).
      const variables = instanceKey ? await read.engine.variables(instanceKey) : [];
      const data = Object.fromEntries(variables.filter((v) => v.scopeKey === instanceKey && built.keys.includes(v.name)).map((v) => [v.name, v.value]));
      return { form: built.form as unknown as Record<string, unknown>, data };
    },
    async completed(task, result, official, manager) {
      await outbox.enqueue(manager, { kind: 'complete-user-task', userTaskKey: task.engineKey!, variables: result });
      if (!task.applicationId) return;
      const application = await manager.getRepository(ApplicationEntity).findOneByOrFail({ id: task.applicationId });
      await addTimelineEvent(manager, application, 'task-completed', official.id, { taskId: task.id, task: task.name });
    },
  };
}
