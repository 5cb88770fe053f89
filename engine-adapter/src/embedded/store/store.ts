import type { EngineRecord, EngineRecordBatch } from '../../contract.js';
import type { ReadLog } from '../feed/feed.js';
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
  /** Writes the changes, and the feed's records of them, in one transaction; answers the logged batch (null when there were no records). */
  commit(): Promise<EngineRecordBatch | null>;
}

/**
 * Where the engine's state survives a restart. `prepare` takes every record changed since the
 * last prepare; its `commit` writes them in one transaction. `load` fills an empty state with
 * what was committed, except finished element instances and user tasks: `history` reads those.
 */
export interface EngineStore {
  load(state: EngineState): Promise<void>;
  /** Null when nothing changed. `records` are the feed's records of these changes, logged with them. */
  prepare(state: EngineState, records: EngineRecord[]): PreparedWrite | null;
  /** Stored records of a history table: of one process instance, or all of them. */
  history<K extends HistoryKind>(kind: K, instanceKey?: string): Promise<TableRecords[K][]>;
  /** The logged batches after a position, oldest first. */
  readLog: ReadLog;
  /** Forgets logged batches older than `keepMs` (a store that keeps a bounded log may ignore it). */
  pruneLog?(keepMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Takes the evicted records of the history tables (and forgets them in the state). */
export function takeEvicted(state: EngineState): EvictedRecords {
  const evicted = { elements: [...state.elements.evicted.values()], userTasks: [...state.userTasks.evicted.values()] };
  for (const table of TABLES) state.table(table).evicted.clear();
  return evicted;
}

/** Batches the memory store keeps for its feed: enough for a subscriber that starts late in a test. */
const MEMORY_LOG_BATCHES = 10_000;

/** No durability: for unit tests and throw-away test runs. Finished records are kept here, by instance. */
export class MemoryStore implements EngineStore {
  private readonly finished = { elements: new Map<string, ElementInstanceRecord[]>(), userTasks: new Map<string, UserTaskRecord[]>() };
  private readonly log: EngineRecordBatch[] = [];
  private position = 0n;

  async load(): Promise<void> {}

  prepare(state: EngineState, records: EngineRecord[]): PreparedWrite | null {
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
        if (!records.length) return null;
        this.position += 1n;
        const batch = { position: this.position.toString(), at: new Date().toISOString(), records };
        this.log.push(batch);
        if (this.log.length > MEMORY_LOG_BATCHES) this.log.splice(0, this.log.length - MEMORY_LOG_BATCHES);
        return batch;
      },
    };
  }

  readLog: ReadLog = async (after, limit) => {
    const from = after === null ? 0n : BigInt(after);
    const start = this.log.findIndex((batch) => BigInt(batch.position) > from);
    return start < 0 ? [] : this.log.slice(start, start + limit);
  };

  async history<K extends HistoryKind>(kind: K, instanceKey?: string): Promise<TableRecords[K][]> {
    const byInstance = this.finished[kind] as Map<string, TableRecords[K][]>;
    if (instanceKey !== undefined) return [...(byInstance.get(instanceKey) ?? [])];
    return [...byInstance.values()].flat();
  }

  async close(): Promise<void> {}
}
