import {
  EngineError, type ActivateJobsRequest, type CreateInstanceRequest, type FailJobRequest, type Job, type PublishMessageRequest,
  type ThrowErrorRequest, type Variables,
} from '../contract.js';
import type { Processor } from './processor/processor.js';
import { nextOccurrence } from './processor/timers.js';
import { messageGroup } from './state/engine-state.js';
import type { JobRecord } from './state/records.js';

/** The element id Zeebe gives the incident of a job error that nothing catches. */
const NO_CATCH_EVENT_FOUND = 'NO_CATCH_EVENT_FOUND';

const notFound = (what: string, key: string) => new EngineError(`Expected to find ${what} with key '${key}', but none found`, 'NOT_FOUND');

/**
 * The engine's commands. Each checks everything it needs first and throws EngineError without
 * changing anything; only then does it change state, and runs the processor to quiescence.
 */
export class Commands {
  /** No buffered message expires before this (0: not known yet, e.g. after loading). */
  private nextMessageDeadline = 0;

  constructor(private readonly p: Processor) {}

  private get state() {
    return this.p.state;
  }

  createInstance(request: CreateInstanceRequest) {
    if (request.businessKey !== undefined) {
      // The same request again (a retry after a crash): the instance the first one started.
      const [existing] = this.state.instancesByBusinessKey.records(request.businessKey);
      if (existing) return { instanceKey: existing.key, processDefinitionKey: existing.processDefinitionKey, processId: existing.processId, version: existing.version };
    }
    const definition = this.p.definitions.find(request.processId, request.version);
    const instance = this.p.startInstance(definition.key, request.variables ?? {}, request.businessKey !== undefined ? { businessKey: request.businessKey } : {});
    this.p.drain();
    return { instanceKey: instance.key, processDefinitionKey: definition.key, processId: definition.processId, version: definition.version };
  }

  cancelInstance(instanceKey: string): void {
    const instance = this.state.instances.get(instanceKey);
    if (!instance || instance.state !== 'ACTIVE') throw notFound('process instance', instanceKey);
    if (instance.parentInstanceKey) {
      throw new EngineError(`Expected to cancel a process instance with key '${instanceKey}', but it is created by a parent process instance. Cancel the root process instance '${instance.parentInstanceKey}' instead.`, 'INVALID_STATE');
    }
    this.p.terminate(this.state.elements.get(instanceKey)!);
    this.p.drain();
  }

  publishMessage(request: PublishMessageRequest): { messageKey: string } {
    const now = this.p.now();
    if (request.messageId) {
      const duplicate = this.state.messagesByCorrelation.records(messageGroup(request.name, request.correlationKey)).find((m) => m.messageId === request.messageId && m.deadline > now);
      if (duplicate) throw new EngineError(`Expected to publish a new message with id '${request.messageId}', but a message with that id was already published`, 'ALREADY_EXISTS');
    }
    const variables = request.variables ?? {};
    const correlated = new Set<string>();
    const matching = this.state.subscriptionsByMessage.records(messageGroup(request.name, request.correlationKey))
      .sort((a, b) => a.openedAt - b.openedAt);
    for (const subscription of matching) {
      // A message correlates at most once per process id.
      if (correlated.has(subscription.processId)) continue;
      correlated.add(subscription.processId);
      this.p.trigger(subscription, variables);
    }
    for (const definition of this.p.definitions.allLatest()) {
      if (correlated.has(definition.processId)) continue;
      const model = this.p.definitions.model(definition.key);
      const start = model.eventStarts.map((id) => model.elements.get(id)!).find((e) => e.event === 'message' && e.message?.name === request.name);
      if (!start) continue;
      correlated.add(definition.processId);
      this.p.startInstance(definition.key, {}, { startEventId: start.id, triggeredWith: variables });
    }
    const key = this.state.newKey();
    if ((request.timeToLive ?? 0) > 0) {
      this.nextMessageDeadline = Math.min(this.nextMessageDeadline, now + request.timeToLive!);
      this.state.messages.put({
        key, name: request.name, correlationKey: request.correlationKey, variables, deadline: now + request.timeToLive!,
        messageId: request.messageId ?? null, correlatedProcessIds: [...correlated], publishedAt: now,
      });
    }
    this.p.drain();
    return { messageKey: key };
  }

  /**
   * Camunda's message correlation: the message goes to one waiting subscription (the oldest) or
   * starts one instance at a message start event, at once, or is refused; it is never buffered.
   */
  correlateMessage(request: { name: string; correlationKey: string; variables?: Variables }): { messageKey: string; processInstanceKey: string } {
    const variables = request.variables ?? {};
    const [subscription] = this.state.subscriptionsByMessage.records(messageGroup(request.name, request.correlationKey)).sort((a, b) => a.openedAt - b.openedAt);
    let processInstanceKey: string | undefined;
    if (subscription) {
      processInstanceKey = subscription.instanceKey;
      this.p.trigger(subscription, variables);
    } else {
      for (const definition of this.p.definitions.allLatest()) {
        const model = this.p.definitions.model(definition.key);
        const start = model.eventStarts.map((id) => model.elements.get(id)!).find((e) => e.event === 'message' && e.message?.name === request.name);
        if (!start) continue;
        processInstanceKey = this.p.startInstance(definition.key, {}, { startEventId: start.id, triggeredWith: variables }).key;
        break;
      }
    }
    if (processInstanceKey === undefined) {
      throw new EngineError(`Expected to find subscription for message with name '${request.name}' and correlation key '${request.correlationKey}', but none was found.`, 'NOT_FOUND');
    }
    this.p.drain();
    return { messageKey: this.state.newKey(), processInstanceKey };
  }

  setVariables(scopeKey: string, variables: Variables, local: boolean): void {
    const scope = this.state.elements.get(scopeKey);
    if (!scope || !this.p.isLive(scope)) throw notFound('element instance', scopeKey);
    if (local) this.p.vars.setLocal(scopeKey, variables);
    else this.p.vars.propagate(scopeKey, variables);
  }

  activateJobs(request: ActivateJobsRequest): Job[] {
    const now = this.p.now();
    const jobs: Job[] = [];
    for (const job of this.state.jobsByType.records(request.type)) {
      if (jobs.length >= request.maxJobs) break;
      if (!this.activatable(job, now)) continue;
      job.state = 'ACTIVATED';
      job.deadline = now + request.timeout;
      job.worker = request.worker;
      this.state.jobs.touch(job);
      const visible = this.p.vars.visible(job.elementInstanceKey);
      const variables = request.fetchVariables ? Object.fromEntries(request.fetchVariables.filter((n) => n in visible).map((n) => [n, visible[n]])) : visible;
      jobs.push({
        key: job.key, type: job.type, instanceKey: job.instanceKey, processId: job.processId, elementId: job.elementId,
        elementInstanceKey: job.elementInstanceKey, retries: job.retries, deadline: job.deadline, variables, customHeaders: job.customHeaders,
      });
    }
    return jobs;
  }

  /** Activatable, or its lease ran out, or its retry back-off is over. */
  private activatable(job: JobRecord, now: number): boolean {
    if (job.state === 'ACTIVATABLE') return true;
    if (job.state === 'ACTIVATED') return job.deadline !== null && job.deadline <= now;
    return job.state === 'FAILED' && !job.inIncident && job.retries > 0 && (job.deadline ?? 0) <= now;
  }

  private liveJob(jobKey: string, action: string): JobRecord {
    const job = this.state.jobs.get(jobKey);
    if (!job) throw notFound('job', jobKey);
    if (job.state === 'FAILED' && job.retries === 0) throw new EngineError(`Expected to ${action} job with key '${jobKey}', but it is in state 'FAILED'`, 'INVALID_STATE');
    if (job.state === 'ERROR_THROWN') throw new EngineError(`Expected to ${action} job with key '${jobKey}', but it is in state 'ERROR_THROWN'`, 'INVALID_STATE');
    return job;
  }

  completeJob(jobKey: string, variables: Variables = {}): void {
    const job = this.liveJob(jobKey, 'complete');
    this.state.jobs.delete(jobKey);
    this.p.complete(this.state.elements.get(job.elementInstanceKey)!, { variables });
    this.p.drain();
  }

  failJob(jobKey: string, request: FailJobRequest): void {
    const job = this.liveJob(jobKey, 'fail');
    if (request.retries < 0) throw new EngineError('retries must not be negative');
    job.retries = request.retries;
    job.errorMessage = request.errorMessage ?? null;
    job.state = 'FAILED';
    job.inIncident = job.retries === 0;
    job.deadline = request.retryBackOff ? this.p.now() + request.retryBackOff : null;
    this.state.jobs.touch(job);
    const element = this.state.elements.get(job.elementInstanceKey)!;
    if (request.variables) this.p.vars.setLocal(element.key, request.variables);
    if (job.retries === 0) this.p.raiseIncident(element, 'JOB_NO_RETRIES', job.errorMessage ?? 'No more retries left.', 'job', job.key);
  }

  throwError(jobKey: string, request: ThrowErrorRequest): void {
    const job = this.liveJob(jobKey, 'throw an error for');
    const element = this.state.elements.get(job.elementInstanceKey)!;
    if (this.p.throwError(element, request.errorCode, request.variables ?? {})) {
      this.state.jobs.delete(jobKey);
    } else {
      job.state = 'ERROR_THROWN';
      job.errorMessage = request.errorMessage ?? null;
      this.state.jobs.touch(job);
      // Zeebe files this incident under a made-up element id, not the task's.
      this.p.raiseIncident(element, 'UNHANDLED_ERROR_EVENT', `Expected to throw an error event with the code '${request.errorCode}'${request.errorMessage ? ` with message '${request.errorMessage}'` : ''}, but it was not caught. No error events are available in the scope.`, 'job', job.key, NO_CATCH_EVENT_FOUND);
    }
    this.p.drain();
  }

  updateJobRetries(jobKey: string, retries: number): void {
    const job = this.state.jobs.get(jobKey);
    if (!job) throw notFound('job', jobKey);
    if (retries < 1) throw new EngineError(`Expected to update retries of job '${jobKey}' to a positive number, but was ${retries}`);
    job.retries = retries;
    this.state.jobs.touch(job);
  }

  assignUserTask(key: string, assignee: string | null): void {
    const task = this.state.userTasks.get(key);
    if (!task || task.state !== 'CREATED') throw notFound('user task', key);
    task.assignee = assignee;
    this.state.userTasks.touch(task);
  }

  completeUserTask(key: string, variables: Variables = {}): void {
    const task = this.state.userTasks.get(key);
    if (!task || task.state !== 'CREATED') throw notFound('user task', key);
    task.state = 'COMPLETED';
    this.state.userTasks.evict(task);
    this.p.complete(this.state.elements.get(task.elementInstanceKey)!, { variables });
    this.p.drain();
  }

  resolveIncident(key: string): void {
    const incident = this.state.incidents.get(key);
    if (!incident || incident.state !== 'ACTIVE') throw notFound('incident', key);
    const job = incident.jobKey ? this.state.jobs.get(incident.jobKey) : undefined;
    if (incident.retry === 'job' && job && job.retries < 1) {
      throw new EngineError(`Expected to resolve incident with key '${key}', but job with key '${job.key}' has no retries left; update its retries first`, 'INVALID_STATE');
    }
    incident.state = 'RESOLVED';
    this.state.incidents.touch(incident);
    const element = this.state.elements.get(incident.elementInstanceKey)!;
    if (incident.retry === 'job' && job) {
      job.state = 'ACTIVATABLE';
      job.inIncident = false;
      job.deadline = null;
      this.state.jobs.touch(job);
    } else if (incident.retry === 'complete') {
      element.state = 'ACTIVE';
      this.p.complete(element);
    } else {
      element.state = 'ACTIVATING';
      this.state.elements.touch(element);
      this.p.run(() => this.p.enter(element));
    }
    this.p.drain();
  }

  /** Fires every timer due by `now`, oldest first. */
  fireDueTimers(now: number): number {
    const due = [...this.state.timers.values()].filter((t) => t.dueDate <= now).sort((a, b) => a.dueDate - b.dueDate);
    for (const timer of due) {
      if (!this.state.timers.get(timer.key)) continue;
      if (timer.instanceKey === null) {
        this.state.timers.delete(timer.key);
        if (timer.repetitions !== 0) this.state.timers.put({ ...timer, key: this.state.newKey(), dueDate: nextOccurrence(timer, now), repetitions: timer.repetitions === -1 ? -1 : timer.repetitions - 1 });
        this.p.startInstance(timer.processDefinitionKey, {}, { startEventId: timer.elementId, triggeredWith: {} });
      } else {
        this.p.trigger(timer, {});
      }
      this.p.drain();
    }
    return due.length;
  }

  /** Drops buffered messages whose time to live is over. */
  expireMessages(now: number): void {
    // Every publish asks; go through the buffer only when its earliest deadline has passed.
    if (now < this.nextMessageDeadline) return;
    this.nextMessageDeadline = Infinity;
    for (const message of [...this.state.messages.values()]) {
      if (message.deadline <= now) this.state.messages.delete(message.key);
      else this.nextMessageDeadline = Math.min(this.nextMessageDeadline, message.deadline);
    }
  }
}
