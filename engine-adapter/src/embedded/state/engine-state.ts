import type { DefinitionRecord, ElementInstanceRecord, IncidentRecord, InstanceRecord, JobRecord, MessageRecord, SubscriptionRecord, TimerRecord, UserTaskRecord } from './records.js';

/** The record tables of the engine; each change is remembered until the next flush. */
export const TABLES = ['definitions', 'instances', 'elements', 'jobs', 'timers', 'subscriptions', 'messages', 'userTasks', 'incidents'] as const;
export type TableName = (typeof TABLES)[number];

export interface TableRecords {
  definitions: DefinitionRecord;
  instances: InstanceRecord;
  elements: ElementInstanceRecord;
  jobs: JobRecord;
  timers: TimerRecord;
  subscriptions: SubscriptionRecord;
  messages: MessageRecord;
  userTasks: UserTaskRecord;
  incidents: IncidentRecord;
}

/** One table: records by key, and the keys changed (or deleted) since the last flush. */
export class Table<R extends { key: string }> {
  readonly rows = new Map<string, R>();
  readonly dirty = new Set<string>();

  get(key: string): R | undefined {
    return this.rows.get(key);
  }

  put(record: R): R {
    this.rows.set(record.key, record);
    this.dirty.add(record.key);
    return record;
  }

  /** Marks a record changed in place. */
  touch(record: R): void {
    this.dirty.add(record.key);
  }

  delete(key: string): void {
    this.rows.delete(key);
    this.dirty.add(key);
  }

  values(): IterableIterator<R> {
    return this.rows.values();
  }
}

/** Variables by scope; a changed scope is written whole. */
export class VariableTable {
  readonly scopes = new Map<string, { instanceKey: string; values: Map<string, unknown> }>();
  readonly dirty = new Set<string>();

  scope(scopeKey: string): Map<string, unknown> | undefined {
    return this.scopes.get(scopeKey)?.values;
  }

  set(scopeKey: string, instanceKey: string, name: string, value: unknown): void {
    let scope = this.scopes.get(scopeKey);
    if (!scope) this.scopes.set(scopeKey, (scope = { instanceKey, values: new Map() }));
    scope.values.set(name, value);
    this.dirty.add(scopeKey);
  }

  dropScope(scopeKey: string): void {
    if (this.scopes.delete(scopeKey)) this.dirty.add(scopeKey);
  }
}

export class EngineState {
  readonly definitions = new Table<DefinitionRecord>();
  readonly instances = new Table<InstanceRecord>();
  readonly elements = new Table<ElementInstanceRecord>();
  readonly jobs = new Table<JobRecord>();
  readonly timers = new Table<TimerRecord>();
  readonly subscriptions = new Table<SubscriptionRecord>();
  readonly messages = new Table<MessageRecord>();
  readonly userTasks = new Table<UserTaskRecord>();
  readonly incidents = new Table<IncidentRecord>();
  readonly variables = new VariableTable();
  /** Zeebe-like 64-bit keys, as decimal strings. */
  private nextKey = 2251799813685249n;

  newKey(): string {
    const key = this.nextKey;
    this.nextKey += 1n;
    return key.toString();
  }

  /** After loading persisted records: continue above the largest key in use. */
  advanceKeysPast(key: string): void {
    const value = BigInt(key);
    if (value >= this.nextKey) this.nextKey = value + 1n;
  }

  table<T extends TableName>(name: T): Table<TableRecords[T]> {
    return this[name] as unknown as Table<TableRecords[T]>;
  }
}
