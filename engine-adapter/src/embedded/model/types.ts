/** A deployed process, compiled from BPMN into what the interpreter needs. */

export type ElementType =
  | 'PROCESS' | 'START_EVENT' | 'END_EVENT' | 'INTERMEDIATE_CATCH_EVENT' | 'INTERMEDIATE_THROW_EVENT' | 'BOUNDARY_EVENT'
  | 'SERVICE_TASK' | 'SEND_TASK' | 'BUSINESS_RULE_TASK' | 'SCRIPT_TASK' | 'USER_TASK' | 'RECEIVE_TASK' | 'MANUAL_TASK' | 'TASK'
  | 'EXCLUSIVE_GATEWAY' | 'PARALLEL_GATEWAY' | 'INCLUSIVE_GATEWAY' | 'EVENT_BASED_GATEWAY'
  | 'SUB_PROCESS' | 'EVENT_SUB_PROCESS' | 'CALL_ACTIVITY' | 'MULTI_INSTANCE_BODY';

export type EventKind = 'none' | 'message' | 'timer' | 'error' | 'terminate';

export interface Mapping {
  /** FEEL expression (with or without the leading `=`) or a static value. */
  source: string;
  /** Variable name, or a path such as `a.b` (nested context). */
  target: string;
}

export interface TimerDefinition {
  kind: 'duration' | 'date' | 'cycle';
  expression: string;
}

export interface MessageDefinition {
  /** Message name: static or FEEL. */
  name: string;
  /** Correlation key expression; absent on message start events. */
  correlationKey?: string;
}

export interface FlowModel {
  id: string;
  sourceId: string;
  targetId: string;
  condition?: string;
}

export interface ElementModel {
  id: string;
  type: ElementType;
  name?: string;
  /** Id of the process or sub-process this element sits in. */
  scopeId: string;
  incoming: string[];
  outgoing: FlowModel[];
  defaultFlowId?: string;
  event?: EventKind;
  timer?: TimerDefinition;
  message?: MessageDefinition;
  /** Error code caught (catch events) or thrown (end events); undefined catches any error. */
  errorCode?: string;
  /** Boundary events: the activity they are attached to, and whether they interrupt it. */
  attachedTo?: string;
  interrupting?: boolean;
  /** Activities: their boundary events. */
  boundaryEvents: string[];
  inputs: Mapping[];
  outputs: Mapping[];
  job?: { type: string; retries: string; headers: Record<string, string> };
  script?: { expression: string; resultVariable?: string };
  userTask?: { assignee?: string; candidateGroups?: string; candidateUsers?: string; dueDate?: string; followUpDate?: string; formKey?: string };
  calledElement?: { processId: string; propagateAllChildVariables: boolean; propagateAllParentVariables: boolean };
  multiInstance?: { sequential: boolean; inputCollection: string; inputElement?: string; outputCollection?: string; outputElement?: string };
  /** Scopes (process, sub-processes): the none start event and event sub-processes inside. */
  noneStartId?: string;
  eventSubprocesses: string[];
  /** Event sub-processes: their (single) start event. */
  startEventId?: string;
}

export interface ProcessModel {
  processId: string;
  name?: string;
  elements: Map<string, ElementModel>;
  /** Start events of the process itself that open subscriptions (message, timer). */
  eventStarts: string[];
}
