import { TABLES, type EngineState, type TableRecords } from '../state/engine-state.js';
import type { ElementInstanceRecord, UserTaskRecord } from '../state/records.js';

/** Tables whose finished records leave memory; history queries read them back from the store. */
export type HistoryKind = 'elements' | 'userTasks';

export interface EvictedRecords {
  elements: ElementInstanceRecord[];
  userTasks: UserTaskRecord[];
}

/** The changes since the previous prepare, taken from the state at once (commands go on changing the records). */
export interface PreparedWrite {
  /** Finished records that left memory with these changes: history reads them here until they are stored. */
  readonly evicted: EvictedRecords;
  /** Writes the changes in one transaction. */
  commit(): Promise<void>;
}

/**
 * Where the engine's state survives a restart. `prepare` takes every record changed since the
 * last prepare; its `commit` writes them in one transaction. `load` fills an empty state with
 * what was committed, except finished element instances and user tasks: `history` reads those.
 */
export interface EngineStore {
  load(state: EngineState): Promise<void>;
  /** Null when nothing changed. */
  prepare(state: EngineState): PreparedWrite | null;
  /** Stored records of a history table: of one process instance, or all of them. */
  history<K extends HistoryKind>(kind: K, instanceKey?: string): Promise<TableRecords[K][]>;
  close(): Promise<void>;
}

/** Takes the evicted records of the history tables (and forgets them in the state). */
export function takeEvicted(state: EngineState): EvictedRecords {
  const evicted = { elements: [...state.elements.evicted.values()], userTasks: [...state.userTasks.evicted.values()] };
  for (const table of TABLES) state.table(table).evicted.clear();
  return evicted;
}

/** No durability: for unit tests and throw-away test runs. Finished records are kept here, by instance. */
export class MemoryStore implements EngineStore {
  private readonly finished = { elements: new Map<string, ElementInstanceRecord[]>(), userTasks: new Map<string, UserTaskRecord[]>() };

  async load(): Promise<void> {}

  prepare(state: EngineState): PreparedWrite | null {
    for (const table of TABLES) state.table(table).dirty.clear();
    state.variables.dirty.clear();
    const evicted = takeEvicted(state);
    return {
      evicted,
      commit: async () => {
        for (const kind of ['elements', 'userTasks'] as const) {
          for (const record of evicted[kind]) {
            const list = this.finished[kind].get(record.instanceKey);
            if (list) list.push(record as never);
            else this.finished[kind].set(record.instanceKey, [record as never]);
          }
        }
      },
    };
  }

  async history<K extends HistoryKind>(kind: K, instanceKey?: string): Promise<TableRecords[K][]> {
    const byInstance = this.finished[kind] as Map<string, TableRecords[K][]>;
    if (instanceKey !== undefined) return [...(byInstance.get(instanceKey) ?? [])];
    return [...byInstance.values()].flat();
  }

  async close(): Promise<void> {}
}
