import { EngineError, type CreateInstanceRequest, type EngineAdapter, type PublishMessageRequest, type Variables } from '@konstruktor/engine-adapter';

/**
 * What the runtime asks of the engine, written to the outbox in the transaction of the change
 * that asks it and sent after COMMIT. Each carries what makes sending it twice harmless: a
 * business key (create), a message id (publish), or a key the engine ends on the first go.
 */
export type EngineCommand =
  | { kind: 'create-instance'; request: CreateInstanceRequest & { businessKey: string } }
  | { kind: 'complete-user-task'; userTaskKey: string; variables: Variables }
  | { kind: 'assign-user-task'; userTaskKey: string; assignee: string | null }
  | { kind: 'publish-message'; request: PublishMessageRequest & { messageId: string } };

/** How a sent command ended: done, moot (the engine had already done it, or moved past it), or refused for good. */
export type CommandOutcome = { result: 'done' } | { result: 'moot'; reason: string } | { result: 'refused'; reason: string };

/** A refusal that sending again cannot change (what is left of NOT_FOUND: a create that finds no process). Anything else (the engine unreachable, …) is sent again later. */
const PERMANENT = new Set<EngineError['code']>(['INVALID_ARGUMENT', 'INVALID_STATE', 'NOT_FOUND']);

/** Sends one command to the engine; throws only when it should be sent again later. */
export async function sendCommand(engine: EngineAdapter, command: EngineCommand): Promise<CommandOutcome> {
  try {
    switch (command.kind) {
      case 'create-instance': await engine.createInstance(command.request); break;
      case 'complete-user-task': await engine.completeUserTask(command.userTaskKey, command.variables); break;
      case 'assign-user-task': await engine.assignUserTask(command.userTaskKey, command.assignee); break;
      case 'publish-message': await engine.publishMessage(command.request); break;
    }
    return { result: 'done' };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    // A task completed by the first attempt, a message already buffered.
    // (A create that finds no process has nothing to be moot about: that is a refusal.)
    const moot = error.code === 'ALREADY_EXISTS' || (error.code === 'NOT_FOUND' && command.kind !== 'create-instance');
    if (moot) return { result: 'moot', reason: error.message };
    if (PERMANENT.has(error.code)) return { result: 'refused', reason: error.message };
    throw error;
  }
}
