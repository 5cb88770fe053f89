import { ElementId, ProcessInstanceKey, ScopeKey, type CamundaClient } from '@camunda8/orchestration-cluster-api';
import {
  isDecimalKey, type ElementInstance, type Incident, type IncidentErrorType, type InstanceInfo, type UserTask, type UserTaskFilter, type UserTaskState, type VariableRecord,
} from '../contract.js';
import { call } from './errors.js';
import { businessKeyOf, OPEN_USER_TASK_STATES } from '../rest-api.js';
import { keyOrNull, parseValue, textOrNull, type History } from './history.js';

/**
 * History from the v2 search API of Camunda 8.8+ (served from its secondary storage:
 * PostgreSQL/H2 through the RDBMS exporter, or Elasticsearch/OpenSearch). Search is eventually
 * consistent; every call returns what the storage holds now (no waiting), callers poll.
 *
 * Every page of a search is read (cursor by cursor), so a long history hides nothing.
 */
const PAGE_SIZE = 1000;
const NOW = { consistency: { waitUpToMs: 0 } };

const INCIDENT_TYPES = new Set<string>([
  'JOB_NO_RETRIES', 'CONDITION_ERROR', 'UNHANDLED_ERROR_EVENT', 'IO_MAPPING_ERROR', 'CALLED_ELEMENT_ERROR', 'EXTRACT_VALUE_ERROR',
]);

type Answer<T> = T extends (...args: never[]) => PromiseLike<infer R> ? R : never;
type ProcessInstanceItem = NonNullable<Answer<CamundaClient['searchProcessInstances']>['items']>[number];

function userTaskState(state: string | undefined): UserTaskState {
  if (state === 'COMPLETED') return 'COMPLETED';
  if (state === 'CANCELED') return 'CANCELED';
  return 'CREATED'; // CREATED and the transitional states of an open task
}

/** Every item of a search, page after page (the next page starts after the previous page's end cursor). */
async function allPages<T>(search: (page: { limit: number; after?: string }) => Promise<{ items?: T[]; page?: { endCursor?: string } }>): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  for (;;) {
    const result = await call(() => search({ limit: PAGE_SIZE, ...(after ? { after } : {}) }));
    const items = result.items ?? [];
    all.push(...items);
    after = result.page?.endCursor;
    if (items.length < PAGE_SIZE || !after) return all;
  }
}

export class SearchHistory implements History {
  constructor(private readonly client: CamundaClient) {}

  async userTasks(filter: UserTaskFilter): Promise<UserTask[]> {
    const items = await allPages((page) => this.client.searchUserTasks({
      filter: {
        ...(filter.instanceKey ? { processInstanceKey: ProcessInstanceKey.assumeExists(filter.instanceKey) } : {}),
        ...(filter.elementId ? { elementId: ElementId.assumeExists(filter.elementId) } : {}),
        ...(filter.assignee ? { assignee: filter.assignee } : {}),
        ...(filter.candidateGroup ? { candidateGroup: filter.candidateGroup } : {}),
        // An open task may be in one of the cluster's transitional states; userTaskState() counts those as CREATED.
        ...(filter.state === 'CREATED' ? { state: { $in: OPEN_USER_TASK_STATES } } : filter.state ? { state: filter.state } : {}),
      },
      page,
    } as never, NOW));
    return items
      .map((t): UserTask => ({
        key: String(t.userTaskKey), instanceKey: String(t.processInstanceKey), processId: String(t.processDefinitionId),
        elementId: String(t.elementId), elementInstanceKey: String(t.elementInstanceKey), state: userTaskState(t.state),
        assignee: textOrNull(t.assignee), candidateGroups: t.candidateGroups ?? [], candidateUsers: t.candidateUsers ?? [],
        dueDate: textOrNull(t.dueDate), followUpDate: textOrNull(t.followUpDate),
        formKey: keyOrNull(t.formKey) ?? textOrNull(t.externalFormReference), creationDate: String(t.creationDate),
      }))
      .filter((t) => !filter.state || t.state === filter.state);
  }

  async incidents(filter: { instanceKey?: string; state?: Incident['state'] }): Promise<Incident[]> {
    const items = await allPages((page) => this.client.searchIncidents({
      filter: {
        ...(filter.instanceKey ? { processInstanceKey: ProcessInstanceKey.assumeExists(filter.instanceKey) } : {}),
        ...(filter.state ? { state: filter.state } : {}),
      },
      page,
    } as never, NOW));
    return items.map((i) => ({
      key: String(i.incidentKey), instanceKey: String(i.processInstanceKey), elementId: String(i.elementId),
      elementInstanceKey: String(i.elementInstanceKey),
      errorType: (INCIDENT_TYPES.has(String(i.errorType)) ? i.errorType : 'UNKNOWN') as IncidentErrorType,
      errorMessage: i.errorMessage ?? '', jobKey: keyOrNull(i.jobKey), state: i.state === 'RESOLVED' ? 'RESOLVED' : 'ACTIVE',
    }));
  }

  async instance(instanceKey: string): Promise<InstanceInfo | null> {
    // A key the engine cannot have given names nothing, as on the embedded engine.
    if (!isDecimalKey(instanceKey)) return null;
    const result = await call(() => this.client.searchProcessInstances({ filter: { processInstanceKey: ProcessInstanceKey.assumeExists(instanceKey) }, page: { limit: 1 } }, NOW));
    const found = result.items?.[0];
    return found ? instanceInfo(found) : null;
  }

  async childInstances(instanceKey: string): Promise<InstanceInfo[]> {
    if (!isDecimalKey(instanceKey)) return [];
    const items = await allPages((page) => this.client.searchProcessInstances({ filter: { parentProcessInstanceKey: ProcessInstanceKey.assumeExists(instanceKey) }, page } as never, NOW));
    return items.map(instanceInfo);
  }

  async elementInstances(instanceKey: string): Promise<ElementInstance[]> {
    if (!isDecimalKey(instanceKey)) return [];
    const items = await allPages((page) => this.client.searchElementInstances({ filter: { processInstanceKey: ProcessInstanceKey.assumeExists(instanceKey) }, page } as never, NOW));
    return items.map((e) => ({
      key: String(e.elementInstanceKey), instanceKey: String(e.processInstanceKey), elementId: String(e.elementId), type: e.type,
      state: e.state, startDate: String(e.startDate), endDate: textOrNull(e.endDate),
    }));
  }

  async variables(instanceKey: string, scopeKey?: string): Promise<VariableRecord[]> {
    if (!isDecimalKey(instanceKey) || (scopeKey !== undefined && !isDecimalKey(scopeKey))) return [];
    const items = await allPages((page) => this.client.searchVariables({
      filter: { processInstanceKey: ProcessInstanceKey.assumeExists(instanceKey), ...(scopeKey ? { scopeKey: ScopeKey.assumeExists(scopeKey) } : {}) }, page,
    } as never, NOW));
    return Promise.all(items.map(async (v) => {
      // Search answers with long values cut short; the variable itself has the whole value.
      const value = v.isTruncated ? (await call(() => this.client.getVariable({ variableKey: v.variableKey }, NOW))).value : v.value;
      return { name: v.name, value: parseValue(value), scopeKey: String(v.scopeKey) };
    }));
  }

  async close(): Promise<void> {}
}

function instanceInfo(i: ProcessInstanceItem): InstanceInfo {
  return {
    instanceKey: String(i.processInstanceKey), processId: String(i.processDefinitionId), version: i.processDefinitionVersion,
    state: i.state, parentInstanceKey: keyOrNull(i.parentProcessInstanceKey), parentElementInstanceKey: keyOrNull(i.parentElementInstanceKey),
    startDate: String(i.startDate), endDate: textOrNull(i.endDate), businessKey: businessKeyOf((i as { tags?: unknown }).tags),
  };
}
