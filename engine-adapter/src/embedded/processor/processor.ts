import { EngineError, type IncidentErrorType, type Variables } from '../../contract.js';
import type { Definitions } from '../definitions.js';
import type { ElementModel, FlowModel } from '../model/types.js';
import { messageGroup, type EngineState } from '../state/engine-state.js';
import type { ElementInstanceRecord, IncidentRetry, InstanceRecord, SubscriptionRecord, TimerRecord } from '../state/records.js';
import { activateBehavior } from './behaviors.js';
import type { ActivateOptions, ElementContext } from './element-context.js';
import { evaluateExpression } from '../feel/index.js';
import { evaluateCorrelationKey, evaluateMappings, evaluateString } from './expressions.js';
import { reaches } from './reachability.js';
import { nextOccurrence, scheduleTimer } from './timers.js';
import { VariableScopes } from './variables.js';

/** A command that never settles (a modelled endless loop of immediate steps) is stopped here. */
const MAX_STEPS_PER_COMMAND = 100_000;

/**
 * The token interpreter. Elements move ACTIVATING -> ACTIVE -> COMPLETING -> COMPLETED (or
 * TERMINATED). Work is queued on an agenda and run to quiescence within one command, so long
 * chains of immediate elements never grow the stack.
 */
export class Processor implements ElementContext {
  readonly vars: VariableScopes;
  private readonly agenda: (() => void)[] = [];
  /** Active child element instances per flow scope (rebuilt from the records on load). */
  private readonly children = new Map<string, Set<string>>();

  constructor(readonly state: EngineState, readonly definitions: Definitions, readonly now: () => number) {
    this.vars = new VariableScopes(state);
  }

  // ---------------------------------------------------------------- agenda

  run(step: () => void): void {
    this.agenda.push(step);
  }

  drain(): void {
    let steps = 0;
    while (this.agenda.length) {
      if (++steps > MAX_STEPS_PER_COMMAND) {
        this.agenda.length = 0;
        throw new EngineError(`the command did not settle within ${MAX_STEPS_PER_COMMAND} steps (an endless loop of immediate elements?)`, 'INVALID_STATE');
      }
      this.agenda.shift()!();
    }
  }

  /** Rebuilds the in-memory indexes after records were loaded from the store. */
  reindex(): void {
    this.children.clear();
    for (const element of this.state.elements.values()) {
      if (element.flowScopeKey && this.isLive(element)) this.childSet(element.flowScopeKey).add(element.key);
    }
  }

  // ---------------------------------------------------------------- lookups

  instanceOf(element: ElementInstanceRecord): InstanceRecord {
    return this.state.instances.get(element.instanceKey)!;
  }

  model(element: ElementInstanceRecord): ElementModel {
    return this.definitions.element(this.instanceOf(element).processDefinitionKey, element.elementId);
  }

  /** The instance's element instances still under way: its root and, scope by scope, their active children. */
  liveElementsOf(instanceKey: string): ElementInstanceRecord[] {
    const root = this.state.elements.get(instanceKey);
    const live = root ? [root] : [];
    for (let i = 0; i < live.length; i++) live.push(...this.activeChildren(live[i]!.key));
    return live;
  }

  activeChildren(scopeKey: string): ElementInstanceRecord[] {
    return [...(this.children.get(scopeKey) ?? [])].map((key) => this.state.elements.get(key)!);
  }

  isLive(element: ElementInstanceRecord): boolean {
    return element.state !== 'COMPLETED' && element.state !== 'TERMINATED';
  }

  private childSet(scopeKey: string): Set<string> {
    let set = this.children.get(scopeKey);
    if (!set) this.children.set(scopeKey, (set = new Set()));
    return set;
  }

  // ---------------------------------------------------------------- lifecycle

  /** Creates the element instance in `scope` and queues its activation. */
  activate(scope: ElementInstanceRecord | null, instance: InstanceRecord, elementId: string, options: ActivateOptions = {}, key?: string): ElementInstanceRecord {
    const model = this.definitions.element(instance.processDefinitionKey, elementId);
    const isBody = model.multiInstance !== undefined && options.loopIndex === undefined;
    const element = this.state.elements.put({
      key: key ?? this.state.newKey(),
      instanceKey: instance.key,
      elementId,
      type: isBody ? 'MULTI_INSTANCE_BODY' : model.type,
      state: 'ACTIVATING',
      flowScopeKey: scope?.key ?? null,
      startDate: this.now(),
      endDate: null,
      ...(options.loopIndex !== undefined ? { loopCounter: options.loopIndex + 1 } : {}),
      ...(options.triggeredWith !== undefined ? { pendingVariables: options.triggeredWith } : {}),
    });
    if (scope) this.childSet(scope.key).add(element.key);
    if (options.loopIndex !== undefined && scope?.loop && model.multiInstance) {
      // The inner instance sees its item and position as local variables.
      // As in Zeebe, an outputElement that just names a variable makes that variable local to
      // each inner instance, so what the instance produces stays there until it is collected.
      const collected = /^=?\s*([A-Za-z_][\w]*)\s*$/.exec(model.multiInstance.outputElement ?? '')?.[1];
      this.vars.setLocal(element.key, {
        ...(collected ? { [collected]: null } : {}),
        loopCounter: options.loopIndex + 1,
        ...(model.multiInstance.inputElement ? { [model.multiInstance.inputElement]: scope.loop.items[options.loopIndex] ?? null } : {}),
      });
    }
    this.run(() => this.enter(element));
    return element;
  }

  /** Input mappings, events attached to the element, then the element's own behaviour. */
  enter(element: ElementInstanceRecord): void {
    if (element.state !== 'ACTIVATING') return;
    const model = this.model(element);
    if (element.type !== 'MULTI_INSTANCE_BODY' && model.inputs.length) {
      const inputs = evaluateMappings(model.inputs, this.vars.visible(element.key));
      if (!inputs.ok) return this.raiseIncident(element, 'IO_MAPPING_ERROR', inputs.message, 'activate');
      this.vars.setLocal(element.key, inputs.value);
    }
    element.state = 'ACTIVE';
    this.state.elements.touch(element);
    if (!this.openAttachedEvents(element, model)) return;
    activateBehavior(this, element, model);
  }

  /**
   * Completes the element: applies the variables it completes with (through its output
   * mappings, or propagated), then continues along `flows` (default: all outgoing).
   */
  complete(element: ElementInstanceRecord, options: { variables?: Variables; flows?: FlowModel[] } = {}): void {
    if (!this.isLive(element)) return;
    const model = this.model(element);
    const variables = options.variables ?? element.pendingVariables;
    element.state = 'COMPLETING';
    delete element.pendingVariables;
    this.state.elements.touch(element);
    const scope = element.flowScopeKey ? this.state.elements.get(element.flowScopeKey)! : null;

    if (element.type === 'MULTI_INSTANCE_BODY') {
      // The collected output goes to the flow scope, not into the body that is going away.
      if (variables) this.vars.propagate(scope!.key, variables);
    } else if (model.outputs.length) {
      if (variables) this.vars.setLocal(element.key, variables);
      const outputs = evaluateMappings(model.outputs, this.vars.visible(element.key));
      if (!outputs.ok) return this.raiseIncident(element, 'IO_MAPPING_ERROR', outputs.message, 'complete');
      this.vars.propagate(scope?.key ?? element.key, outputs.value);
    } else if (variables && Object.keys(variables).length) {
      this.vars.propagate(element.key, variables);
    }

    if (scope?.type === 'MULTI_INSTANCE_BODY' && model.multiInstance?.outputElement && scope.loop) {
      const output = evaluateExpression(model.multiInstance.outputElement, this.vars.visible(element.key));
      if (!output.ok) return this.raiseIncident(element, 'EXTRACT_VALUE_ERROR', output.message, 'complete');
      scope.loop.outputs[element.loopCounter! - 1] = output.value;
    }

    this.closeAttachedEvents(element);
    this.finish(element, 'COMPLETED');

    if (element.type === 'PROCESS') return this.instanceCompleted(element);
    if (scope?.type === 'MULTI_INSTANCE_BODY') return this.run(() => this.loopIterationDone(scope));
    for (const flow of options.flows ?? model.outgoing) this.takeFlow(scope!, flow);
    this.scopeMayBeDone(scope!);
  }

  /** Terminates the element and everything under it: jobs, tasks, timers, called instances. */
  terminate(element: ElementInstanceRecord): void {
    if (!this.isLive(element)) return;
    for (const child of this.activeChildren(element.key)) this.terminate(child);
    for (const job of this.state.jobsByElement.records(element.key)) this.state.jobs.delete(job.key);
    for (const task of this.state.userTasksByElement.records(element.key)) {
      task.state = 'CANCELED';
      this.state.userTasks.evict(task);
    }
    if (element.calledInstanceKey) {
      const called = this.state.elements.get(element.calledInstanceKey);
      if (called) this.terminate(called);
    }
    this.closeAttachedEvents(element);
    this.closeEventsHeldBy(element.key);
    this.resolveIncidentsOf(element.key);
    this.finish(element, 'TERMINATED');
    if (element.type === 'PROCESS') this.instanceEnded(element, 'TERMINATED');
  }

  private finish(element: ElementInstanceRecord, state: 'COMPLETED' | 'TERMINATED'): void {
    element.state = state;
    element.endDate = this.now();
    delete element.joins;
    this.state.elements.touch(element);
    if (element.flowScopeKey) this.children.get(element.flowScopeKey)?.delete(element.key);
    this.children.delete(element.key);
    // The process instance's variables stay readable after it ends; inner scopes go.
    if (element.type !== 'PROCESS') this.vars.drop(element.key);
    // History from here on is the store's: memory holds what can still move.
    this.state.elements.evict(element);
  }

  // ---------------------------------------------------------------- flows and scopes

  takeFlow(scope: ElementInstanceRecord, flow: FlowModel): void {
    const instance = this.instanceOf(scope);
    const target = this.definitions.element(instance.processDefinitionKey, flow.targetId);
    const joining = (target.type === 'PARALLEL_GATEWAY' || target.type === 'INCLUSIVE_GATEWAY') && target.incoming.length > 1;
    if (!joining) {
      this.activate(scope, instance, target.id);
      return;
    }
    scope.joins ??= {};
    const arrived = (scope.joins[target.id] ??= {});
    arrived[flow.id] = (arrived[flow.id] ?? 0) + 1;
    this.state.elements.touch(scope);
    this.run(() => this.tryJoin(scope, target));
  }

  /** Parallel joins wait for every incoming flow; inclusive joins for every flow that can still come. */
  private tryJoin(scope: ElementInstanceRecord, gateway: ElementModel): void {
    const arrived = scope.joins?.[gateway.id];
    if (!arrived || !this.isLive(scope)) return;
    const ready = gateway.type === 'PARALLEL_GATEWAY'
      ? gateway.incoming.every((flow) => (arrived[flow] ?? 0) > 0)
      : !this.activeChildren(scope.key).some((child) => child.elementId !== gateway.id && reaches(this.model(child), this.definitions.model(this.instanceOf(scope).processDefinitionKey), gateway.id))
        && !Object.entries(scope.joins ?? {}).some(([other, flows]) => other !== gateway.id && Object.values(flows).some((n) => n > 0)
          && reaches(this.definitions.element(this.instanceOf(scope).processDefinitionKey, other), this.definitions.model(this.instanceOf(scope).processDefinitionKey), gateway.id));
    if (!ready) return;
    for (const flow of Object.keys(arrived)) {
      if (gateway.type === 'PARALLEL_GATEWAY') arrived[flow]! -= 1;
      else arrived[flow] = 0;
      if (arrived[flow] === 0) delete arrived[flow];
    }
    if (!Object.keys(arrived).length) delete scope.joins![gateway.id];
    this.state.elements.touch(scope);
    this.activate(scope, this.instanceOf(scope), gateway.id);
  }

  /** A process or sub-process with nothing left inside completes. */
  scopeMayBeDone(scope: ElementInstanceRecord): void {
    this.run(() => {
      if (scope.state !== 'ACTIVE' || scope.type === 'MULTI_INSTANCE_BODY') return;
      if (scope.joins) {
        for (const gatewayId of Object.keys(scope.joins)) {
          const gateway = this.definitions.element(this.instanceOf(scope).processDefinitionKey, gatewayId);
          if (gateway.type === 'INCLUSIVE_GATEWAY') this.tryJoin(scope, gateway);
        }
        if (scope.joins && Object.keys(scope.joins).length) return;
      }
      if (!this.activeChildren(scope.key).length) this.complete(scope);
    });
  }

  private loopIterationDone(body: ElementInstanceRecord): void {
    const loop = body.loop!;
    loop.completed += 1;
    this.state.elements.touch(body);
    const model = this.model(body);
    if (loop.completed >= loop.items.length) {
      const output = model.multiInstance!.outputCollection;
      this.complete(body, output ? { variables: { [output]: loop.outputs } } : {});
    } else if (model.multiInstance!.sequential && body.state === 'ACTIVE') {
      this.startIteration(body);
    }
  }

  startIteration(body: ElementInstanceRecord): void {
    const loop = body.loop!;
    const index = loop.started;
    loop.started += 1;
    this.state.elements.touch(body);
    this.activate(body, this.instanceOf(body), body.elementId, { loopIndex: index });
  }

  private instanceCompleted(root: ElementInstanceRecord): void {
    const instance = this.instanceEnded(root, 'COMPLETED');
    if (!instance.parentElementInstanceKey) return;
    const callActivity = this.state.elements.get(instance.parentElementInstanceKey);
    if (!callActivity || callActivity.state !== 'ACTIVE') return;
    const called = this.model(callActivity).calledElement!;
    this.run(() => this.complete(callActivity, { variables: called.propagateAllChildVariables || this.model(callActivity).outputs.length ? this.vars.local(root.key) : {} }));
  }

  private instanceEnded(root: ElementInstanceRecord, state: 'COMPLETED' | 'TERMINATED'): InstanceRecord {
    const instance = this.instanceOf(root);
    instance.state = state;
    instance.endDate = this.now();
    this.state.instances.touch(instance);
    return instance;
  }

  /** Starts an instance of a definition, at its none start event or at `startEventId`. */
  startInstance(definitionKey: string, variables: Variables, options: { startEventId?: string; parent?: ElementInstanceRecord; triggeredWith?: Variables; businessKey?: string } = {}): InstanceRecord {
    const definition = this.definitions.record(definitionKey);
    const model = this.definitions.model(definitionKey);
    const startEventId = options.startEventId ?? model.elements.get(model.processId)!.noneStartId;
    if (!startEventId) {
      throw new EngineError(`Expected to create instance of process with none start event, but there is no such event in process '${definition.processId}'`, 'INVALID_STATE');
    }
    const instance = this.state.instances.put({
      key: this.state.newKey(), processDefinitionKey: definitionKey, processId: definition.processId, version: definition.version,
      state: 'ACTIVE', parentInstanceKey: options.parent?.instanceKey ?? null, parentElementInstanceKey: options.parent?.key ?? null,
      startDate: this.now(), endDate: null, businessKey: options.businessKey ?? null,
    });
    const root = this.state.elements.put({
      key: instance.key, instanceKey: instance.key, elementId: definition.processId, type: 'PROCESS', state: 'ACTIVE',
      flowScopeKey: null, startDate: this.now(), endDate: null,
    });
    this.vars.setLocal(root.key, variables);
    this.openScopeEvents(root, model.elements.get(model.processId)!);
    this.activate(root, instance, startEventId, options.triggeredWith !== undefined ? { triggeredWith: options.triggeredWith } : {});
    return instance;
  }

  // ---------------------------------------------------------------- incidents

  raiseIncident(element: ElementInstanceRecord, errorType: IncidentErrorType, errorMessage: string, retry: IncidentRetry, jobKey: string | null = null, elementId = element.elementId): void {
    this.state.incidents.put({
      key: this.state.newKey(), instanceKey: element.instanceKey, elementId, elementInstanceKey: element.key,
      errorType, errorMessage, jobKey, state: 'ACTIVE', retry, createdAt: this.now(),
    });
  }

  private resolveIncidentsOf(elementInstanceKey: string): void {
    for (const incident of this.state.incidents.values()) {
      if (incident.elementInstanceKey === elementInstanceKey && incident.state === 'ACTIVE') {
        incident.state = 'RESOLVED';
        this.state.incidents.touch(incident);
      }
    }
  }

  // ---------------------------------------------------------------- events: subscriptions and timers

  /** Boundary events of an activity, event sub-process starts of a scope. False if it raised an incident. */
  private openAttachedEvents(element: ElementInstanceRecord, model: ElementModel): boolean {
    const inner = element.flowScopeKey !== null && this.state.elements.get(element.flowScopeKey)?.type === 'MULTI_INSTANCE_BODY';
    if (inner) return true; // boundary events belong to the body
    if (element.type === 'SUB_PROCESS' || element.type === 'EVENT_SUB_PROCESS') {
      if (!this.openScopeEvents(element, model)) return false;
    }
    for (const boundaryId of model.boundaryEvents) {
      const boundary = this.definitions.element(this.instanceOf(element).processDefinitionKey, boundaryId);
      if (boundary.event === 'error') continue;
      if (!this.openEvent(element, boundary, boundary.interrupting !== false)) return false;
    }
    return true;
  }

  /** Message and timer starts of the event sub-processes directly inside a scope. */
  openScopeEvents(scope: ElementInstanceRecord, model: ElementModel): boolean {
    for (const espId of model.eventSubprocesses) {
      const esp = this.definitions.element(this.instanceOf(scope).processDefinitionKey, espId);
      const start = this.definitions.element(this.instanceOf(scope).processDefinitionKey, esp.startEventId!);
      if (start.event === 'error') continue;
      if (!this.openEvent(scope, start, start.interrupting !== false)) return false;
    }
    return true;
  }

  /** Opens the timer or message subscription by which `catchModel` can be triggered; held by `holder`. */
  openEvent(holder: ElementInstanceRecord, catchModel: ElementModel, interrupting: boolean): boolean {
    const context = this.vars.visible(holder.key);
    if (catchModel.event === 'timer' && catchModel.timer) {
      const schedule = scheduleTimer(catchModel.timer, context, this.now());
      if (!schedule.ok) {
        this.closeEventsHeldBy(holder.key);
        this.raiseIncident(holder, 'EXTRACT_VALUE_ERROR', schedule.message, 'activate');
        return false;
      }
      this.state.timers.put({
        key: this.state.newKey(), instanceKey: holder.instanceKey, elementInstanceKey: holder.key, elementId: catchModel.id,
        processDefinitionKey: this.instanceOf(holder).processDefinitionKey, ...schedule.value,
      });
      return true;
    }
    if (catchModel.message) {
      const name = evaluateString(catchModel.message.name, context);
      const key = evaluateCorrelationKey(catchModel.message.correlationKey ?? '', context);
      const failure = !name.ok ? name.message : !key.ok ? key.message : undefined;
      if (failure) {
        this.closeEventsHeldBy(holder.key);
        this.raiseIncident(holder, 'EXTRACT_VALUE_ERROR', `Failed to extract the correlation key for '${catchModel.id}': ${failure}`, 'activate');
        return false;
      }
      const subscription = this.state.subscriptions.put({
        key: this.state.newKey(), instanceKey: holder.instanceKey, processId: this.instanceOf(holder).processId,
        elementInstanceKey: holder.key, elementId: catchModel.id, messageName: (name as { value: string }).value,
        correlationKey: (key as { value: string }).value, interrupting, openedAt: this.now(),
      });
      this.run(() => this.correlateBuffered(subscription));
    }
    return true;
  }

  private closeAttachedEvents(element: ElementInstanceRecord): void {
    this.closeEventsHeldBy(element.key);
  }

  closeEventsHeldBy(holderKey: string): void {
    for (const timer of this.state.timersByHolder.records(holderKey)) this.state.timers.delete(timer.key);
    for (const sub of this.state.subscriptionsByHolder.records(holderKey)) this.state.subscriptions.delete(sub.key);
  }

  /** A newly opened subscription takes the oldest buffered message meant for it. */
  private correlateBuffered(subscription: SubscriptionRecord): void {
    if (!this.state.subscriptions.get(subscription.key)) return;
    const now = this.now();
    const message = this.state.messagesByCorrelation.records(messageGroup(subscription.messageName, subscription.correlationKey))
      .filter((m) => m.deadline > now && !m.correlatedProcessIds.includes(subscription.processId))
      .sort((a, b) => a.publishedAt - b.publishedAt)[0];
    if (!message) return;
    message.correlatedProcessIds.push(subscription.processId);
    this.state.messages.touch(message);
    this.trigger(subscription, message.variables);
  }

  /** A message or timer arrived for a subscription: continue where it leads. */
  trigger(event: SubscriptionRecord | TimerRecord, variables: Variables): void {
    const holder = event.elementInstanceKey ? this.state.elements.get(event.elementInstanceKey) : undefined;
    if (!holder || holder.state !== 'ACTIVE') return;
    const instance = this.instanceOf(holder);
    const target = this.definitions.element(instance.processDefinitionKey, event.elementId);
    const interrupting = 'interrupting' in event ? event.interrupting : target.interrupting !== false;
    if ('repetitions' in event) {
      // A timer fires once; a non-interrupting cycle schedules its next occurrence as a new timer.
      this.state.timers.delete(event.key);
      if (!interrupting && event.repetitions !== 0) this.reschedule(event);
    } else if (interrupting) {
      // A non-interrupting message subscription stays open for more messages.
      this.state.subscriptions.delete(event.key);
    }

    if (target.id === holder.elementId) {
      // the catch event or receive task itself
      return this.complete(holder, { variables });
    }
    if (holder.type === 'EVENT_BASED_GATEWAY') {
      this.closeEventsHeldBy(holder.key);
      const flow = this.model(holder).outgoing.find((f) => f.targetId === target.id)!;
      holder.pendingVariables = undefined;
      this.complete(holder, { flows: [] });
      const scope = this.state.elements.get(holder.flowScopeKey!)!;
      this.activate(scope, instance, flow.targetId, { triggeredWith: variables });
      return;
    }
    if (target.type === 'BOUNDARY_EVENT') {
      const scope = this.state.elements.get(holder.flowScopeKey!)!;
      if (interrupting) this.terminate(holder);
      this.activate(scope, instance, target.id, { triggeredWith: variables });
      if (interrupting) this.scopeMayBeDone(scope);
      return;
    }
    // an event sub-process start inside the scope `holder`
    this.startEventSubprocess(holder, target, variables, interrupting);
  }

  startEventSubprocess(scope: ElementInstanceRecord, start: ElementModel, variables: Variables, interrupting: boolean): void {
    if (interrupting) {
      this.closeEventsHeldBy(scope.key);
      for (const child of this.activeChildren(scope.key)) this.terminate(child);
      scope.interrupting = true;
      this.state.elements.touch(scope);
    }
    this.activate(scope, this.instanceOf(scope), start.scopeId, { triggeredWith: variables });
  }

  private reschedule(timer: TimerRecord): void {
    this.state.timers.put({
      ...timer, key: this.state.newKey(), dueDate: nextOccurrence(timer, this.now()), repetitions: timer.repetitions === -1 ? -1 : timer.repetitions - 1,
    });
  }

  // ---------------------------------------------------------------- errors

  /**
   * Throws a BPMN error from `source`: the nearest catching boundary event or error event
   * sub-process (matching code first, then catch-all), walking up scopes and call activities.
   * Returns false when nothing catches it.
   */
  throwError(source: ElementInstanceRecord, code: string, variables: Variables): boolean {
    let current: ElementInstanceRecord | undefined = source;
    while (current) {
      const inner = current.flowScopeKey !== null && this.state.elements.get(current.flowScopeKey)?.type === 'MULTI_INSTANCE_BODY';
      const definitionKey = this.instanceOf(current).processDefinitionKey;
      if (!inner && current.type !== 'PROCESS') {
        const boundaries = this.model(current).boundaryEvents.map((id) => this.definitions.element(definitionKey, id)).filter((b) => b.event === 'error');
        const boundary = boundaries.find((b) => b.errorCode === code) ?? boundaries.find((b) => b.errorCode === undefined);
        if (boundary) {
          const scope = this.state.elements.get(current.flowScopeKey!)!;
          this.terminate(current);
          this.activate(scope, this.instanceOf(scope), boundary.id, { triggeredWith: variables });
          return true;
        }
      }
      const scope: ElementInstanceRecord | undefined = current.type === 'PROCESS' ? undefined : this.state.elements.get(current.flowScopeKey!);
      const scopeToSearch = current.type === 'PROCESS' ? current : scope;
      if (scopeToSearch && scopeToSearch.type !== 'MULTI_INSTANCE_BODY' && current !== scopeToSearch) {
        const starts = this.model(scopeToSearch).eventSubprocesses
          .map((id) => this.definitions.element(definitionKey, this.definitions.element(definitionKey, id).startEventId!))
          .filter((start) => start.event === 'error');
        const start = starts.find((s) => s.errorCode === code) ?? starts.find((s) => s.errorCode === undefined);
        if (start && !scopeToSearch.interrupting) {
          this.startEventSubprocess(scopeToSearch, start, variables, true);
          return true;
        }
      }
      if (current.type === 'PROCESS') {
        const instance = this.instanceOf(current);
        current = instance.parentElementInstanceKey ? this.state.elements.get(instance.parentElementInstanceKey) : undefined;
      } else {
        current = scope;
      }
    }
    return false;
  }
}
