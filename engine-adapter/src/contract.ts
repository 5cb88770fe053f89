/**
 * The EngineAdapter contract: everything Konstruktor asks of a workflow engine. Two
 * implementations — the embedded engine and Zeebe — must behave the same; the conformance
 * scenarios (../conformance) prove it. Keys are strings (Zeebe's are 64-bit integers).
 */

export type Variables = Record<string, unknown>;

export interface Resource {
  /** File name; its ending decides the kind (.bpmn, .dmn, .form). */
  name: string;
  content: string;
}

export interface DeployedProcess {
  processId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
}

export interface Deployment {
  key: string;
  processes: DeployedProcess[];
}

export interface CreateInstanceRequest {
  processId: string;
  /** Latest version when absent. */
  version?: number;
  variables?: Variables;
  /**
   * The caller's key for this instance (e.g. `application:<id>`). A second request with a
   * business key already in use starts nothing and answers with the instance the first one
   * started, so a caller may send the same request again after a crash.
   */
  businessKey?: string;
}

export interface InstanceRef {
  instanceKey: string;
  processDefinitionKey: string;
  processId: string;
  version: number;
}

export interface PublishMessageRequest {
  name: string;
  correlationKey: string;
  variables?: Variables;
  /** How long an uncorrelated message waits for a subscription, in ms (0 = not buffered). */
  timeToLive?: number;
  /** A second message with the same id is refused while the first is buffered. */
  messageId?: string;
}

export interface ActivateJobsRequest {
  type: string;
  worker: string;
  maxJobs: number;
  /** Lease: the job is given to another worker if not finished within this many ms. */
  timeout: number;
  /** Only these variables (all when absent). */
  fetchVariables?: string[];
}

export interface Job {
  key: string;
  type: string;
  instanceKey: string;
  processId: string;
  elementId: string;
  elementInstanceKey: string;
  retries: number;
  deadline: number;
  variables: Variables;
  /** zeebe:taskHeaders of the element. */
  customHeaders: Record<string, string>;
}

export interface FailJobRequest {
  retries: number;
  errorMessage?: string;
  /** Wait this many ms before the job can be activated again. */
  retryBackOff?: number;
  variables?: Variables;
}

export interface ThrowErrorRequest {
  errorCode: string;
  errorMessage?: string;
  variables?: Variables;
}

export type UserTaskState = 'CREATED' | 'COMPLETED' | 'CANCELED';

export interface UserTask {
  key: string;
  instanceKey: string;
  processId: string;
  elementId: string;
  elementInstanceKey: string;
  state: UserTaskState;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  followUpDate: string | null;
  formKey: string | null;
  creationDate: string;
}

export interface UserTaskFilter {
  instanceKey?: string;
  elementId?: string;
  state?: UserTaskState;
  assignee?: string;
  candidateGroup?: string;
}

export type IncidentErrorType =
  | 'JOB_NO_RETRIES' | 'CONDITION_ERROR' | 'UNHANDLED_ERROR_EVENT' | 'IO_MAPPING_ERROR'
  | 'CALLED_ELEMENT_ERROR' | 'EXTRACT_VALUE_ERROR' | 'UNKNOWN';

export interface Incident {
  key: string;
  instanceKey: string;
  elementId: string;
  elementInstanceKey: string;
  errorType: IncidentErrorType;
  errorMessage: string;
  jobKey: string | null;
  state: 'ACTIVE' | 'RESOLVED';
}

export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface InstanceInfo {
  instanceKey: string;
  processId: string;
  version: number;
  state: InstanceState;
  /** Key of the instance that called this one, for call activities. */
  parentInstanceKey: string | null;
  parentElementInstanceKey: string | null;
  startDate: string;
  endDate: string | null;
  /** The business key it was created with (root instances only). */
  businessKey: string | null;
}

export interface ElementInstance {
  key: string;
  instanceKey: string;
  elementId: string;
  /** BPMN element type, e.g. SERVICE_TASK, EXCLUSIVE_GATEWAY (Zeebe's names). */
  type: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startDate: string;
  endDate: string | null;
}

export interface VariableRecord {
  name: string;
  value: unknown;
  /** Key of the scope (the instance key for root variables). */
  scopeKey: string;
}

/** A job as the feed reports it: its state, not its variables. `ENDED` once it is gone (completed, or its element left). */
export interface JobChange {
  key: string;
  type: string;
  instanceKey: string;
  elementId: string;
  elementInstanceKey: string;
  state: 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN' | 'ENDED';
  retries: number;
  errorMessage: string | null;
}

/** The variables of one scope after a change (a scope that ends with its element is not reported). */
export interface VariableChange {
  scopeKey: string;
  instanceKey: string;
  variables: Variables;
}

/**
 * One record of the engine's feed: the state of something the engine changed, after the change.
 * Named after Zeebe's record value types. Within one batch a thing appears at most once, in its
 * latest state: a step that started and ended in one commit shows only as ended.
 */
export type EngineRecord =
  | { valueType: 'PROCESS_INSTANCE'; value: InstanceInfo }
  | { valueType: 'ELEMENT_INSTANCE'; value: ElementInstance }
  | { valueType: 'JOB'; value: JobChange }
  | { valueType: 'USER_TASK'; value: UserTask }
  | { valueType: 'INCIDENT'; value: Incident }
  | { valueType: 'VARIABLE'; value: VariableChange };

/** What one commit of the engine changed, in order. Positions grow with every batch and survive restarts. */
export interface EngineRecordBatch {
  /** A decimal integer; pass the last one handled to `subscribe` to resume after it. */
  position: string;
  /** When the engine committed it (ISO 8601). */
  at: string;
  records: EngineRecord[];
}

/** A listener that returns a promise gets the next batch only once that promise settles. */
export type EngineFeedListener = (batch: EngineRecordBatch) => void | Promise<void>;

export interface EngineFeedSubscription {
  /** Stops delivery; resolves once a batch being delivered is done. */
  close(): Promise<void>;
}

/** Keys and feed positions are 64-bit integers written in decimal: at most 19 digits. */
export function isDecimalKey(text: string): boolean {
  return /^\d{1,19}$/.test(text);
}

/** Refused commands throw this, with a message naming what is wrong. */
export class EngineError extends Error {
  constructor(message: string, readonly code: 'NOT_FOUND' | 'INVALID_ARGUMENT' | 'INVALID_STATE' | 'ALREADY_EXISTS' | 'UNAVAILABLE' = 'INVALID_ARGUMENT') {
    super(message);
  }
}

/** Refuses what cannot be a feed position (subscribe's `from`); null means from the oldest kept batch. */
export function checkFeedPosition(position: string | null): void {
  if (position !== null && !isDecimalKey(position)) throw new EngineError(`'${position}' is not a feed position (a decimal integer)`);
}

export interface EngineAdapter {
  readonly name: 'embedded' | 'zeebe';

  deploy(resources: Resource[]): Promise<Deployment>;
  createInstance(request: CreateInstanceRequest): Promise<InstanceRef>;
  cancelInstance(instanceKey: string): Promise<void>;
  publishMessage(request: PublishMessageRequest): Promise<{ messageKey: string }>;
  /** Sets variables on a scope: an instance key or an element instance key. */
  setVariables(scopeKey: string, variables: Variables, options?: { local?: boolean }): Promise<void>;

  activateJobs(request: ActivateJobsRequest): Promise<Job[]>;
  completeJob(jobKey: string, variables?: Variables): Promise<void>;
  failJob(jobKey: string, request: FailJobRequest): Promise<void>;
  throwError(jobKey: string, request: ThrowErrorRequest): Promise<void>;
  updateJobRetries(jobKey: string, retries: number): Promise<void>;

  userTasks(filter: UserTaskFilter): Promise<UserTask[]>;
  assignUserTask(userTaskKey: string, assignee: string | null): Promise<void>;
  completeUserTask(userTaskKey: string, variables?: Variables): Promise<void>;

  incidents(filter: { instanceKey?: string; state?: Incident['state'] }): Promise<Incident[]>;
  resolveIncident(incidentKey: string): Promise<void>;

  /**
   * History, for status timelines and the designer's test overlay. On Zeebe it is read from what
   * the broker has exported, so it trails the engine by the exporter's delay: poll for what must appear.
   */
  instance(instanceKey: string): Promise<InstanceInfo | null>;
  /** Instances started by call activities of this instance. */
  childInstances(instanceKey: string): Promise<InstanceInfo[]>;
  elementInstances(instanceKey: string): Promise<ElementInstance[]>;
  variables(instanceKey: string, scopeKey?: string): Promise<VariableRecord[]>;

  /**
   * The engine's records, batch by batch in commit order: first those kept after position
   * `from` (all kept ones when null), then each new one as it is committed. A listener that
   * throws is called again with the same batch after a pause, so a projection that keeps its
   * position with what it wrote neither misses nor repeats a batch.
   */
  subscribe(from: string | null, listener: EngineFeedListener): EngineFeedSubscription;

  /** Moves the engine clock forward (tests, designer test runs); due timers fire. */
  advanceTime(ms: number): Promise<void>;

  close(): Promise<void>;
}
