import { ElementId, ProcessInstanceKey, ScopeKey, type CamundaClient } from '@camunda8/orchestration-cluster-api';
import type {
  ElementInstance, Incident, IncidentErrorType, InstanceInfo, UserTask, UserTaskFilter, UserTaskState, VariableRecord,
} from '../contract.js';
import { call } from './errors.js';
import { businessKeyOf } from '../business-key.js';
import { keyOrNull, parseValue, textOrNull, type History } from './history.js';

/**
 * History from the v2 search API of Camunda 8.8+ (served from its secondary storage:
 * PostgreSQL/H2 through the RDBMS exporter, or Elasticsearch/OpenSearch). Search is eventually
 * consistent; every call returns what the storage holds now (no waiting), callers poll.
 *
 * Exercised in CI only when a licensed cluster is named in ZEEBE_REST_ADDRESS. One page of
 * PAGE items is read.
 */
const PAGE = { limit: 1000 };
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

export class SearchHistory implements History {
  constructor(private readonly client: CamundaClient) {}

  async userTasks(filter: UserTaskFilter): Promise<UserTask[]> {
    const result = await call(() => this.client.searchUserTasks({
      filter: {
        ...(filter.instanceKey ? { processInstanceKey: ProcessInstanceKey.assumeExists(filter.instanceKey) } : {}),
        ...(filter.elementId ? { elementId: ElementId.assumeExists(filter.elementId) } : {}),
        ...(filter.assignee ? { assignee: filter.assignee } : {}),
        ...(filter.candidateGroup ? { candidateGroup: filter.candidateGroup } : {}),
      },
      page: PAGE,
    }, NOW));
    return (result.items ?? [])
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
    const result = await call(() => this.client.searchIncidents({
      filter: {
        ...(filter.instanceKey ? { processInstanceKey: ProcessInstanceKey.assumeExists(filter.instanceKey) } : {}),
        ...(filter.state ? { state: filter.state } : {}),
      },
      page: PAGE,
    }, NOW));
    return (result.items ?? []).map((i) => ({
      key: String(i.incidentKey), instanceKey: String(i.processInstanceKey), elementId: String(i.elementId),
      elementInstanceKey: String(i.elementInstanceKey),
      errorType: (INCIDENT_TYPES.has(String(i.errorType)) ? i.errorType : 'UNKNOWN') as IncidentErrorType,
      errorMessage: i.errorMessage ?? '', jobKey: keyOrNull(i.jobKey), state: i.state === 'RESOLVED' ? 'RESOLVED' : 'ACTIVE',
    }));
  }

  async instance(instanceKey: string): Promise<InstanceInfo | null> {
    const result = await call(() => this.client.searchProcessInstances({ filter: { processInstanceKey: ProcessInstanceKey.assumeExists(instanceKey) }, page: PAGE }, NOW));
    const found = result.items?.[0];
    return found ? instanceInfo(found) : null;
  }

  async childInstances(instanceKey: string): Promise<InstanceInfo[]> {
    const result = await call(() => this.client.searchProcessInstances({ filter: { parentProcessInstanceKey: ProcessInstanceKey.assumeExists(instanceKey) }, page: PAGE }, NOW));
    return (result.items ?? []).map(instanceInfo);
  }

  async elementInstances(instanceKey: string): Promise<ElementInstance[]> {
    const result = await call(() => this.client.searchElementInstances({ filter: { processInstanceKey: ProcessInstanceKey.assumeExists(instanceKey) }, page: PAGE }, NOW));
    return (result.items ?? []).map((e) => ({
      key: String(e.elementInstanceKey), instanceKey: String(e.processInstanceKey), elementId: String(e.elementId), type: e.type,
      state: e.state, startDate: String(e.startDate), endDate: textOrNull(e.endDate),
    }));
  }

  async variables(instanceKey: string, scopeKey?: string): Promise<VariableRecord[]> {
    const result = await call(() => this.client.searchVariables({
      filter: { processInstanceKey: ProcessInstanceKey.assumeExists(instanceKey), ...(scopeKey ? { scopeKey: ScopeKey.assumeExists(scopeKey) } : {}) }, page: PAGE,
    }, NOW));
    return Promise.all((result.items ?? []).map(async (v) => {
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
