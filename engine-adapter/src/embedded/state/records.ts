import type { Incident, InstanceState, Job, UserTask, Variables } from '../../contract.js';
import type { ElementType } from '../model/types.js';

/** The engine's runtime state, as plain records (persisted as rows, see ../store). */

export interface DefinitionRecord {
  key: string;
  processId: string;
  version: number;
  resourceName: string;
  xml: string;
  deployedAt: number;
}

export interface InstanceRecord {
  key: string;
  processDefinitionKey: string;
  processId: string;
  version: number;
  state: InstanceState;
  parentInstanceKey: string | null;
  parentElementInstanceKey: string | null;
  startDate: number;
  endDate: number | null;
  /** The creator's key for it (root instances only; absent in records stored before it existed). */
  businessKey?: string | null;
}

export type ElementInstanceState = 'ACTIVATING' | 'ACTIVE' | 'COMPLETING' | 'COMPLETED' | 'TERMINATED';

export interface ElementInstanceRecord {
  key: string;
  instanceKey: string;
  elementId: string;
  type: ElementType;
  state: ElementInstanceState;
  /** The element instance of the enclosing process, sub-process or multi-instance body. */
  flowScopeKey: string | null;
  startDate: number;
  endDate: number | null;
  /** Parallel/inclusive joins waiting in this scope: gateway id -> flow id -> tokens arrived. */
  joins?: Record<string, Record<string, number>>;
  /** Multi-instance body: the collection and progress. */
  loop?: { items: unknown[]; started: number; completed: number; outputs: unknown[] };
  loopCounter?: number;
  /** Call activity: the instance it started. */
  calledInstanceKey?: string;
  /** An event sub-process instance started interrupting: its scope accepts no other event. */
  interrupting?: boolean;
  /** Variables an event or a completion brought along, applied when the element completes. */
  pendingVariables?: Variables;
}

export type JobState = 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN';

/** The contract's job (without the variables, read at activation), with its lifecycle. */
export interface JobRecord extends Omit<Job, 'variables' | 'deadline'> {
  state: JobState;
  /** ACTIVATED: the lease ends then; FAILED with retries: activatable again from then. */
  deadline: number | null;
  worker: string | null;
  errorMessage: string | null;
  createdAt: number;
  /** Failed with no retries left: activatable only once its incident is resolved, whatever its retries are updated to. */
  inIncident?: boolean;
}

export interface TimerRecord {
  key: string;
  /** Null for timer start events of a process definition. */
  instanceKey: string | null;
  elementInstanceKey: string | null;
  /** The catching element (timer catch event, boundary event, start event). */
  elementId: string;
  processDefinitionKey: string;
  dueDate: number;
  /** Remaining repetitions of a cycle (-1: forever); 0 for a single shot. */
  repetitions: number;
  /** Cycles: the ISO 8601 interval between occurrences. */
  interval: { duration: string; start: number | null } | null;
}

export interface SubscriptionRecord {
  key: string;
  instanceKey: string;
  processId: string;
  /** The element instance that waits: catch event, receive task, host activity, gateway or scope. */
  elementInstanceKey: string;
  /** The element the message triggers: catch event, receive task, boundary event or event sub-process start. */
  elementId: string;
  messageName: string;
  correlationKey: string;
  interrupting: boolean;
  openedAt: number;
}

export interface MessageRecord {
  key: string;
  name: string;
  correlationKey: string;
  variables: Variables;
  deadline: number;
  messageId: string | null;
  /** A message correlates at most once per process id. */
  correlatedProcessIds: string[];
  publishedAt: number;
}

/** The contract's user task, with its creation time as a number. */
export type UserTaskRecord = Omit<UserTask, 'creationDate'> & { creationDate: number };

/** What to do again when the incident is resolved. */
export type IncidentRetry = 'activate' | 'complete' | 'job' | 'open-events';

/** The contract's incident, plus how to retry on resolution. */
export interface IncidentRecord extends Incident {
  retry: IncidentRetry;
  createdAt: number;
}
