/**
 * A tiny in-memory EngineAdapter for testing the scenario runner's own logic (aliases,
 * polling, the job pool, rejected steps, messages). It runs only straight sequences of
 * service tasks and user tasks: start -> (serviceTask | userTask)* -> end, read from the
 * BPMN with regular expressions. It is not an engine and proves nothing about BPMN.
 */
import {
  EngineError, type ActivateJobsRequest, type CreateInstanceRequest, type Deployment, type ElementInstance, type EngineAdapter, type FailJobRequest,
  type Incident, type InstanceInfo, type InstanceRef, type Job, type PublishMessageRequest, type Resource, type ThrowErrorRequest, type UserTask,
  type UserTaskFilter, type VariableRecord, type Variables,
} from '../../src/contract.js';

interface Step { id: string; kind: 'service' | 'user'; type?: string }
interface FakeJob extends Job { state: 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'DONE'; availableAt: number }
interface FakeInstance { info: InstanceInfo; steps: Step[]; position: number; variables: Variables }

export class FakeEngine implements EngineAdapter {
  readonly name = 'embedded' as const;
  readonly calls: string[] = [];
  readonly published: PublishMessageRequest[] = [];
  private next = 100;
  private clock = 0;
  private readonly processes = new Map<string, Step[]>();
  private readonly instances = new Map<string, FakeInstance>();
  private readonly elements: ElementInstance[] = [];
  private readonly jobs: FakeJob[] = [];
  private readonly tasks: UserTask[] = [];
  private readonly openIncidents: Incident[] = [];
  private readonly localVariables: VariableRecord[] = [];
  /** New jobs become activatable only this many ms (real time) after they are created. */
  jobDelayMs = 0;
  /** When set, completeJob changes the instance and then refuses (a broken engine). */
  sabotageComplete = false;

  private key = () => String(this.next++);

  async deploy(resources: Resource[]): Promise<Deployment> {
    this.calls.push('deploy');
    const processes = [];
    for (const resource of resources) {
      const id = /<bpmn:process\b[^>]*\bid="([^"]+)"/.exec(resource.content)?.[1];
      if (!id) throw new EngineError(`'${resource.name}' contains no process`);
      const steps: Step[] = [];
      for (const match of resource.content.matchAll(/<bpmn:(serviceTask|userTask)\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/bpmn:\1>/g)) {
        const type = /zeebe:taskDefinition\b[^>]*\btype="([^"]+)"/.exec(match[3]!)?.[1];
        if (match[1] === 'serviceTask' && !type) throw new EngineError(`element '${match[2]}': a service task needs zeebe:taskDefinition with a type`);
        steps.push({ id: match[2]!, kind: match[1] === 'serviceTask' ? 'service' : 'user', type });
      }
      this.processes.set(id, steps);
      processes.push({ processId: id, version: 1, processDefinitionKey: this.key(), resourceName: resource.name });
    }
    return { key: this.key(), processes };
  }

  async createInstance(request: CreateInstanceRequest): Promise<InstanceRef> {
    this.calls.push('createInstance');
    const steps = this.processes.get(request.processId);
    if (!steps) throw new EngineError(`Expected to find process definition with process ID '${request.processId}', but none found`, 'NOT_FOUND');
    const instanceKey = this.key();
    const info: InstanceInfo = { instanceKey, processId: request.processId, version: 1, state: 'ACTIVE', parentInstanceKey: null, parentElementInstanceKey: null, startDate: new Date().toISOString(), endDate: null, businessKey: request.businessKey ?? null };
    this.instances.set(instanceKey, { info, steps, position: -1, variables: { ...request.variables } });
    this.elements.push({ key: instanceKey, instanceKey, elementId: request.processId, type: 'PROCESS', state: 'ACTIVE', startDate: info.startDate, endDate: null });
    this.advance(instanceKey);
    return { instanceKey, processDefinitionKey: '1', processId: request.processId, version: 1 };
  }

  private advance(instanceKey: string): void {
    const instance = this.instances.get(instanceKey)!;
    instance.position += 1;
    const step = instance.steps[instance.position];
    if (!step) {
      instance.info.state = 'COMPLETED';
      this.elements.find((e) => e.key === instanceKey)!.state = 'COMPLETED';
      return;
    }
    const elementKey = this.key();
    this.elements.push({ key: elementKey, instanceKey, elementId: step.id, type: step.kind === 'service' ? 'SERVICE_TASK' : 'USER_TASK', state: 'ACTIVE', startDate: '', endDate: null });
    if (step.kind === 'service') {
      this.jobs.push({
        key: this.key(), type: step.type!, instanceKey, processId: instance.info.processId, elementId: step.id, elementInstanceKey: elementKey, retries: 3,
        deadline: 0, variables: {}, customHeaders: {}, state: 'ACTIVATABLE', availableAt: Date.now() + this.jobDelayMs,
      });
    } else {
      this.tasks.push({
        key: this.key(), instanceKey, processId: instance.info.processId, elementId: step.id, elementInstanceKey: elementKey, state: 'CREATED',
        assignee: null, candidateGroups: [], candidateUsers: [], dueDate: null, followUpDate: null, formKey: null, creationDate: '',
      });
    }
  }

  private finishElement(elementKey: string, instanceKey: string, variables?: Variables): void {
    this.elements.find((e) => e.key === elementKey)!.state = 'COMPLETED';
    Object.assign(this.instances.get(instanceKey)!.variables, variables);
    this.advance(instanceKey);
  }

  async cancelInstance(instanceKey: string): Promise<void> {
    const instance = this.instances.get(instanceKey);
    if (!instance || instance.info.state !== 'ACTIVE') throw new EngineError(`Expected to cancel a process instance with key '${instanceKey}', but no such process was found`, 'NOT_FOUND');
    instance.info.state = 'TERMINATED';
    for (const element of this.elements) if (element.instanceKey === instanceKey && element.state === 'ACTIVE') element.state = 'TERMINATED';
    for (const job of this.jobs) if (job.instanceKey === instanceKey) job.state = 'DONE';
    for (const task of this.tasks) if (task.instanceKey === instanceKey) task.state = 'CANCELED';
  }

  async publishMessage(request: PublishMessageRequest): Promise<{ messageKey: string }> {
    if (request.messageId && this.published.some((m) => m.messageId === request.messageId && m.name === request.name)) {
      throw new EngineError(`Expected to publish a new message with id '${request.messageId}', but a message with that id was already published`, 'ALREADY_EXISTS');
    }
    this.published.push(request);
    return { messageKey: this.key() };
  }

  async setVariables(scopeKey: string, variables: Variables, options?: { local?: boolean }): Promise<void> {
    const instance = this.instances.get(scopeKey);
    if (instance) {
      if (instance.info.state !== 'ACTIVE') throw new EngineError(`Expected to update variables for element with key '${scopeKey}', but no such element was found`, 'NOT_FOUND');
      Object.assign(instance.variables, variables);
      return;
    }
    const element = this.elements.find((e) => e.key === scopeKey && e.state === 'ACTIVE');
    if (!element) throw new EngineError(`Expected to update variables for element with key '${scopeKey}', but no such element was found`, 'NOT_FOUND');
    if (options?.local) for (const [name, value] of Object.entries(variables)) this.localVariables.push({ name, value, scopeKey });
    else Object.assign(this.instances.get(element.instanceKey)!.variables, variables);
  }

  async activateJobs(request: ActivateJobsRequest): Promise<Job[]> {
    this.calls.push(`activateJobs ${request.type}`);
    const now = Date.now();
    const jobs = this.jobs.filter((j) => j.type === request.type && j.state === 'ACTIVATABLE' && j.availableAt <= now).slice(0, request.maxJobs);
    for (const job of jobs) job.state = 'ACTIVATED';
    return jobs.map(({ state: _state, availableAt: _availableAt, ...job }) => ({ ...job, variables: { ...this.instances.get(job.instanceKey)!.variables } }));
  }

  private job(key: string, action: string): FakeJob {
    const job = this.jobs.find((j) => j.key === key);
    if (!job || job.state === 'DONE') throw new EngineError(`Expected to ${action} job with key '${key}', but no such job was found`, 'NOT_FOUND');
    return job;
  }

  async completeJob(jobKey: string, variables?: Variables): Promise<void> {
    this.calls.push(`completeJob ${jobKey}`);
    const job = this.job(jobKey, 'complete');
    if (this.sabotageComplete) {
      Object.assign(this.instances.get(job.instanceKey)!.variables, { sabotaged: true });
      throw new EngineError('refused, but changed the instance first');
    }
    if (job.state === 'FAILED') throw new EngineError(`Expected to complete job with key '${jobKey}', but it is in state 'FAILED'`, 'INVALID_STATE');
    job.state = 'DONE';
    this.finishElement(job.elementInstanceKey, job.instanceKey, variables);
  }

  async failJob(jobKey: string, request: FailJobRequest): Promise<void> {
    this.calls.push(`failJob ${jobKey} ${request.retries}`);
    const job = this.job(jobKey, 'fail');
    job.retries = request.retries;
    if (request.retries > 0) {
      job.state = 'ACTIVATABLE';
      job.availableAt = Date.now() + (request.retryBackOff ?? 0);
      return;
    }
    job.state = 'FAILED';
    this.incident(job, 'JOB_NO_RETRIES', request.errorMessage ?? 'no retries left');
  }

  async throwError(jobKey: string, request: ThrowErrorRequest): Promise<void> {
    const job = this.job(jobKey, 'throw an error for');
    job.state = 'FAILED';
    this.incident(job, 'UNHANDLED_ERROR_EVENT', `Expected to throw an error event with the code '${request.errorCode}', but it was not caught.`);
  }

  private incident(job: FakeJob, errorType: Incident['errorType'], errorMessage: string): void {
    this.openIncidents.push({ key: this.key(), instanceKey: job.instanceKey, elementId: job.elementId, elementInstanceKey: job.elementInstanceKey, errorType, errorMessage, jobKey: job.key, state: 'ACTIVE' });
  }

  async updateJobRetries(jobKey: string, retries: number): Promise<void> {
    this.calls.push(`updateJobRetries ${jobKey} ${retries}`);
    const job = this.job(jobKey, 'update retries of');
    if (retries < 1) throw new EngineError(`Expected to update retries of job '${jobKey}' to a positive number, but was ${retries}`);
    job.retries = retries;
  }

  async userTasks(filter: UserTaskFilter): Promise<UserTask[]> {
    return this.tasks.filter((t) => (!filter.instanceKey || t.instanceKey === filter.instanceKey) && (!filter.elementId || t.elementId === filter.elementId) && (!filter.state || t.state === filter.state));
  }

  async assignUserTask(userTaskKey: string, assignee: string | null): Promise<void> {
    const task = this.tasks.find((t) => t.key === userTaskKey);
    if (!task) throw new EngineError('no such user task', 'NOT_FOUND');
    task.assignee = assignee;
  }

  async completeUserTask(userTaskKey: string, variables?: Variables): Promise<void> {
    const task = this.tasks.find((t) => t.key === userTaskKey);
    if (!task || task.state !== 'CREATED') throw new EngineError(`Expected to complete user task with key '${userTaskKey}', but no such user task was found`, 'NOT_FOUND');
    task.state = 'COMPLETED';
    this.finishElement(task.elementInstanceKey, task.instanceKey, variables);
  }

  async incidents(filter: { instanceKey?: string; state?: Incident['state'] }): Promise<Incident[]> {
    return this.openIncidents.filter((i) => (!filter.instanceKey || i.instanceKey === filter.instanceKey) && (!filter.state || i.state === filter.state));
  }

  async resolveIncident(incidentKey: string): Promise<void> {
    this.calls.push(`resolveIncident ${incidentKey}`);
    const incident = this.openIncidents.find((i) => i.key === incidentKey && i.state === 'ACTIVE');
    if (!incident) throw new EngineError(`Expected to resolve incident with key '${incidentKey}', but no such incident was found`, 'NOT_FOUND');
    const job = this.jobs.find((j) => j.key === incident.jobKey);
    if (job && job.retries < 1) throw new EngineError('the job has no retries left', 'INVALID_STATE');
    incident.state = 'RESOLVED';
    if (job) job.state = 'ACTIVATABLE';
  }

  async instance(instanceKey: string): Promise<InstanceInfo | null> {
    return this.instances.get(instanceKey)?.info ?? null;
  }

  async childInstances(): Promise<InstanceInfo[]> {
    return [];
  }

  async elementInstances(instanceKey: string): Promise<ElementInstance[]> {
    return this.elements.filter((e) => e.instanceKey === instanceKey).map((e) => ({ ...e }));
  }

  async variables(instanceKey: string): Promise<VariableRecord[]> {
    const instance = this.instances.get(instanceKey);
    if (!instance) return [];
    const scopes = new Set(this.elements.filter((e) => e.instanceKey === instanceKey).map((e) => e.key));
    return [
      ...Object.entries(instance.variables).map(([name, value]) => ({ name, value, scopeKey: instanceKey })),
      ...this.localVariables.filter((v) => scopes.has(v.scopeKey) && v.scopeKey !== instanceKey),
    ];
  }

  async advanceTime(ms: number): Promise<void> {
    this.calls.push(`advanceTime ${ms}`);
    this.clock += ms;
  }

  subscribe(): never {
    throw new Error("the scenario runner does not read the feed");
  }

  async close(): Promise<void> {}

  /** Test helper: the jobs currently held as activated (leased) by someone. */
  activatedJobs(): string[] {
    return this.jobs.filter((j) => j.state === 'ACTIVATED').map((j) => j.key);
  }
}

/** A straight-line BPMN process for the fake (and valid BPMN for moddle). */
export function linearBpmn(processId: string, steps: Array<{ id: string; type?: string; user?: boolean }>): string {
  const body = steps.map((s) => (s.user
    ? `<bpmn:userTask id="${s.id}"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>`
    : `<bpmn:serviceTask id="${s.id}"><bpmn:extensionElements><zeebe:taskDefinition type="${s.type}" /></bpmn:extensionElements></bpmn:serviceTask>`)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
<bpmn:process id="${processId}" isExecutable="true">
<bpmn:startEvent id="start" />
${body}
<bpmn:endEvent id="end" />
</bpmn:process>
<bpmn:message id="m1" name="paid" />
</bpmn:definitions>`;
}
