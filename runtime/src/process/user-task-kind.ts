import { Type } from '@sinclair/typebox';
import { EngineError, type EngineAdapter } from '@konstruktor/engine-adapter';
import { ApplicationEntity } from '../applications/application.entity.js';
import { addTimelineEvent } from '../applications/timeline.js';
import { problems } from '../http/problem.js';
import type { TaskKind } from '../tasks/task-kind.js';

/** A user task of a service's process: claiming assigns it in the engine, completing completes it there. */
export function userTaskKind(engine: EngineAdapter): TaskKind {
  const inEngine = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      if (error instanceof EngineError && error.code === 'NOT_FOUND') throw problems.conflict('The process has already moved on: this task was completed or cancelled there');
      throw error;
    }
  };
  return {
    name: 'user-task',
    resultSchema: Type.Record(Type.String({ maxLength: 200 }), Type.Unknown()),
    async claimed(task, official) {
      await inEngine(() => engine.assignUserTask(task.engineKey!, official.username));
    },
    async completed(task, result, official, manager) {
      await inEngine(() => engine.completeUserTask(task.engineKey!, result));
      if (!task.applicationId) return;
      const application = await manager.getRepository(ApplicationEntity).findOneByOrFail({ id: task.applicationId });
      await addTimelineEvent(manager, application, 'task-completed', official.id, { taskId: task.id, task: task.name });
    },
  };
}
