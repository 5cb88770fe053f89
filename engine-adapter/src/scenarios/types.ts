/**
 * The scenario model (../../../../shared/spec/scenarios.md) after loading: every step is
 * normalised to `{ kind, args, rejected }` and remembers where it was written.
 */
import type { Variables } from '../contract.js';

/** `rejected: true` (any refusal) or the text the engine's message must contain. */
export type Rejection = true | string;

export interface DeployArgs { files: string[] }
export interface CreateInstanceArgs { processId: string; version?: number; variables?: Variables; alias?: string }
export interface CompleteJobArgs { type: string; instance?: string; variables?: Variables }
export interface FailJobArgs { type: string; instance?: string; retries: number; errorMessage?: string; retryBackOff?: string }
export interface ThrowErrorArgs { type: string; instance?: string; errorCode: string; errorMessage?: string; variables?: Variables }
export interface CompleteUserTaskArgs { elementId: string; instance?: string; variables?: Variables }
export interface PublishMessageArgs { name: string; correlationKey: string; variables?: Variables; timeToLive?: string; messageId?: string }
export interface AdvanceTimeArgs { duration: string }
export interface SetVariablesArgs { instance: string; variables: Variables; elementId?: string; local?: boolean }
export interface ResolveIncidentArgs { instance: string; elementId: string; retries?: number }
export interface CancelInstanceArgs { instance: string }

export interface UserTaskFact { elementId: string; count?: number; assignee?: string | null; candidateGroups?: string[] }
export interface IncidentFact { elementId: string; errorType?: string }
export interface JobFact { type: string; count: number }
export interface ChildInstanceFact { elementId: string; state?: string; variables?: Variables }

export interface Expectation {
  instance?: string;
  /** ISO 8601 duration or milliseconds; default 10 s. */
  timeout?: string | number;
  state?: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  variables?: Variables;
  completedElements?: string[];
  notCompletedElements?: string[];
  activeElements?: string[];
  incidents?: IncidentFact[];
  jobs?: JobFact[];
  userTasks?: UserTaskFact[];
  childInstance?: ChildInstanceFact;
}

interface StepBase { index: number; line?: number; rejected?: Rejection }

export type Step = StepBase & (
  | { kind: 'deploy'; args: DeployArgs }
  | { kind: 'createInstance'; args: CreateInstanceArgs }
  | { kind: 'completeJob'; args: CompleteJobArgs }
  | { kind: 'failJob'; args: FailJobArgs }
  | { kind: 'throwError'; args: ThrowErrorArgs }
  | { kind: 'completeUserTask'; args: CompleteUserTaskArgs }
  | { kind: 'publishMessage'; args: PublishMessageArgs }
  | { kind: 'advanceTime'; args: AdvanceTimeArgs }
  | { kind: 'setVariables'; args: SetVariablesArgs }
  | { kind: 'resolveIncident'; args: ResolveIncidentArgs }
  | { kind: 'cancelInstance'; args: CancelInstanceArgs }
  | { kind: 'expect'; args: Expectation }
);

export type StepKind = Step['kind'];

export interface Scenario {
  name: string;
  /** Where the scenario came from (a path, or a name inside a service package). */
  file: string;
  /** Resource paths as written, relative to the scenario file. */
  resources: string[];
  steps: Step[];
}

/** Reads a resource named relative to the scenario (a file, or a file of a service package). */
export type ResourceReader = (path: string) => Promise<string>;

export interface ScenarioResult {
  name: string;
  file: string;
  passed: boolean;
  /** One line: which step failed, the first unmet fact and what was observed instead. */
  message?: string;
  durationMs: number;
}
