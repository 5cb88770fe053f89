import type { EngineState } from '../state/engine-state.js';

/**
 * Where the engine's state survives a restart. `flush` writes every record changed since the
 * last flush in one transaction; `load` fills an empty state with what was committed.
 */
export interface EngineStore {
  load(state: EngineState): Promise<void>;
  flush(state: EngineState): Promise<void>;
  close(): Promise<void>;
}

/** No durability: for unit tests and throw-away test runs. */
export class MemoryStore implements EngineStore {
  async load(): Promise<void> {}

  async flush(state: EngineState): Promise<void> {
    for (const table of [state.definitions, state.instances, state.elements, state.jobs, state.timers, state.subscriptions, state.messages, state.userTasks, state.incidents]) table.dirty.clear();
    state.variables.dirty.clear();
  }

  async close(): Promise<void> {}
}
