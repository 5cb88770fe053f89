import type { ElementModel, ElementType, FlowModel } from '../model/types.js';
import type { ElementInstanceRecord } from '../state/records.js';
import { evaluateExpression } from '../feel/index.js';
import { evaluate, evaluateCondition, evaluateInteger, evaluateList, evaluateString, evaluateStringList } from './expressions.js';
import type { ElementContext } from './element-context.js';

/** What an element does once active (after input mappings and attached events). */
type Behavior = (p: ElementContext, element: ElementInstanceRecord, model: ElementModel) => void;

const completeNow: Behavior = (p, element) => p.complete(element);

/** Waits for a message or timer, unless an event-based gateway already delivered it. */
const catchEvent: Behavior = (p, element, model) => {
  if (element.pendingVariables !== undefined) return p.complete(element);
  p.openEvent(element, model, true);
};

const job: Behavior = (p, element, model) => {
  const context = p.vars.visible(element.key);
  const type = evaluateString(model.job!.type, context);
  if (!type.ok) return p.raiseIncident(element, 'EXTRACT_VALUE_ERROR', type.message, 'activate');
  const retries = evaluateInteger(model.job!.retries, context);
  if (!retries.ok) return p.raiseIncident(element, 'EXTRACT_VALUE_ERROR', retries.message, 'activate');
  const count = retries.value;
  const instance = p.instanceOf(element);
  p.state.jobs.put({
    key: p.state.newKey(), type: type.value, instanceKey: element.instanceKey, processId: instance.processId, elementId: element.elementId,
    elementInstanceKey: element.key, retries: count, state: 'ACTIVATABLE', deadline: null, worker: null, errorMessage: null,
    customHeaders: model.job!.headers, createdAt: p.now(),
  });
};

const script: Behavior = (p, element, model) => {
  if (!model.script) return job(p, element, model);
  const result = evaluateExpression(model.script.expression, p.vars.visible(element.key));
  if (!result.ok) return p.raiseIncident(element, 'EXTRACT_VALUE_ERROR', result.message, 'activate');
  p.complete(element, { variables: { [model.script.resultVariable!]: result.value } });
};

const userTask: Behavior = (p, element, model) => {
  const context = p.vars.visible(element.key);
  const spec = model.userTask ?? {};
  const values: Record<string, unknown> = {};
  for (const field of ['assignee', 'candidateGroups', 'candidateUsers', 'dueDate', 'followUpDate', 'formKey'] as const) {
    const source = spec[field];
    if (source === undefined) continue;
    // Candidate groups and users: a FEEL list, or comma-separated text.
    const result = field === 'candidateGroups' || field === 'candidateUsers' ? evaluateStringList(source, context) : evaluate(source, context);
    if (!result.ok) return p.raiseIncident(element, 'EXTRACT_VALUE_ERROR', result.message, 'activate');
    values[field] = result.value;
  }
  const instance = p.instanceOf(element);
  p.state.userTasks.put({
    key: p.state.newKey(), instanceKey: element.instanceKey, processId: instance.processId, elementId: element.elementId, elementInstanceKey: element.key,
    state: 'CREATED', assignee: typeof values.assignee === 'string' && values.assignee ? values.assignee : null,
    candidateGroups: (values.candidateGroups as string[] | undefined) ?? [], candidateUsers: (values.candidateUsers as string[] | undefined) ?? [],
    dueDate: values.dueDate ? String(values.dueDate) : null, followUpDate: values.followUpDate ? String(values.followUpDate) : null,
    formKey: values.formKey ? String(values.formKey) : null, creationDate: p.now(),
  });
};

/**
 * Exclusive: one flow whose condition holds, else the default; inclusive: all that hold. Zeebe
 * (8.6, observed on the real broker) evaluates the conditions from the last flow in the XML to the
 * first, so an exclusive gateway takes the *last* fulfilled one — the docs' "first" is not what it does.
 */
function chooseFlows(p: ElementContext, element: ElementInstanceRecord, model: ElementModel, all: boolean): FlowModel[] | undefined {
  if (model.outgoing.length === 1 && !model.outgoing[0]!.condition) return model.outgoing;
  const context = p.vars.visible(element.key);
  const chosen: FlowModel[] = [];
  for (const flow of [...model.outgoing].reverse()) {
    if (flow.id === model.defaultFlowId || !flow.condition) continue;
    const result = evaluateCondition(flow.condition, context);
    if (!result.ok) {
      p.raiseIncident(element, 'CONDITION_ERROR', result.message, 'activate');
      return undefined;
    }
    if (result.value) {
      chosen.push(flow);
      if (!all) break;
    }
  }
  if (chosen.length) return chosen.reverse();
  const fallback = model.outgoing.find((f) => f.id === model.defaultFlowId);
  if (fallback) return [fallback];
  p.raiseIncident(element, 'CONDITION_ERROR', `Expected at least one condition to evaluate to true, or to have a default flow`, 'activate');
  return undefined;
}

const gateway = (all: boolean): Behavior => (p, element, model) => {
  if (model.outgoing.length === 0) return p.complete(element, { flows: [] });
  const flows = chooseFlows(p, element, model, all);
  if (flows) p.complete(element, { flows });
};

const eventBasedGateway: Behavior = (p, element, model) => {
  const definitionKey = p.instanceOf(element).processDefinitionKey;
  for (const flow of model.outgoing) {
    if (!p.openEvent(element, p.definitions.element(definitionKey, flow.targetId), true)) return;
  }
};

const endEvent: Behavior = (p, element, model) => {
  if (model.event === 'message') return job(p, element, model);
  if (model.event === 'error') {
    if (!p.throwError(element, model.errorCode!, {})) {
      p.raiseIncident(element, 'UNHANDLED_ERROR_EVENT', `Expected to throw an error event with the code '${model.errorCode}', but it was not caught. No error events are available in the scope.`, 'activate');
    }
    return;
  }
  if (model.event === 'terminate') {
    const scope = p.state.elements.get(element.flowScopeKey!)!;
    for (const sibling of p.activeChildren(scope.key)) if (sibling.key !== element.key) p.terminate(sibling);
    if (scope.joins) {
      delete scope.joins;
      p.state.elements.touch(scope);
    }
  }
  p.complete(element);
};

const subProcess: Behavior = (p, element, model) => {
  p.activate(element, p.instanceOf(element), model.noneStartId!);
};

const eventSubProcess: Behavior = (p, element, model) => {
  const triggeredWith = element.pendingVariables ?? {};
  delete element.pendingVariables;
  p.activate(element, p.instanceOf(element), model.startEventId!, { triggeredWith });
};

const callActivity: Behavior = (p, element, model) => {
  const context = p.vars.visible(element.key);
  const processId = evaluateString(model.calledElement!.processId, context);
  if (!processId.ok) return p.raiseIncident(element, 'EXTRACT_VALUE_ERROR', processId.message, 'activate');
  const definition = p.definitions.latestOf(processId.value);
  if (!definition) {
    return p.raiseIncident(element, 'CALLED_ELEMENT_ERROR', `Expected process with BPMN process id '${processId.value}' to be deployed, but not found.`, 'activate');
  }
  const variables = model.calledElement!.propagateAllParentVariables ? context : p.vars.local(element.key);
  const child = p.startInstance(definition.key, variables, { parent: element });
  element.calledInstanceKey = child.key;
  p.state.elements.touch(element);
};

const multiInstanceBody: Behavior = (p, element, model) => {
  const spec = model.multiInstance!;
  const collection = evaluateList(spec.inputCollection, p.vars.visible(element.key));
  if (!collection.ok) return p.raiseIncident(element, 'EXTRACT_VALUE_ERROR', collection.message, 'activate');
  const items = collection.value;
  element.loop = { items, started: 0, completed: 0, outputs: items.map(() => null) };
  p.state.elements.touch(element);
  if (spec.outputCollection) p.vars.setLocal(element.key, { [spec.outputCollection]: element.loop.outputs });
  if (!items.length) return p.complete(element, spec.outputCollection ? { variables: { [spec.outputCollection]: [] } } : {});
  const parallel = !spec.sequential;
  do p.startIteration(element); while (parallel && element.loop.started < items.length);
};

const BEHAVIORS: Partial<Record<ElementType, Behavior>> = {
  START_EVENT: completeNow,
  INTERMEDIATE_THROW_EVENT: completeNow,
  BOUNDARY_EVENT: completeNow,
  MANUAL_TASK: completeNow,
  TASK: completeNow,
  END_EVENT: endEvent,
  INTERMEDIATE_CATCH_EVENT: catchEvent,
  RECEIVE_TASK: catchEvent,
  SERVICE_TASK: job,
  SEND_TASK: job,
  BUSINESS_RULE_TASK: job,
  SCRIPT_TASK: script,
  USER_TASK: userTask,
  EXCLUSIVE_GATEWAY: gateway(false),
  INCLUSIVE_GATEWAY: gateway(true),
  PARALLEL_GATEWAY: (p, element) => p.complete(element),
  EVENT_BASED_GATEWAY: eventBasedGateway,
  SUB_PROCESS: subProcess,
  EVENT_SUB_PROCESS: eventSubProcess,
  CALL_ACTIVITY: callActivity,
  MULTI_INSTANCE_BODY: multiInstanceBody,
};

export function activateBehavior(p: ElementContext, element: ElementInstanceRecord, model: ElementModel): void {
  const behavior = BEHAVIORS[element.type];
  if (!behavior) throw new Error(`no behaviour for ${element.type}`);
  behavior(p, element, model);
}
