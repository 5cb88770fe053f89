import { isSafeNumber, parse } from 'lossless-json';
import { createClient } from 'redis';
import type {
  ElementInstance, Incident, IncidentErrorType, InstanceInfo, UserTask, UserTaskFilter, UserTaskState, VariableRecord,
} from '../contract.js';
import { businessKeyOf, isoDate, keyOrNull, parseValue, textOrNull, type History } from './history.js';

/**
 * History projected from the records the broker exports to Redis Streams
 * (io.zeebe.redis:zeebe-redis-exporter, format json): one stream per value type, named
 * `<prefix>:<VALUE_TYPE>`, each entry one record as Zeebe's JSON.
 *
 * This is how history works on a broker without a secondary storage the v2 search API can
 * query (Zeebe 8.6 without Elasticsearch, as in CI). Every query first reads the entries added
 * since the last one, so answers are as fresh as the exporter (it flushes every 50 ms in CI).
 */

interface ZeebeRecord {
  key: string | number;
  recordType: string;
  valueType: string;
  intent: string;
  timestamp: number;
  value: Record<string, unknown>;
}

const STREAMS = ['PROCESS_INSTANCE', 'VARIABLE', 'INCIDENT', 'USER_TASK'] as const;
const BATCH = 2000;

/** Keys are 64-bit integers: keep the ones JavaScript numbers cannot hold as text. */
function parseRecord(text: string): ZeebeRecord {
  return parse(text, undefined, (digits) => (isSafeNumber(digits) ? Number(digits) : digits)) as ZeebeRecord;
}

const ELEMENT_STATE: Record<string, ElementInstance['state']> = {
  ELEMENT_ACTIVATING: 'ACTIVE',
  ELEMENT_COMPLETED: 'COMPLETED',
  ELEMENT_TERMINATED: 'TERMINATED',
};

const INCIDENT_TYPES = new Set<string>([
  'JOB_NO_RETRIES', 'CONDITION_ERROR', 'UNHANDLED_ERROR_EVENT', 'IO_MAPPING_ERROR', 'CALLED_ELEMENT_ERROR', 'EXTRACT_VALUE_ERROR',
]);

const USER_TASK_STATE: Record<string, UserTaskState> = { CREATED: 'CREATED', COMPLETED: 'COMPLETED', CANCELED: 'CANCELED' };

export class RecordHistory implements History {
  private readonly redis;
  private readonly lastIds = new Map<string, string>(STREAMS.map((s) => [s, '-']));
  private syncing: Promise<void> = Promise.resolve();

  private readonly instances = new Map<string, InstanceInfo>();
  private readonly elements = new Map<string, ElementInstance>();
  /** By scope key, then name; each remembers its instance. */
  private readonly scopes = new Map<string, { instanceKey: string; values: Map<string, unknown> }>();
  private readonly incidentsByKey = new Map<string, Incident>();
  private readonly tasks = new Map<string, UserTask>();

  constructor(url: string, private readonly prefix = 'zeebe') {
    this.redis = createClient({ url });
    // Connection problems surface as rejected queries; don't let the emitter crash the process.
    this.redis.on('error', () => undefined);
  }

  /** Reads what was exported since the last call. Calls queue behind each other. */
  sync(): Promise<void> {
    this.syncing = this.syncing.catch(() => undefined).then(() => this.readNewEntries());
    return this.syncing;
  }

  private async readNewEntries(): Promise<void> {
    if (!this.redis.isOpen) await this.redis.connect();
    for (const stream of STREAMS) {
      for (;;) {
        const last = this.lastIds.get(stream)!;
        const start = last === '-' ? '-' : `(${last}`;
        const entries = await this.redis.xRange(`${this.prefix}:${stream}`, start, '+', { COUNT: BATCH });
        for (const entry of entries) {
          // The exporter writes one field per entry; its value is the record.
          for (const text of Object.values(entry.message)) this.apply(parseRecord(String(text)));
          this.lastIds.set(stream, entry.id);
        }
        if (entries.length < BATCH) break;
      }
    }
  }

  private apply(record: ZeebeRecord): void {
    if (record.recordType !== 'EVENT') return;
    const v = record.value;
    const key = String(record.key);
    switch (record.valueType) {
      case 'PROCESS_INSTANCE':
        return this.applyElement(key, record.intent, record.timestamp, v);
      case 'VARIABLE': {
        if (record.intent !== 'CREATED' && record.intent !== 'UPDATED') return;
        const scopeKey = String(v.scopeKey);
        let scope = this.scopes.get(scopeKey);
        if (!scope) this.scopes.set(scopeKey, scope = { instanceKey: String(v.processInstanceKey), values: new Map() });
        scope.values.set(String(v.name), parseValue(v.value));
        return;
      }
      case 'INCIDENT':
        if (record.intent === 'CREATED') {
          const errorType = String(v.errorType);
          this.incidentsByKey.set(key, {
            key, instanceKey: String(v.processInstanceKey), elementId: String(v.elementId),
            elementInstanceKey: String(v.elementInstanceKey),
            errorType: (INCIDENT_TYPES.has(errorType) ? errorType : 'UNKNOWN') as IncidentErrorType,
            errorMessage: String(v.errorMessage ?? ''), jobKey: keyOrNull(v.jobKey), state: 'ACTIVE',
          });
        } else if (record.intent === 'RESOLVED') {
          const incident = this.incidentsByKey.get(key);
          if (incident) incident.state = 'RESOLVED';
        }
        return;
      case 'USER_TASK':
        return this.applyUserTask(key, record.intent, record.timestamp, v);
    }
  }

  private applyElement(key: string, intent: string, timestamp: number, v: Record<string, unknown>): void {
    const state = ELEMENT_STATE[intent];
    if (!state) return; // ACTIVATED, COMPLETING, SEQUENCE_FLOW_TAKEN, ... change nothing we report
    const instanceKey = String(v.processInstanceKey);
    const ended = state === 'ACTIVE' ? null : isoDate(timestamp);
    const element = this.elements.get(key);
    if (element) {
      element.state = state;
      element.endDate = ended;
    } else {
      this.elements.set(key, {
        key, instanceKey, elementId: String(v.elementId), type: String(v.bpmnElementType), state,
        startDate: isoDate(timestamp), endDate: ended,
      });
    }
    if (v.bpmnElementType !== 'PROCESS') return;
    const instance = this.instances.get(instanceKey);
    if (instance) {
      instance.state = state;
      instance.endDate = ended;
    } else {
      this.instances.set(instanceKey, {
        instanceKey, processId: String(v.bpmnProcessId), version: Number(v.version), state,
        parentInstanceKey: keyOrNull(v.parentProcessInstanceKey), parentElementInstanceKey: keyOrNull(v.parentElementInstanceKey),
        startDate: isoDate(timestamp), endDate: ended, businessKey: businessKeyOf(v.tags),
      });
    }
  }

  private applyUserTask(key: string, intent: string, timestamp: number, v: Record<string, unknown>): void {
    const taskKey = keyOrNull(v.userTaskKey) ?? key;
    const task = this.tasks.get(taskKey);
    const state = USER_TASK_STATE[intent];
    if (intent === 'CREATED' || !task) {
      if (intent !== 'CREATED') return;
      this.tasks.set(taskKey, {
        key: taskKey, instanceKey: String(v.processInstanceKey), processId: String(v.bpmnProcessId),
        elementId: String(v.elementId), elementInstanceKey: String(v.elementInstanceKey), state: 'CREATED',
        assignee: textOrNull(v.assignee), candidateGroups: list(v.candidateGroupsList ?? v.candidateGroups),
        candidateUsers: list(v.candidateUsersList ?? v.candidateUsers), dueDate: textOrNull(v.dueDate),
        followUpDate: textOrNull(v.followUpDate), formKey: keyOrNull(v.formKey) ?? textOrNull(v.externalFormReference),
        creationDate: isoDate(typeof v.creationTimestamp === 'number' && v.creationTimestamp > 0 ? v.creationTimestamp : timestamp),
      });
      return;
    }
    if (state) task.state = state;
    // ASSIGNED and UPDATED carry the task as it now is.
    if (intent === 'ASSIGNED' || intent === 'UPDATED') {
      task.assignee = textOrNull(v.assignee);
      task.candidateGroups = list(v.candidateGroupsList ?? v.candidateGroups);
      task.candidateUsers = list(v.candidateUsersList ?? v.candidateUsers);
      task.dueDate = textOrNull(v.dueDate);
      task.followUpDate = textOrNull(v.followUpDate);
    }
  }

  // ---------------------------------------------------------------- queries

  async userTasks(filter: UserTaskFilter): Promise<UserTask[]> {
    await this.sync();
    return [...this.tasks.values()]
      .filter((t) => (!filter.instanceKey || t.instanceKey === filter.instanceKey) && (!filter.elementId || t.elementId === filter.elementId)
        && (!filter.state || t.state === filter.state) && (!filter.assignee || t.assignee === filter.assignee)
        && (!filter.candidateGroup || t.candidateGroups.includes(filter.candidateGroup)))
      .map((t) => ({ ...t, candidateGroups: [...t.candidateGroups], candidateUsers: [...t.candidateUsers] }));
  }

  async incidents(filter: { instanceKey?: string; state?: Incident['state'] }): Promise<Incident[]> {
    await this.sync();
    return [...this.incidentsByKey.values()]
      .filter((i) => (!filter.instanceKey || i.instanceKey === filter.instanceKey) && (!filter.state || i.state === filter.state))
      .map((i) => ({ ...i }));
  }

  async instance(instanceKey: string): Promise<InstanceInfo | null> {
    await this.sync();
    const instance = this.instances.get(instanceKey);
    return instance ? { ...instance } : null;
  }

  async childInstances(instanceKey: string): Promise<InstanceInfo[]> {
    await this.sync();
    return [...this.instances.values()].filter((i) => i.parentInstanceKey === instanceKey).map((i) => ({ ...i }));
  }

  async elementInstances(instanceKey: string): Promise<ElementInstance[]> {
    await this.sync();
    return [...this.elements.values()].filter((e) => e.instanceKey === instanceKey).map((e) => ({ ...e }));
  }

  async variables(instanceKey: string, scopeKey?: string): Promise<VariableRecord[]> {
    await this.sync();
    const records: VariableRecord[] = [];
    for (const [key, scope] of this.scopes) {
      if (scope.instanceKey !== instanceKey || (scopeKey && key !== scopeKey)) continue;
      for (const [name, value] of scope.values) records.push({ name, value, scopeKey: key });
    }
    return records;
  }

  async close(): Promise<void> {
    await this.syncing.catch(() => undefined);
    if (this.redis.isOpen) await this.redis.quit();
  }
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
