import type { ElementInstance, Incident, InstanceInfo, Job, UserTask, VariableRecord } from '../contract.js';
import { BUSINESS_KEY_TAG } from '../rest-api.js';
import { DEFAULT_TENANT } from './request.js';

/** Our records in the shapes of Camunda's v2 REST API (keys as decimal strings, dates ISO 8601). */

export function processInstanceResult(i: InstanceInfo & { processDefinitionKey: string }, hasIncident: boolean) {
  return {
    processInstanceKey: i.instanceKey, processDefinitionKey: i.processDefinitionKey, processDefinitionId: i.processId,
    processDefinitionName: i.processId, processDefinitionVersion: i.version, state: i.state, hasIncident, tenantId: DEFAULT_TENANT,
    startDate: i.startDate, ...(i.endDate ? { endDate: i.endDate } : {}),
    ...(i.parentInstanceKey ? { parentProcessInstanceKey: i.parentInstanceKey } : {}),
    ...(i.parentElementInstanceKey ? { parentElementInstanceKey: i.parentElementInstanceKey } : {}),
    tags: i.businessKey !== null ? [`${BUSINESS_KEY_TAG}${i.businessKey}`] : [],
  };
}

export function activatedJob(job: Job, worker: string, definition: { processDefinitionKey: string; version: number }) {
  return {
    jobKey: job.key, type: job.type, processInstanceKey: job.instanceKey, processDefinitionId: job.processId,
    processDefinitionKey: definition.processDefinitionKey, processDefinitionVersion: definition.version,
    elementId: job.elementId, elementInstanceKey: job.elementInstanceKey, customHeaders: job.customHeaders, worker,
    retries: job.retries, deadline: job.deadline, variables: job.variables, tenantId: DEFAULT_TENANT,
    kind: 'BPMN_ELEMENT', listenerEventType: 'UNSPECIFIED', tags: [],
  };
}

export function userTaskResult(t: UserTask, definition: { processDefinitionKey: string; version: number } | undefined) {
  return {
    userTaskKey: t.key, name: t.elementId, state: t.state, elementId: t.elementId, elementInstanceKey: t.elementInstanceKey,
    processInstanceKey: t.instanceKey, processDefinitionId: t.processId,
    ...(definition ? { processDefinitionKey: definition.processDefinitionKey, processDefinitionVersion: definition.version } : {}),
    candidateGroups: t.candidateGroups, candidateUsers: t.candidateUsers, creationDate: t.creationDate, tenantId: DEFAULT_TENANT,
    customHeaders: {}, priority: 50,
    ...(t.assignee ? { assignee: t.assignee } : {}), ...(t.dueDate ? { dueDate: t.dueDate } : {}),
    ...(t.followUpDate ? { followUpDate: t.followUpDate } : {}),
    // A Camunda user form is referenced by a numeric form key; anything else is an external reference.
    ...(t.formKey ? (/^\d+$/.test(t.formKey) ? { formKey: t.formKey } : { externalFormReference: t.formKey }) : {}),
  };
}

export function incidentResult(i: Incident, processId: string | undefined, processDefinitionKey: string | undefined) {
  return {
    incidentKey: i.key, processInstanceKey: i.instanceKey, elementId: i.elementId, elementInstanceKey: i.elementInstanceKey,
    errorType: i.errorType, errorMessage: i.errorMessage, state: i.state, tenantId: DEFAULT_TENANT,
    ...(i.jobKey ? { jobKey: i.jobKey } : {}), ...(processId ? { processDefinitionId: processId } : {}),
    ...(processDefinitionKey ? { processDefinitionKey } : {}),
  };
}

export function elementInstanceResult(e: ElementInstance, instance: { processId: string; processDefinitionKey: string }, incidentKey: string | undefined) {
  return {
    elementInstanceKey: e.key, processInstanceKey: e.instanceKey, processDefinitionId: instance.processId,
    processDefinitionKey: instance.processDefinitionKey, elementId: e.elementId, elementName: e.elementId, type: e.type,
    state: e.state, hasIncident: incidentKey !== undefined, tenantId: DEFAULT_TENANT, startDate: e.startDate,
    ...(e.endDate ? { endDate: e.endDate } : {}), ...(incidentKey ? { incidentKey } : {}),
  };
}

/** Variable values travel as JSON text; `index` is the variable's place in its scope (see variableKey). */
export function variableResult(v: VariableRecord, instanceKey: string, index: number) {
  return {
    variableKey: variableKey(v.scopeKey, index), name: v.name, value: JSON.stringify(v.value ?? null), isTruncated: false,
    scopeKey: v.scopeKey, processInstanceKey: instanceKey, tenantId: DEFAULT_TENANT,
  };
}

/** Places per scope a variable key can tell apart. */
export const VARIABLES_PER_SCOPE = 1_000_000;

/**
 * Variables have no key of their own in this engine, and are never removed from their scope:
 * the key is the scope key followed by the variable's place in the scope (six digits), which
 * stays the same for the variable's life and fits Camunda's 25-digit keys.
 */
export function variableKey(scopeKey: string, index: number): string {
  return `${scopeKey}${String(index).padStart(6, '0')}`;
}

export function scopeOfVariableKey(key: string): { scopeKey: string; index: number } {
  return { scopeKey: key.slice(0, -6), index: Number(key.slice(-6)) };
}
