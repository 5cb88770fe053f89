import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { EngineError } from '../../contract.js';
import type { ElementModel, ElementType, EventKind, FlowModel, Mapping, ProcessModel } from './types.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- moddle elements are untyped objects */
type Moddle = any;

const moddle = new BpmnModdle({ zeebe: zeebeSchema });

const TYPES: Record<string, ElementType> = {
  'bpmn:StartEvent': 'START_EVENT', 'bpmn:EndEvent': 'END_EVENT', 'bpmn:IntermediateCatchEvent': 'INTERMEDIATE_CATCH_EVENT',
  'bpmn:IntermediateThrowEvent': 'INTERMEDIATE_THROW_EVENT', 'bpmn:BoundaryEvent': 'BOUNDARY_EVENT',
  'bpmn:ServiceTask': 'SERVICE_TASK', 'bpmn:SendTask': 'SEND_TASK', 'bpmn:BusinessRuleTask': 'BUSINESS_RULE_TASK',
  'bpmn:ScriptTask': 'SCRIPT_TASK', 'bpmn:UserTask': 'USER_TASK', 'bpmn:ReceiveTask': 'RECEIVE_TASK', 'bpmn:ManualTask': 'MANUAL_TASK',
  'bpmn:Task': 'TASK', 'bpmn:ExclusiveGateway': 'EXCLUSIVE_GATEWAY', 'bpmn:ParallelGateway': 'PARALLEL_GATEWAY',
  'bpmn:InclusiveGateway': 'INCLUSIVE_GATEWAY', 'bpmn:EventBasedGateway': 'EVENT_BASED_GATEWAY', 'bpmn:SubProcess': 'SUB_PROCESS',
  'bpmn:CallActivity': 'CALL_ACTIVITY',
};

const IGNORED = new Set(['bpmn:SequenceFlow', 'bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Group', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:DataObject']);

class DeployProblems {
  readonly messages: string[] = [];
  add(id: string, rule: string): void {
    this.messages.push(`element '${id}': ${rule}`);
  }
}

const ext = (element: Moddle, type: string): Moddle | undefined =>
  element.extensionElements?.values?.find((value: Moddle) => value.$type === type);

function mappings(element: Moddle, kind: 'inputParameters' | 'outputParameters'): Mapping[] {
  return (ext(element, 'zeebe:IoMapping')?.[kind] ?? []).map((p: Moddle) => ({ source: p.source ?? '', target: p.target }));
}

/**
 * Parses BPMN XML (Zeebe dialect) and compiles every executable process. Anything the engine
 * does not support, or that Zeebe would reject, fails the whole deployment with a message
 * naming the element and the rule.
 */
export async function compileBpmn(xml: string, resourceName: string): Promise<ProcessModel[]> {
  let definitions: Moddle;
  try {
    ({ rootElement: definitions } = await moddle.fromXML(xml, 'bpmn:Definitions'));
  } catch (error) {
    throw new EngineError(`'${resourceName}' is not valid BPMN XML: ${(error as Error).message.split('\n')[0]}`);
  }
  const problems = new DeployProblems();
  const processes = (definitions.rootElements ?? []).filter((e: Moddle) => e.$type === 'bpmn:Process');
  if (!processes.length) throw new EngineError(`'${resourceName}' contains no process`);
  const models = processes.map((process: Moddle) => compileProcess(process, definitions, problems));
  if (problems.messages.length) throw new EngineError(`'${resourceName}' cannot be deployed: ${problems.messages.join('; ')}`);
  return models;
}

function compileProcess(process: Moddle, definitions: Moddle, problems: DeployProblems): ProcessModel {
  if (!process.id || !/^[A-Za-z_][\w.-]*$/.test(process.id)) problems.add(process.id ?? '?', 'the process id must be a valid identifier');
  if (process.isExecutable === false) problems.add(process.id, 'the process is not executable (isExecutable="false")');
  const elements = new Map<string, ElementModel>();
  const root = scopeModel(process.id, 'PROCESS', process.id);
  elements.set(process.id, root);
  compileScope(process, root, elements, definitions, problems);
  const eventStarts = (process.flowElements ?? [])
    .filter((e: Moddle) => e.$type === 'bpmn:StartEvent' && e.eventDefinitions?.length)
    .map((e: Moddle) => e.id);
  const noneStarts = (process.flowElements ?? []).filter((e: Moddle) => e.$type === 'bpmn:StartEvent' && !e.eventDefinitions?.length);
  if (noneStarts.length > 1) problems.add(process.id, 'a process may have at most one none start event');
  if (!noneStarts.length && !eventStarts.length) problems.add(process.id, 'the process has no start event');
  return { processId: process.id, name: process.name, elements, eventStarts };
}

function scopeModel(id: string, type: ElementType, scopeId: string): ElementModel {
  return { id, type, scopeId, incoming: [], outgoing: [], boundaryEvents: [], inputs: [], outputs: [], eventSubprocesses: [] };
}

function compileScope(container: Moddle, scope: ElementModel, elements: Map<string, ElementModel>, definitions: Moddle, problems: DeployProblems): void {
  const flowElements: Moddle[] = container.flowElements ?? [];
  for (const element of flowElements) {
    if (IGNORED.has(element.$type)) continue;
    const isEventSub = element.$type === 'bpmn:SubProcess' && element.triggeredByEvent;
    const type = isEventSub ? 'EVENT_SUB_PROCESS' : TYPES[element.$type];
    if (!type) {
      problems.add(element.id, `${element.$type.replace('bpmn:', '')} is not supported`);
      continue;
    }
    if (elements.has(element.id)) problems.add(element.id, 'the id is used twice');
    const model = compileElement(element, type, scope.id, definitions, problems);
    elements.set(element.id, model);
    if (type === 'SUB_PROCESS' || type === 'EVENT_SUB_PROCESS') compileScope(element, model, elements, definitions, problems);
    if (type === 'EVENT_SUB_PROCESS') scope.eventSubprocesses.push(element.id);
    if (type === 'START_EVENT' && model.event === 'none') scope.noneStartId ??= element.id;
    if (type === 'START_EVENT' && scope.type === 'EVENT_SUB_PROCESS') scope.startEventId = element.id;
  }
  for (const flow of flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow')) {
    const source = elements.get(flow.sourceRef?.id);
    const target = elements.get(flow.targetRef?.id);
    if (!source || !target) {
      problems.add(flow.id, 'the sequence flow must connect two elements of the same scope');
      continue;
    }
    const condition = flow.conditionExpression?.body?.trim();
    const model: FlowModel = { id: flow.id, sourceId: source.id, targetId: target.id, ...(condition ? { condition } : {}) };
    source.outgoing.push(model);
    target.incoming.push(flow.id);
  }
  for (const element of flowElements) {
    const model = elements.get(element.id);
    if (!model) continue;
    if (element.default) model.defaultFlowId = element.default.id;
    checkElement(model, problems, elements);
  }
  if (scope.type === 'SUB_PROCESS' && !scope.noneStartId) problems.add(scope.id, 'an embedded sub-process needs one none start event');
  if (scope.type === 'EVENT_SUB_PROCESS' && !scope.startEventId) problems.add(scope.id, 'an event sub-process needs a start event');
}

function eventKind(element: Moddle): { kind: EventKind; definition?: Moddle } {
  const definitions: Moddle[] = element.eventDefinitions ?? [];
  if (definitions.length > 1) return { kind: 'none', definition: { $type: 'multiple' } };
  const [definition] = definitions;
  if (!definition) return { kind: 'none' };
  const kinds: Record<string, EventKind> = {
    'bpmn:MessageEventDefinition': 'message', 'bpmn:TimerEventDefinition': 'timer',
    'bpmn:ErrorEventDefinition': 'error', 'bpmn:TerminateEventDefinition': 'terminate',
  };
  return { kind: kinds[definition.$type] ?? ('unsupported' as EventKind), definition };
}

function compileElement(element: Moddle, type: ElementType, scopeId: string, _definitions: Moddle, problems: DeployProblems): ElementModel {
  const model: ElementModel = {
    ...scopeModel(element.id, type, scopeId),
    ...(element.name ? { name: element.name } : {}),
    inputs: mappings(element, 'inputParameters'),
    outputs: mappings(element, 'outputParameters'),
  };
  if (type.endsWith('_EVENT')) {
    const { kind, definition } = eventKind(element);
    if ((kind as string) === 'unsupported' || definition?.$type === 'multiple') {
      problems.add(element.id, `${definition?.$type === 'multiple' ? 'several event definitions' : definition.$type.replace('bpmn:', '')} on a ${type.toLowerCase().replace(/_/g, ' ')} is not supported`);
    }
    model.event = kind;
    if (kind === 'timer') {
      const timer = definition.timeDuration ? { kind: 'duration' as const, expression: definition.timeDuration.body }
        : definition.timeDate ? { kind: 'date' as const, expression: definition.timeDate.body }
          : definition.timeCycle ? { kind: 'cycle' as const, expression: definition.timeCycle.body } : undefined;
      if (!timer?.expression) problems.add(element.id, 'a timer event needs a time duration, date or cycle');
      else model.timer = { ...timer, expression: timer.expression.trim() };
    }
    if (kind === 'message') {
      const message = definition.messageRef;
      if (!message?.name) problems.add(element.id, 'a message event must reference a message with a name');
      else {
        const correlationKey = ext(message, 'zeebe:Subscription')?.correlationKey;
        model.message = { name: message.name, ...(correlationKey ? { correlationKey } : {}) };
      }
    }
    if (kind === 'error') {
      const code = definition.errorRef?.errorCode;
      if (code) model.errorCode = code;
      else if (type === 'END_EVENT') problems.add(element.id, 'an error end event must reference an error with an error code');
    }
  }
  if (type === 'BOUNDARY_EVENT') {
    model.attachedTo = element.attachedToRef?.id;
    model.interrupting = element.cancelActivity !== false;
  }
  if (type === 'START_EVENT') model.interrupting = element.isInterrupting !== false;
  if (type === 'RECEIVE_TASK') {
    const message = element.messageRef;
    if (!message?.name) problems.add(element.id, 'a receive task must reference a message with a name');
    else model.message = { name: message.name, correlationKey: ext(message, 'zeebe:Subscription')?.correlationKey };
  }
  const taskDefinition = ext(element, 'zeebe:TaskDefinition');
  if (taskDefinition) {
    const headers = Object.fromEntries((ext(element, 'zeebe:TaskHeaders')?.values ?? []).map((h: Moddle) => [h.key, h.value]));
    model.job = { type: taskDefinition.type ?? '', retries: taskDefinition.retries ?? '3', headers };
  }
  const script = ext(element, 'zeebe:Script');
  if (script) model.script = { expression: script.expression ?? '', ...(script.resultVariable ? { resultVariable: script.resultVariable } : {}) };
  if (type === 'USER_TASK') {
    const assignment = ext(element, 'zeebe:AssignmentDefinition');
    const schedule = ext(element, 'zeebe:TaskSchedule');
    const form = ext(element, 'zeebe:FormDefinition');
    model.userTask = {
      ...(assignment?.assignee ? { assignee: assignment.assignee } : {}),
      ...(assignment?.candidateGroups ? { candidateGroups: assignment.candidateGroups } : {}),
      ...(assignment?.candidateUsers ? { candidateUsers: assignment.candidateUsers } : {}),
      ...(schedule?.dueDate ? { dueDate: schedule.dueDate } : {}),
      ...(schedule?.followUpDate ? { followUpDate: schedule.followUpDate } : {}),
      ...(form?.formKey || form?.formId ? { formKey: form.formKey ?? form.formId } : {}),
    };
    if (!ext(element, 'zeebe:UserTask')) problems.add(element.id, 'only Camunda user tasks (zeebe:userTask) are supported; job-worker user tasks are not');
  }
  const called = ext(element, 'zeebe:CalledElement');
  if (type === 'CALL_ACTIVITY') {
    if (!called?.processId) problems.add(element.id, 'a call activity needs zeebe:calledElement with a processId');
    else model.calledElement = { processId: called.processId, propagateAllChildVariables: called.propagateAllChildVariables !== false, propagateAllParentVariables: called.propagateAllParentVariables !== false };
  }
  const loop = element.loopCharacteristics;
  if (loop) {
    const zeebeLoop = ext(loop, 'zeebe:LoopCharacteristics');
    if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') problems.add(element.id, 'standard loops are not supported; use multi-instance');
    else if (!zeebeLoop?.inputCollection) problems.add(element.id, 'a multi-instance activity needs zeebe:loopCharacteristics with an inputCollection');
    else {
      model.multiInstance = {
        sequential: loop.isSequential === true, inputCollection: zeebeLoop.inputCollection,
        ...(zeebeLoop.inputElement ? { inputElement: zeebeLoop.inputElement } : {}),
        ...(zeebeLoop.outputCollection ? { outputCollection: zeebeLoop.outputCollection } : {}),
        ...(zeebeLoop.outputElement ? { outputElement: zeebeLoop.outputElement } : {}),
      };
    }
  }
  return model;
}

const JOB_TYPES = new Set<ElementType>(['SERVICE_TASK', 'SEND_TASK', 'BUSINESS_RULE_TASK']);

function checkElement(model: ElementModel, problems: DeployProblems, elements: Map<string, ElementModel>): void {
  const { id, type } = model;
  if (JOB_TYPES.has(type) && !model.job?.type) problems.add(id, `a ${type.toLowerCase().replace(/_/g, ' ')} needs zeebe:taskDefinition with a type`);
  if (type === 'BUSINESS_RULE_TASK' && !model.job) problems.add(id, 'business rule tasks are supported only as jobs (zeebe:taskDefinition); DMN is not supported');
  if (type === 'SCRIPT_TASK' && !model.script?.expression && !model.job) problems.add(id, 'a script task needs zeebe:script with an expression, or zeebe:taskDefinition');
  if (model.script && !model.script.resultVariable) problems.add(id, 'zeebe:script needs a resultVariable');
  if (type === 'INTERMEDIATE_CATCH_EVENT' && model.event !== 'message' && model.event !== 'timer') problems.add(id, 'an intermediate catch event must be a message or timer event');
  if (type === 'INTERMEDIATE_THROW_EVENT' && model.event !== 'none') problems.add(id, 'only none intermediate throw events are supported');
  if (type === 'BOUNDARY_EVENT') {
    if (!['message', 'timer', 'error'].includes(model.event ?? '')) problems.add(id, 'a boundary event must be a message, timer or error event');
    const host = model.attachedTo ? elements.get(model.attachedTo) : undefined;
    if (!host) problems.add(id, 'the boundary event is not attached to an activity of the same scope');
    else host.boundaryEvents.push(id);
    if (model.event === 'error' && model.interrupting === false) problems.add(id, 'an error boundary event must be interrupting');
  }
  if (type === 'START_EVENT') {
    const scope = elements.get(model.scopeId);
    if (scope?.type === 'SUB_PROCESS' && model.event !== 'none') problems.add(id, 'the start event of an embedded sub-process must be a none start event');
    if (scope?.type === 'PROCESS' && !['none', 'message', 'timer'].includes(model.event ?? '')) problems.add(id, 'a process start event must be none, message or timer');
    if (scope?.type === 'EVENT_SUB_PROCESS' && !['message', 'timer', 'error'].includes(model.event ?? '')) problems.add(id, 'an event sub-process must start with a message, timer or error event');
    if (model.incoming.length) problems.add(id, 'a start event cannot have incoming sequence flows');
  }
  if (type === 'END_EVENT' && !['none', 'error', 'terminate', 'message'].includes(model.event ?? '')) problems.add(id, 'an end event must be none, error, terminate or message');
  if (type === 'END_EVENT' && model.event === 'message' && !model.job) problems.add(id, 'a message end event needs zeebe:taskDefinition (it is worked as a job)');
  if (type === 'END_EVENT' && model.outgoing.length) problems.add(id, 'an end event cannot have outgoing sequence flows');
  if (type === 'EXCLUSIVE_GATEWAY' || type === 'INCLUSIVE_GATEWAY') {
    if (model.outgoing.length > 1 && model.outgoing.some((f) => !f.condition && f.id !== model.defaultFlowId)) {
      problems.add(id, 'every outgoing sequence flow of a diverging gateway needs a condition, except the default flow');
    }
  }
  if (type === 'EVENT_BASED_GATEWAY') {
    for (const flow of model.outgoing) {
      const target = elements.get(flow.targetId);
      if (target?.type !== 'INTERMEDIATE_CATCH_EVENT' && target?.type !== 'RECEIVE_TASK') problems.add(id, 'an event-based gateway may lead only to message or timer catch events');
    }
    if (model.outgoing.length < 2) problems.add(id, 'an event-based gateway needs at least two outgoing flows');
  }
  const catching = type === 'INTERMEDIATE_CATCH_EVENT' || type === 'RECEIVE_TASK' || type === 'BOUNDARY_EVENT'
    || (type === 'START_EVENT' && elements.get(model.scopeId)?.type === 'EVENT_SUB_PROCESS');
  if (model.message && !model.message.correlationKey && catching) problems.add(id, 'the message needs a zeebe:subscription correlationKey');
}
