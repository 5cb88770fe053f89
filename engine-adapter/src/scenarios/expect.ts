/**
 * Checking the facts of one `expect` step against what the engine shows now. Facts are
 * checked in the order they are written; the first that does not hold is reported with what
 * was observed instead. The runner repeats the check until every fact holds or time is up.
 */
import type { ElementInstance, EngineAdapter, Incident, InstanceInfo, UserTask, VariableRecord, Variables } from '../contract.js';
import type { JobPool } from './jobs.js';
import type { Namespace } from './namespace.js';
import type { ChildInstanceFact, Expectation, IncidentFact, UserTaskFact } from './types.js';
import { compareKeys, deepEqual, show, showList } from './util.js';

export interface Unmet {
  fact: string;
  message: string;
}

/** What one check has read from the engine, so that each query runs at most once. */
class View {
  private info?: Promise<InstanceInfo | null>;
  private elements?: Promise<ElementInstance[]>;
  private vars?: Promise<VariableRecord[]>;
  private openIncidents?: Promise<Incident[]>;
  private openTasks?: Promise<UserTask[]>;

  constructor(readonly engine: EngineAdapter, readonly instanceKey: string) {}

  instance = () => (this.info ??= this.engine.instance(this.instanceKey));
  elementInstances = () => (this.elements ??= this.engine.elementInstances(this.instanceKey));
  variables = () => (this.vars ??= this.engine.variables(this.instanceKey));
  incidents = () => (this.openIncidents ??= this.engine.incidents({ instanceKey: this.instanceKey, state: 'ACTIVE' }));
  userTasks = () => (this.openTasks ??= this.engine.userTasks({ instanceKey: this.instanceKey, state: 'CREATED' }));

  /** Flow-node element instances: not the process itself (Zeebe lists it as type PROCESS), not sequence flows. */
  async flowNodes(): Promise<ElementInstance[]> {
    const [info, elements] = await Promise.all([this.instance(), this.elementInstances()]);
    return elements.filter((e) => e.type !== 'PROCESS' && e.type !== 'SEQUENCE_FLOW' && e.elementId !== info?.processId);
  }

  async rootVariables(): Promise<Variables> {
    const result: Variables = {};
    for (const record of await this.variables()) if (record.scopeKey === this.instanceKey) result[record.name] = record.value;
    return result;
  }
}

const ids = (elements: ElementInstance[], state: ElementInstance['state']) => new Set(elements.filter((e) => e.state === state).map((e) => e.elementId));
const sorted = (values: Iterable<string>) => [...values].sort();
const sameSet = (a: Iterable<string>, b: Iterable<string>) => deepEqual(sorted(new Set(a)), sorted(new Set(b)));

function variablesUnmet(fact: string, expected: Variables, actual: Variables): Unmet | undefined {
  for (const [name, value] of Object.entries(expected)) {
    if (!deepEqual(actual[name], value)) return { fact: `${fact}.${name}`, message: `${fact}.${name}: expected ${show(value)}, observed ${show(actual[name])}` };
  }
  return undefined;
}

function showIncidents(incidents: Array<{ elementId: string; errorType?: string }>): string {
  return `[${incidents.map((i) => (i.errorType ? `${i.elementId}: ${i.errorType}` : i.elementId)).join(', ')}]`;
}

/** Expected incidents match open ones one to one; an expectation without errorType matches any type. */
function incidentsMatch(expected: IncidentFact[], actual: Incident[]): boolean {
  if (expected.length !== actual.length) return false;
  const left = [...actual];
  // Exact expectations first, so that a loose one does not use up the incident an exact one needs.
  for (const fact of [...expected].sort((a, b) => Number(!a.errorType) - Number(!b.errorType))) {
    const index = left.findIndex((i) => i.elementId === fact.elementId && (!fact.errorType || i.errorType === fact.errorType));
    if (index < 0) return false;
    left.splice(index, 1);
  }
  return true;
}

interface TaskGroup { elementId: string; count: number; assignee: Array<string | null>; candidateGroups: string[][] }

function groupTasks(tasks: UserTask[]): Map<string, TaskGroup> {
  const groups = new Map<string, TaskGroup>();
  for (const task of tasks) {
    const group = groups.get(task.elementId) ?? { elementId: task.elementId, count: 0, assignee: [], candidateGroups: [] };
    group.count += 1;
    group.assignee.push(task.assignee);
    group.candidateGroups.push(task.candidateGroups);
    groups.set(task.elementId, group);
  }
  return groups;
}

function showTasks(groups: Map<string, TaskGroup>): string {
  const parts = [...groups.values()].map((g) => {
    const assignees = [...new Set(g.assignee.map((a) => a ?? 'null'))].join('|');
    const candidates = [...new Set(g.candidateGroups.map((c) => c.join(',')))].join('|');
    return `${g.elementId}${g.count !== 1 ? ` x${g.count}` : ''} (assignee ${assignees}${candidates ? `; candidateGroups ${candidates}` : ''})`;
  });
  return `[${parts.join(', ')}]`;
}

function userTasksUnmet(expected: UserTaskFact[], tasks: UserTask[]): Unmet | undefined {
  const groups = groupTasks(tasks);
  const fail = (message: string): Unmet => ({ fact: 'userTasks', message: `userTasks: ${message}; observed ${showTasks(groups)}` });
  if (!sameSet(expected.map((t) => t.elementId), groups.keys())) return fail(`expected open tasks of ${showList(expected.map((t) => t.elementId))}`);
  for (const fact of expected) {
    const group = groups.get(fact.elementId)!;
    if (group.count !== (fact.count ?? 1)) return fail(`expected ${fact.count ?? 1} open task(s) of ${fact.elementId}`);
    if (fact.assignee !== undefined && group.assignee.some((a) => a !== fact.assignee)) return fail(`expected ${fact.elementId} assigned to ${show(fact.assignee)}`);
    if (fact.candidateGroups && group.candidateGroups.some((c) => !sameSet(c, fact.candidateGroups!))) return fail(`expected ${fact.elementId} with candidateGroups ${showList(fact.candidateGroups)}`);
  }
  return undefined;
}

async function childUnmet(engine: EngineAdapter, view: View, fact: ChildInstanceFact): Promise<Unmet | undefined> {
  const [children, elements] = await Promise.all([engine.childInstances(view.instanceKey), view.elementInstances()]);
  const elementOf = new Map(elements.map((e) => [e.key, e.elementId]));
  const mine = children
    .filter((child) => child.parentElementInstanceKey !== null && elementOf.get(child.parentElementInstanceKey) === fact.elementId)
    .sort((a, b) => compareKeys(a.instanceKey, b.instanceKey));
  const label = `childInstance(${fact.elementId})`;
  if (!mine.length) {
    const others = children.map((c) => (c.parentElementInstanceKey && elementOf.get(c.parentElementInstanceKey)) || '?');
    return { fact: label, message: `${label}: expected an instance started by ${fact.elementId}, observed none${others.length ? ` (children of ${showList(others)})` : ''}` };
  }
  let first: Unmet | undefined;
  for (const child of mine) {
    let unmet: Unmet | undefined;
    if (fact.state && child.state !== fact.state) unmet = { fact: `${label}.state`, message: `${label}.state: expected ${fact.state}, observed ${child.state}` };
    if (!unmet && fact.variables) {
      const childView = new View(engine, child.instanceKey);
      unmet = variablesUnmet(`${label}.variables`, fact.variables, await childView.rootVariables());
    }
    if (!unmet) return undefined;
    first ??= unmet;
  }
  return first;
}

export interface CheckContext {
  engine: EngineAdapter;
  ns: Namespace;
  pool: JobPool;
}

/** The first fact of the expectation that does not hold now, or undefined when all hold. */
export async function firstUnmet(context: CheckContext, instanceKey: string, expectation: Expectation): Promise<Unmet | undefined> {
  const { engine, pool } = context;
  const view = new View(engine, instanceKey);
  for (const field of Object.keys(expectation) as Array<keyof Expectation>) {
    switch (field) {
      case 'instance':
      case 'timeout':
        break;
      case 'state': {
        const info = await view.instance();
        const observed = info?.state ?? 'not found';
        if (observed !== expectation.state) return { fact: 'state', message: `state: expected ${expectation.state}, observed ${observed}` };
        break;
      }
      case 'variables': {
        const unmet = variablesUnmet('variables', expectation.variables!, await view.rootVariables());
        if (unmet) return unmet;
        break;
      }
      case 'completedElements': {
        const completed = ids(await view.flowNodes(), 'COMPLETED');
        const missing = expectation.completedElements!.filter((id) => !completed.has(id));
        if (missing.length) return { fact: 'completedElements', message: `completedElements: expected ${showList(missing)} to have completed, observed completed ${showList(sorted(completed))}` };
        break;
      }
      case 'notCompletedElements': {
        const completed = ids(await view.flowNodes(), 'COMPLETED');
        const present = expectation.notCompletedElements!.filter((id) => completed.has(id));
        if (present.length) return { fact: 'notCompletedElements', message: `notCompletedElements: expected ${showList(present)} not to have completed, observed completed ${showList(sorted(completed))}` };
        break;
      }
      case 'activeElements': {
        const active = ids(await view.flowNodes(), 'ACTIVE');
        if (!sameSet(active, expectation.activeElements!)) return { fact: 'activeElements', message: `activeElements: expected ${showList(sorted(expectation.activeElements!))}, observed ${showList(sorted(active))}` };
        break;
      }
      case 'incidents': {
        const open = await view.incidents();
        if (!incidentsMatch(expectation.incidents!, open)) {
          return { fact: 'incidents', message: `incidents: expected ${showIncidents(expectation.incidents!)}, observed ${showIncidents(open.map((i) => ({ elementId: i.elementId, errorType: i.errorType })))}` };
        }
        break;
      }
      case 'jobs': {
        for (const fact of expectation.jobs!) {
          await pool.sweep(fact.type);
          const count = pool.live(fact.type, instanceKey, await view.elementInstances()).length;
          if (count !== fact.count) return { fact: `jobs.${fact.type}`, message: `jobs.${fact.type}: expected ${fact.count} activatable, observed ${count}` };
        }
        break;
      }
      case 'userTasks': {
        const unmet = userTasksUnmet(expectation.userTasks!, await view.userTasks());
        if (unmet) return unmet;
        break;
      }
      case 'childInstance': {
        const unmet = await childUnmet(engine, view, expectation.childInstance!);
        if (unmet) return unmet;
        break;
      }
    }
  }
  return undefined;
}
