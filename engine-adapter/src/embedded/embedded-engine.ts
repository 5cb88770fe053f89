import {
  checkFeedPosition, EngineError, type ActivateJobsRequest, type CreateInstanceRequest, type Deployment, type ElementInstance, type EngineAdapter, type EngineFeedListener,
  type EngineFeedSubscription, type EngineRecordBatch, type FailJobRequest, type Incident, type InstanceInfo, type InstanceRef, type Job, type PublishMessageRequest, type Resource,
  type ThrowErrorRequest, type UserTask, type UserTaskFilter, type VariableRecord, type Variables,
} from '../contract.js';
import { EngineFeed } from './feed/feed.js';
import { collectRecords, elementInfo, incidentInfo, instanceInfo, userTaskInfo } from './feed/records.js';
import { Commands } from './commands.js';
import { Definitions } from './definitions.js';
import { compileBpmn } from './model/compile.js';
import type { ProcessModel } from './model/types.js';
import { Processor } from './processor/processor.js';
import { scheduleTimer } from './processor/timers.js';
import { EngineState } from './state/engine-state.js';
import type { TableRecords } from './state/engine-state.js';
import type { EngineStore, HistoryKind, PreparedWrite } from './store/store.js';

/** Wall-clock time plus an offset that advanceTime moves forward; or a pinned instant that stands still. */
export class EngineClock {
  private offset = 0;
  private pinned: number | null = null;
  now = (): number => this.pinned ?? Date.now() + this.offset;
  advance(ms: number): void {
    if (this.pinned !== null) this.pinned += ms;
    else this.offset += ms;
  }
  /** Stops the clock at `epochMs` (Camunda's clock pin). */
  pin(epochMs: number): void {
    this.pinned = epochMs;
  }
  /** Back to wall-clock time. */
  reset(): void {
    this.pinned = null;
    this.offset = 0;
  }
}

interface Queued {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A command that ran: its outcome is told once its changes are durable. */
interface Ran {
  item: Queued;
  result: { ok: true; value: unknown } | { ok: false; error: unknown };
}

/** Commands run in one go before the event loop gets a turn (answers, store I/O). */
const BATCH = 1000;

/**
 * The embedded engine. Commands queue up and run one after another on the in-memory state.
 * Their changes are written to the store in one transaction per group (group commit) before any
 * caller hears back, so an acknowledged command survives a crash. Commits are pipelined: while
 * one group commits, the next commands already run; their changes make up the next group, which
 * commits only after the previous one did.
 */
export class EmbeddedEngine implements EngineAdapter {
  readonly name = 'embedded' as const;
  private readonly state = new EngineState();
  private readonly definitions = new Definitions();
  private readonly processor: Processor;
  private readonly commands: Commands;
  private readonly queue: Queued[] = [];
  /** Commands run whose changes are not committed yet. */
  private ran: Ran[] = [];
  /** Changes being committed: the finished records in them are in neither memory nor the store for now. */
  private readonly writing: PreparedWrite[] = [];
  private runScheduled = false;
  private committing = false;
  private timerHandle: NodeJS.Timeout | undefined;
  private pruneHandle: NodeJS.Timeout | undefined;
  private failure: Error | undefined;
  private closed = false;
  private readonly feed: EngineFeed;
  /** Callers waiting for the next commit (long-polling job activation). */
  private commitWaiters: (() => void)[] = [];

  private constructor(private readonly store: EngineStore, readonly clock: EngineClock) {
    this.processor = new Processor(this.state, this.definitions, clock.now);
    this.commands = new Commands(this.processor);
    this.feed = new EngineFeed(store.readLog);
  }

  /**
   * Loads the committed state and resumes timers, leases and subscriptions where they were.
   * The feed keeps `feedRetentionMs` of batches for subscribers that resume (7 days by default).
   */
  static async start(store: EngineStore, clock = new EngineClock(), options: { feedRetentionMs?: number } = {}): Promise<EmbeddedEngine> {
    const engine = new EmbeddedEngine(store, clock);
    await store.load(engine.state);
    if (store.pruneLog) {
      const keepMs = options.feedRetentionMs ?? 7 * 24 * 3600_000;
      const prune = () => store.pruneLog!(keepMs).catch(() => undefined); // a failed prune is tried again within the hour
      await prune();
      engine.pruneHandle = setInterval(prune, 3600_000).unref();
    }
    for (const record of [...engine.state.definitions.values()].sort((a, b) => a.version - b.version)) {
      const models = await compileBpmn(record.xml, record.resourceName);
      engine.definitions.add(record, models.find((m) => m.processId === record.processId)!);
    }
    engine.processor.reindex();
    engine.scheduleTimers();
    return engine;
  }

  // ---------------------------------------------------------------- command queue

  private execute<T>(run: () => T): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new EngineError('the engine is closed', 'UNAVAILABLE'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
      this.scheduleRun();
    });
  }

  private scheduleRun(): void {
    if (this.runScheduled) return;
    this.runScheduled = true;
    setImmediate(() => this.runQueued());
  }

  /** Runs what is queued (even while a commit is under way), then commits if the store is free. */
  private runQueued(): void {
    this.runScheduled = false;
    if (this.failure) return;
    for (const item of this.queue.splice(0, BATCH)) {
      try {
        this.ran.push({ item, result: { ok: true, value: item.run() } });
      } catch (error) {
        this.ran.push({ item, result: { ok: false, error } });
      }
    }
    if (this.queue.length) this.scheduleRun();
    void this.commit();
  }

  /** Commits the changes of every command run so far, then tells their callers; one commit at a time, in order. */
  private async commit(): Promise<void> {
    if (this.committing || !this.ran.length) return;
    this.committing = true;
    const group = this.ran;
    this.ran = [];
    const write = this.store.prepare(this.state, collectRecords(this.state));
    let logged = null;
    try {
      if (write) {
        this.writing.push(write);
        logged = await write.commit();
      }
    } catch (error) {
      // The in-memory state is ahead of the database now: stop; a restart reloads what was committed.
      this.failure = new EngineError(`the engine stopped: its state could not be saved (${(error as Error).message})`, 'UNAVAILABLE');
      for (const { item } of [...group, ...this.ran.splice(0)]) item.reject(this.failure);
      for (const item of this.queue.splice(0)) item.reject(this.failure);
      clearTimeout(this.timerHandle);
      clearInterval(this.pruneHandle);
      return;
    } finally {
      if (write) this.writing.splice(this.writing.indexOf(write), 1);
      this.committing = false;
    }
    if (logged) this.feed.publish(logged);
    for (const wake of this.commitWaiters.splice(0)) wake();
    for (const { item, result } of group) {
      if (result.ok) item.resolve(result.value);
      else item.reject(result.error);
    }
    this.scheduleTimers();
    void this.commit();
  }

  /** Nothing queued, running or committing. */
  private get idle(): boolean {
    return !this.queue.length && !this.ran.length && !this.committing && !this.runScheduled;
  }

  /** Wakes up when the next timer is due (real time; advanceTime fires them at once). */
  private scheduleTimers(): void {
    clearTimeout(this.timerHandle);
    if (this.closed || this.failure) return;
    let next = Infinity;
    for (const timer of this.state.timers.values()) next = Math.min(next, timer.dueDate);
    if (next === Infinity) return;
    const delay = Math.min(Math.max(next - this.clock.now(), 0), 2 ** 31 - 1);
    this.timerHandle = setTimeout(() => void this.execute(() => this.commands.fireDueTimers(this.clock.now())).catch(() => undefined), delay);
    this.timerHandle.unref();
  }

  // ---------------------------------------------------------------- deployment

  async deploy(resources: Resource[]): Promise<Deployment> {
    const compiled: { resource: Resource; models: ProcessModel[] }[] = [];
    for (const resource of resources) {
      if (resource.name.endsWith('.bpmn')) compiled.push({ resource, models: await compileBpmn(resource.content, resource.name) });
      else if (resource.name.endsWith('.form')) {
        try {
          JSON.parse(resource.content);
        } catch {
          throw new EngineError(`'${resource.name}' is not a valid form (not JSON)`);
        }
      } else throw new EngineError(`'${resource.name}': only .bpmn and .form resources can be deployed`);
    }
    return this.execute(() => {
      const deploymentKey = this.state.newKey();
      const processes = compiled.flatMap(({ resource, models }) => models.map((model) => {
        const latest = this.definitions.latestOf(model.processId);
        // Deploying the same process again changes nothing, as in Zeebe.
        if (latest && latest.xml === resource.content) return { processId: latest.processId, version: latest.version, processDefinitionKey: latest.key, resourceName: latest.resourceName };
        const record = this.state.definitions.put({
          key: this.state.newKey(), processId: model.processId, version: (latest?.version ?? 0) + 1, resourceName: resource.name,
          xml: resource.content, deployedAt: this.clock.now(),
        });
        this.definitions.add(record, model);
        this.replaceStartTimers(record.key, model, latest?.key);
        return { processId: record.processId, version: record.version, processDefinitionKey: record.key, resourceName: record.resourceName };
      }));
      return { key: deploymentKey, processes };
    });
  }

  /** Timer start events belong to the newest version only. */
  private replaceStartTimers(definitionKey: string, model: ProcessModel, previousKey: string | undefined): void {
    for (const timer of [...this.state.timers.values()]) {
      if (timer.instanceKey === null && timer.processDefinitionKey === previousKey) this.state.timers.delete(timer.key);
    }
    for (const id of model.eventStarts) {
      const start = model.elements.get(id)!;
      if (start.event !== 'timer' || !start.timer) continue;
      const schedule = scheduleTimer(start.timer, {}, this.clock.now());
      if (!schedule.ok) throw new EngineError(`element '${id}': ${schedule.message}`);
      this.state.timers.put({ key: this.state.newKey(), instanceKey: null, elementInstanceKey: null, elementId: id, processDefinitionKey: definitionKey, ...schedule.value });
    }
  }

  // ---------------------------------------------------------------- commands

  createInstance(request: CreateInstanceRequest): Promise<InstanceRef> {
    return this.execute(() => this.commands.createInstance(request));
  }
  cancelInstance(instanceKey: string): Promise<void> {
    return this.execute(() => this.commands.cancelInstance(instanceKey));
  }
  publishMessage(request: PublishMessageRequest): Promise<{ messageKey: string }> {
    return this.execute(() => {
      this.commands.expireMessages(this.clock.now());
      return this.commands.publishMessage(request);
    });
  }
  /** Camunda's message correlation (the REST service's POST /messages/correlation): to one waiting instance or a new one, else NOT_FOUND. */
  correlateMessage(request: { name: string; correlationKey: string; variables?: Variables }): Promise<{ messageKey: string; processInstanceKey: string }> {
    return this.execute(() => this.commands.correlateMessage(request));
  }
  setVariables(scopeKey: string, variables: Variables, options: { local?: boolean } = {}): Promise<void> {
    return this.execute(() => this.commands.setVariables(scopeKey, variables, options.local === true));
  }
  activateJobs(request: ActivateJobsRequest): Promise<Job[]> {
    return this.execute(() => this.commands.activateJobs(request));
  }
  completeJob(jobKey: string, variables?: Variables): Promise<void> {
    return this.execute(() => this.commands.completeJob(jobKey, variables));
  }
  failJob(jobKey: string, request: FailJobRequest): Promise<void> {
    return this.execute(() => this.commands.failJob(jobKey, request));
  }
  throwError(jobKey: string, request: ThrowErrorRequest): Promise<void> {
    return this.execute(() => this.commands.throwError(jobKey, request));
  }
  updateJobRetries(jobKey: string, retries: number): Promise<void> {
    return this.execute(() => this.commands.updateJobRetries(jobKey, retries));
  }
  assignUserTask(userTaskKey: string, assignee: string | null): Promise<void> {
    return this.execute(() => this.commands.assignUserTask(userTaskKey, assignee));
  }
  completeUserTask(userTaskKey: string, variables?: Variables): Promise<void> {
    return this.execute(() => this.commands.completeUserTask(userTaskKey, variables));
  }
  resolveIncident(incidentKey: string): Promise<void> {
    return this.execute(() => this.commands.resolveIncident(incidentKey));
  }
  async advanceTime(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new EngineError('advanceTime needs a duration of zero or more milliseconds');
    await this.execute(() => {
      this.clock.advance(ms);
      this.commands.expireMessages(this.clock.now());
      this.commands.fireDueTimers(this.clock.now());
    });
  }

  /** Pins the clock at `epochMs`, or resets it to wall-clock time when null; timers and message lifetimes follow. */
  async setClock(epochMs: number | null): Promise<void> {
    if (epochMs !== null && !Number.isSafeInteger(epochMs)) throw new EngineError('the clock needs a time in epoch milliseconds');
    await this.execute(() => {
      if (epochMs === null) this.clock.reset();
      else this.clock.pin(epochMs);
      this.commands.expireMessages(this.clock.now());
      this.commands.fireDueTimers(this.clock.now());
    });
  }

  /** Resolves after the next commit, or after `timeoutMs` (whichever comes first). */
  nextCommit(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.commitWaiters.push(done);
    });
  }

  // ---------------------------------------------------------------- queries (history)

  /** Kept feed batches after `after` (all kept ones after null), oldest first, at most `limit`: the feed read by page. */
  readFeed(after: string | null, limit: number): Promise<EngineRecordBatch[]> {
    checkFeedPosition(after);
    return this.store.readLog(after, limit);
  }

  /** Every process instance (they stay in memory), with the key of its definition. */
  processInstances(): (InstanceInfo & { processDefinitionKey: string })[] {
    return [...this.state.instances.values()].map((i) => ({ ...instanceInfo(i), processDefinitionKey: i.processDefinitionKey }));
  }

  /** The deployed process definitions, oldest first. */
  processDefinitions(): { key: string; processId: string; version: number; resourceName: string; xml: string }[] {
    return [...this.state.definitions.values()].sort((a, b) => (BigInt(a.key) < BigInt(b.key) ? -1 : 1));
  }

  /** One process instance with the key of its definition. */
  processInstance(instanceKey: string): (InstanceInfo & { processDefinitionKey: string }) | undefined {
    const instance = this.state.instances.get(instanceKey);
    return instance && { ...instanceInfo(instance), processDefinitionKey: instance.processDefinitionKey };
  }


  async userTasks(filter: UserTaskFilter): Promise<UserTask[]> {
    // Open tasks are in memory; completed and canceled ones only in the store.
    const live = filter.instanceKey ? this.liveTasksOf(filter.instanceKey) : [...this.state.userTasks.values()];
    const tasks = filter.state === 'CREATED' ? live : await this.withHistory('userTasks', live, filter.instanceKey);
    return tasks
      .filter((t) => (!filter.instanceKey || t.instanceKey === filter.instanceKey) && (!filter.elementId || t.elementId === filter.elementId)
        && (!filter.state || t.state === filter.state) && (!filter.assignee || t.assignee === filter.assignee)
        && (!filter.candidateGroup || t.candidateGroups.includes(filter.candidateGroup)))
      .map(userTaskInfo);
  }

  private liveTasksOf(instanceKey: string) {
    return this.processor.liveElementsOf(instanceKey).flatMap((e) => (e.type === 'USER_TASK' ? this.state.userTasksByElement.records(e.key) : []));
  }

  /**
   * `live` records plus the finished ones of the history table — waiting to be written, being
   * written, or stored — in creation (key) order. What is in memory is taken before the store
   * is asked, so a record written meanwhile is found in one place or the other.
   */
  private async withHistory<K extends HistoryKind>(kind: K, live: TableRecords[K][], instanceKey?: string): Promise<TableRecords[K][]> {
    const mine = (record: TableRecords[K]) => instanceKey === undefined || record.instanceKey === instanceKey;
    const unwritten = [...this.state.table(kind).evicted.values(), ...this.writing.flatMap((write) => write.evicted[kind] as TableRecords[K][])].filter(mine);
    const byKey = new Map<string, TableRecords[K]>();
    for (const record of await this.store.history(kind, instanceKey)) byKey.set(record.key, record);
    for (const record of [...unwritten, ...live]) byKey.set(record.key, record);
    return [...byKey.values()].sort((a, b) => a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async incidents(filter: { instanceKey?: string; state?: Incident['state'] }): Promise<Incident[]> {
    return [...this.state.incidents.values()]
      .filter((i) => (!filter.instanceKey || i.instanceKey === filter.instanceKey) && (!filter.state || i.state === filter.state))
      .map(incidentInfo);
  }

  async instance(instanceKey: string): Promise<InstanceInfo | null> {
    const instance = this.state.instances.get(instanceKey);
    return instance ? instanceInfo(instance) : null;
  }

  async childInstances(instanceKey: string): Promise<InstanceInfo[]> {
    return [...this.state.instances.values()].filter((i) => i.parentInstanceKey === instanceKey).map(instanceInfo);
  }

  async elementInstances(instanceKey: string): Promise<ElementInstance[]> {
    const elements = await this.withHistory('elements', this.processor.liveElementsOf(instanceKey), instanceKey);
    return elements.map(elementInfo);
  }

  async variables(instanceKey: string, scopeKey?: string): Promise<VariableRecord[]> {
    const { scopes } = this.state.variables;
    // One scope asked for: read it, not every scope of every instance.
    const candidates = scopeKey ? [[scopeKey, scopes.get(scopeKey)] as const] : scopes;
    const records: VariableRecord[] = [];
    for (const [key, scope] of candidates) {
      if (!scope || scope.instanceKey !== instanceKey) continue;
      for (const [name, value] of scope.values) records.push({ name, value, scopeKey: key });
    }
    return records;
  }

  /** The process instance a variable scope belongs to (the REST service's GET /variables/{key}). */
  variableScopeInstance(scopeKey: string): string | undefined {
    return this.state.variables.scopes.get(scopeKey)?.instanceKey;
  }

  subscribe(from: string | null, listener: EngineFeedListener): EngineFeedSubscription {
    checkFeedPosition(from);
    return this.feed.subscribe(from, listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (!this.idle && !this.failure) await new Promise((resolve) => setImmediate(resolve));
    this.closed = true;
    clearTimeout(this.timerHandle);
    clearInterval(this.pruneHandle);
    await this.feed.close();
    await this.store.close();
  }
}
