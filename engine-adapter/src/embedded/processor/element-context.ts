import type { IncidentErrorType, Variables } from '../../contract.js';
import type { Definitions } from '../definitions.js';
import type { ElementModel, FlowModel } from '../model/types.js';
import type { EngineState } from '../state/engine-state.js';
import type { ElementInstanceRecord, IncidentRetry, InstanceRecord } from '../state/records.js';
import type { VariableScopes } from './variables.js';

export interface ActivateOptions {
  /** Variables the element was triggered with (message, timer, error), applied on completion. */
  triggeredWith?: Variables;
  /** Inner instance of a multi-instance body: its position in the collection. */
  loopIndex?: number;
}

/**
 * What an element's behaviour (behaviors.ts) may do with the instance it runs in. The processor
 * offers it; a module of its own, so that the processor and the behaviours do not import each other.
 */
export interface ElementContext {
  readonly state: EngineState;
  readonly definitions: Definitions;
  readonly vars: VariableScopes;
  readonly now: () => number;
  activate(scope: ElementInstanceRecord | null, instance: InstanceRecord, elementId: string, options?: ActivateOptions, key?: string): ElementInstanceRecord;
  activeChildren(scopeKey: string): ElementInstanceRecord[];
  complete(element: ElementInstanceRecord, options?: { variables?: Variables; flows?: FlowModel[] }): void;
  terminate(element: ElementInstanceRecord): void;
  instanceOf(element: ElementInstanceRecord): InstanceRecord;
  startInstance(definitionKey: string, variables: Variables, options?: { startEventId?: string; parent?: ElementInstanceRecord; triggeredWith?: Variables; businessKey?: string }): InstanceRecord;
  startIteration(body: ElementInstanceRecord): void;
  /** Opens the timer or message subscription by which `catchModel` can be triggered, held by `holder`; false when it could not (an incident was raised). */
  openEvent(holder: ElementInstanceRecord, catchModel: ElementModel, interrupting: boolean): boolean;
  raiseIncident(element: ElementInstanceRecord, errorType: IncidentErrorType, errorMessage: string, retry: IncidentRetry, jobKey?: string | null, elementId?: string): void;
  /** Throws a BPMN error from `source`; false when nothing catches it. */
  throwError(source: ElementInstanceRecord, code: string, variables: Variables): boolean;
}
