import { File } from 'node:buffer';
import { createCamundaClient, createCamundaClientLoose, type CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import {
  checkFeedPosition, EngineError,
  type ActivateJobsRequest, type CreateInstanceRequest, type Deployment, type EngineAdapter, type EngineFeedListener, type EngineFeedSubscription, type FailJobRequest,
  type Incident, type InstanceRef, type Job, type PublishMessageRequest, type Resource, type ThrowErrorRequest,
  type UserTaskFilter, type Variables,
} from '../contract.js';
import { call, toEngineError } from './errors.js';
import { BUSINESS_KEY_TAG } from '../rest-api.js';
import type { History } from './history.js';
import { clientConfig, type ZeebeOptions } from './options.js';
import { RestRecordFeed } from './record-feed.js';
import { SearchHistory } from './search-history.js';

/**
 * EngineAdapter on the Camunda 8 orchestration cluster REST API (v2), through the official client
 * (@camunda8/orchestration-cluster-api): a licensed Camunda 8.8+ cluster or Konstruktor's own
 * engine service. Commands and history (the v2 search endpoints) over REST; the clock through the
 * management actuator (a broker must run with zeebe.clock.controlled=true).
 */
export class ZeebeEngine implements EngineAdapter {
  readonly name = 'zeebe' as const;
  private readonly client: CamundaClientLoose;
  private readonly history: History;

  constructor(private readonly options: ZeebeOptions) {
    // `env: {}`: configuration comes from the options only, not from whatever CAMUNDA_* is set.
    this.client = createCamundaClientLoose({ config: clientConfig(options), env: {} });
    this.history = new SearchHistory(createCamundaClient({ config: clientConfig(options), env: {} }));
  }

  async deploy(resources: Resource[]): Promise<Deployment> {
    if (resources.length === 0) throw new EngineError('nothing to deploy');
    // The file name's ending tells Zeebe the kind (.bpmn, .dmn, .form).
    const files = resources.map((r) => new File([r.content], r.name));
    // node:buffer's File is the runtime's File; only the declared types differ (DOM vs Node).
    const result = await call(() => this.client.createDeployment({ resources: files as never }));
    return {
      key: String(result.deploymentKey),
      processes: result.processes.map((p) => ({
        processId: p.processDefinitionId, version: p.processDefinitionVersion,
        processDefinitionKey: String(p.processDefinitionKey), resourceName: p.resourceName,
      })),
    };
  }

  async createInstance(request: CreateInstanceRequest): Promise<InstanceRef> {
    // The business key travels as a process instance tag (Camunda 8.8+). Zeebe does not refuse a
    // second instance with the same tag: a retried request can start a second instance there.
    const tags = request.businessKey !== undefined ? [`${BUSINESS_KEY_TAG}${request.businessKey}`] : undefined;
    const created = await call(() => this.client.createProcessInstance({
      processDefinitionId: request.processId, processDefinitionVersion: request.version ?? -1, variables: request.variables ?? {},
      ...(tags ? { tags: tags as never } : {}),
    }));
    return {
      instanceKey: String(created.processInstanceKey), processDefinitionKey: String(created.processDefinitionKey),
      processId: created.processDefinitionId, version: created.processDefinitionVersion,
    };
  }

  async cancelInstance(instanceKey: string): Promise<void> {
    await call(() => this.client.cancelProcessInstance({ processInstanceKey: instanceKey }));
  }

  async publishMessage(request: PublishMessageRequest): Promise<{ messageKey: string }> {
    const published = await call(() => this.client.publishMessage({
      name: request.name, correlationKey: request.correlationKey, variables: request.variables ?? {},
      timeToLive: request.timeToLive ?? 0, ...(request.messageId ? { messageId: request.messageId } : {}),
    }));
    return { messageKey: String(published.messageKey) };
  }

  async setVariables(scopeKey: string, variables: Variables, options: { local?: boolean } = {}): Promise<void> {
    await call(() => this.client.createElementInstanceVariables({ elementInstanceKey: scopeKey, variables, local: options.local === true }));
  }

  async activateJobs(request: ActivateJobsRequest): Promise<Job[]> {
    const result = await call(() => this.client.activateJobs({
      type: request.type, worker: request.worker, maxJobsToActivate: request.maxJobs, timeout: request.timeout,
      ...(request.fetchVariables ? { fetchVariable: request.fetchVariables } : {}),
      requestTimeout: -1, // answer at once with what is activatable now; callers poll
    }));
    return result.jobs.map((j) => ({
      key: String(j.jobKey ?? (j as { key?: unknown }).key), type: j.type, instanceKey: String(j.processInstanceKey),
      processId: j.processDefinitionId ?? String((j as { bpmnProcessId?: unknown }).bpmnProcessId),
      elementId: j.elementId, elementInstanceKey: String(j.elementInstanceKey), retries: j.retries,
      deadline: Number(j.deadline), variables: (j.variables ?? {}) as Variables,
      customHeaders: Object.fromEntries(Object.entries(j.customHeaders ?? {}).map(([k, v]) => [k, String(v)])),
    }));
  }

  async completeJob(jobKey: string, variables?: Variables): Promise<void> {
    await call(() => this.client.completeJob({ jobKey, variables: variables ?? {} }));
  }

  async failJob(jobKey: string, request: FailJobRequest): Promise<void> {
    await call(() => this.client.failJob({
      jobKey, retries: request.retries, errorMessage: request.errorMessage ?? '', retryBackOff: request.retryBackOff ?? 0,
      variables: request.variables ?? {},
    }));
  }

  async throwError(jobKey: string, request: ThrowErrorRequest): Promise<void> {
    await call(() => this.client.throwJobError({
      jobKey, errorCode: request.errorCode, errorMessage: request.errorMessage ?? '', variables: request.variables ?? {},
    }));
  }

  async updateJobRetries(jobKey: string, retries: number): Promise<void> {
    await call(() => this.client.updateJob({ jobKey, changeset: { retries } }));
  }

  userTasks(filter: UserTaskFilter) {
    return this.history.userTasks(filter);
  }

  async assignUserTask(userTaskKey: string, assignee: string | null): Promise<void> {
    if (assignee === null) await call(() => this.client.unassignUserTask({ userTaskKey }));
    else await call(() => this.client.assignUserTask({ userTaskKey, assignee, allowOverride: true }));
  }

  async completeUserTask(userTaskKey: string, variables?: Variables): Promise<void> {
    await call(() => this.client.completeUserTask({ userTaskKey, variables: variables ?? {} }));
  }

  incidents(filter: { instanceKey?: string; state?: Incident['state'] }) {
    return this.history.incidents(filter);
  }

  async resolveIncident(incidentKey: string): Promise<void> {
    await call(() => this.client.resolveIncident({ incidentKey }));
  }

  instance(instanceKey: string) {
    return this.history.instance(instanceKey);
  }
  childInstances(instanceKey: string) {
    return this.history.childInstances(instanceKey);
  }
  elementInstances(instanceKey: string) {
    return this.history.elementInstances(instanceKey);
  }
  variables(instanceKey: string, scopeKey?: string) {
    return this.history.variables(instanceKey, scopeKey);
  }

  /** POST /actuator/clock/add on the management port; due timers then fire on the broker. */
  async advanceTime(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new EngineError('advanceTime needs a duration of zero or more milliseconds');
    if (!this.options.managementAddress) throw new EngineError('advanceTime needs ZEEBE_MANAGEMENT_ADDRESS (the actuator)', 'UNAVAILABLE');
    let response: Response;
    try {
      const basic = this.options.basic;
      const authorization: Record<string, string> = basic ? { authorization: `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}` } : {};
      response = await fetch(new URL('/actuator/clock/add', this.options.managementAddress), {
        method: 'POST', headers: { 'content-type': 'application/json', ...authorization }, body: JSON.stringify({ offsetMilli: Math.round(ms) }),
      });
    } catch (error) {
      throw toEngineError(error);
    }
    if (!response.ok) {
      throw new EngineError(`clock actuator answered ${response.status}: ${await response.text()} (is the broker's clock controlled?)`,
        response.status === 404 ? 'UNAVAILABLE' : 'INVALID_STATE');
    }
  }

  /** The feed of Konstruktor's engine service (a Camunda cluster serves none: see RestRecordFeed). */
  subscribe(from: string | null, listener: EngineFeedListener): EngineFeedSubscription {
    checkFeedPosition(from);
    return new RestRecordFeed(this.options.restAddress, () => this.client.getAuthHeaders(), from, listener);
  }

  async close(): Promise<void> {
    await this.history.close();
  }
}
