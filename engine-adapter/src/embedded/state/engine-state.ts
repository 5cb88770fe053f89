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

/**
 * A table's records grouped by a value that never changes once the record is put (its element
 * instance, its message name and correlation key, ...), so lookups need not scan the table.
 */
export class Index<R extends { key: string }> {
  /** A group of one (the usual case: one subscription per holder) is its key alone, not a Set: less memory per waiting instance. */
  private readonly groups = new Map<string, string | Set<string>>();

  constructor(private readonly rows: Map<string, R>, private readonly groupOf: (record: R) => string | null) {}

  add(record: R): void {
    const group = this.groupOf(record);
    if (group === null) return;
    const keys = this.groups.get(group);
    if (keys === undefined || keys === record.key) this.groups.set(group, record.key);
    else if (typeof keys === 'string') this.groups.set(group, new Set([keys, record.key]));
    else keys.add(record.key);
  }

  remove(record: R): void {
    const group = this.groupOf(record);
    const keys = group === null ? undefined : this.groups.get(group);
    if (keys === undefined) return;
    if (typeof keys === 'string') {
      if (keys === record.key) this.groups.delete(group!);
      return;
    }
    keys.delete(record.key);
    if (keys.size === 1) this.groups.set(group!, keys.values().next().value!);
  }

  /** The group's records, oldest first; a copy, so callers may delete while going through it. */
  records(group: string): R[] {
    const keys = this.groups.get(group);
    if (keys === undefined) return [];
    return typeof keys === 'string' ? [this.rows.get(keys)!] : [...keys].map((key) => this.rows.get(key)!);
  }
}

/** One table: records by key, and the keys changed (or deleted) since the last flush. */
export class Table<R extends { key: string }> {
  readonly rows = new Map<string, R>();
  readonly dirty = new Set<string>();
  /** Finished records that left `rows` (their history lives in the store) but are not written yet. */
  readonly evicted = new Map<string, R>();
  /** Records deleted since the last flush, as they were: the engine's feed reports their end. */
  readonly removed = new Map<string, R>();
  private readonly indexes: Index<R>[] = [];

  /** A lookup by a value that never changes once a record is put; put and delete keep it current. */
  index(groupOf: (record: R) => string | null): Index<R> {
    const index = new Index(this.rows, groupOf);
    for (const record of this.rows.values()) index.add(record);
    this.indexes.push(index);
    return index;
  }

  get(key: string): R | undefined {
    return this.rows.get(key);
  }

  put(record: R): R {
    const previous = this.rows.get(record.key);
    if (previous) for (const index of this.indexes) index.remove(previous);
    this.rows.set(record.key, record);
    for (const index of this.indexes) index.add(record);
    this.dirty.add(record.key);
    return record;
  }

  /** Marks a record changed in place. */
  touch(record: R): void {
    // A record deleted or evicted and already written stays as written.
    if (this.rows.get(record.key) === record || this.evicted.has(record.key)) this.dirty.add(record.key);
  }

  /**
   * A finished record leaves memory: it is written at the next flush like any change, and read
   * back from the store by history queries. Nothing may change it afterwards.
   */
  evict(record: R): void {
    if (this.rows.get(record.key) !== record) return;
    for (const index of this.indexes) index.remove(record);
    this.rows.delete(record.key);
    this.evicted.set(record.key, record);
    this.dirty.add(record.key);
  }

  delete(key: string): void {
    const previous = this.rows.get(key);
    if (previous) {
      for (const index of this.indexes) index.remove(previous);
      this.removed.set(key, previous);
    }
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

/** The group of messages and subscriptions that can meet: same name, same correlation key. */
export const messageGroup = (name: string, correlationKey: string): string => `${name}\u0000${correlationKey}`;

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
  // Lookups made on every step or message; without them each was a scan of the whole table.
  readonly timersByHolder = this.timers.index((t) => t.elementInstanceKey);
  readonly subscriptionsByHolder = this.subscriptions.index((s) => s.elementInstanceKey);
  readonly subscriptionsByMessage = this.subscriptions.index((s) => messageGroup(s.messageName, s.correlationKey));
  readonly messagesByCorrelation = this.messages.index((m) => messageGroup(m.name, m.correlationKey));
  readonly jobsByType = this.jobs.index((j) => j.type);
  readonly jobsByElement = this.jobs.index((j) => j.elementInstanceKey);
  readonly userTasksByElement = this.userTasks.index((t) => t.elementInstanceKey);
  readonly instancesByBusinessKey = this.instances.index((i) => i.businessKey ?? null);
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
