import type { ElementInstance, EngineRecord, Incident, InstanceInfo, JobChange, UserTask } from '../../contract.js';
import { TABLES, type EngineState, type Table } from '../state/engine-state.js';
import type { ElementInstanceRecord, IncidentRecord, InstanceRecord, JobRecord, UserTaskRecord } from '../state/records.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function instanceInfo(i: InstanceRecord): InstanceInfo {
  return {
    instanceKey: i.key, processId: i.processId, version: i.version, state: i.state, parentInstanceKey: i.parentInstanceKey,
    parentElementInstanceKey: i.parentElementInstanceKey, startDate: iso(i.startDate)!, endDate: iso(i.endDate), businessKey: i.businessKey ?? null,
  };
}

export function elementInfo(e: ElementInstanceRecord): ElementInstance {
  const state = e.state === 'COMPLETED' || e.state === 'TERMINATED' ? e.state : 'ACTIVE';
  return { key: e.key, instanceKey: e.instanceKey, elementId: e.elementId, type: e.type, state, startDate: iso(e.startDate)!, endDate: iso(e.endDate) };
}

export function userTaskInfo(t: UserTaskRecord): UserTask {
  return { ...t, creationDate: iso(t.creationDate)! };
}

export function incidentInfo({ key, instanceKey, elementId, elementInstanceKey, errorType, errorMessage, jobKey, state }: IncidentRecord): Incident {
  return { key, instanceKey, elementId, elementInstanceKey, errorType, errorMessage, jobKey, state };
}

function jobChange(j: JobRecord, ended: boolean): JobChange {
  return {
    key: j.key, type: j.type, instanceKey: j.instanceKey, elementId: j.elementId, elementInstanceKey: j.elementInstanceKey,
    state: ended ? 'ENDED' : j.state, retries: j.retries, errorMessage: j.errorMessage,
  };
}

/** The table's changed records in their latest state, and those deleted, as they were last. */
function* changed<R extends { key: string }>(table: Table<R>): Generator<{ record: R; removed: boolean }> {
  for (const key of table.dirty) {
    const record = table.rows.get(key) ?? table.evicted.get(key);
    if (record) yield { record, removed: false };
    else {
      const removed = table.removed.get(key);
      if (removed) yield { record: removed, removed: true };
    }
  }
}

/**
 * What the commands since the last flush changed, as feed records: read from the tables' dirty
 * sets before the store takes them. Instances first, so a reader meets an instance before its
 * steps. Forgets the deleted records it reported.
 */
export function collectRecords(state: EngineState): EngineRecord[] {
  const records: EngineRecord[] = [];
  for (const { record } of changed(state.instances)) records.push({ valueType: 'PROCESS_INSTANCE', value: instanceInfo(record) });
  for (const { record, removed } of changed(state.elements)) if (!removed) records.push({ valueType: 'ELEMENT_INSTANCE', value: elementInfo(record) });
  for (const { record, removed } of changed(state.jobs)) records.push({ valueType: 'JOB', value: jobChange(record, removed) });
  for (const { record, removed } of changed(state.userTasks)) if (!removed) records.push({ valueType: 'USER_TASK', value: userTaskInfo(record) });
  for (const { record, removed } of changed(state.incidents)) if (!removed) records.push({ valueType: 'INCIDENT', value: incidentInfo(record) });
  for (const scopeKey of state.variables.dirty) {
    const scope = state.variables.scopes.get(scopeKey);
    if (scope) records.push({ valueType: 'VARIABLE', value: { scopeKey, instanceKey: scope.instanceKey, variables: Object.fromEntries(scope.values) } });
  }
  for (const name of TABLES) state.table(name).removed.clear();
  return records;
}
