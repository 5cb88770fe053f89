/**
 * Runs one scenario (spec/scenarios.md) against an EngineAdapter.
 *
 * Instances are named by aliases (`main` unless a step says otherwise). An alias is bound by
 * createInstance, or — for instances no step created, such as those started by a message or
 * timer start event — by the first completeJob / failJob / throwError / completeUserTask
 * step that names it: that step takes a job (user task) of an instance no alias names yet
 * and binds the alias to that instance.
 *
 * Steps that act on a job, user task or incident wait (bounded) until one is there. A step
 * marked `rejected` does not wait: it acts on the open target if there is one now, and
 * otherwise on the last target the run acted on for the same instance and type / element —
 * which is how "complete the same job twice" or "complete a finished user task" is written.
 * It must then be refused with an EngineError (containing the text, case-insensitively, if
 * one is given), and the instances of the run must look exactly as before: same element
 * instances in the same states, same variables.
 *
 * A ScenarioSession runs steps one at a time: runScenario runs a scenario file's steps with one;
 * the designer's test runs drive one by hand, a step per click.
 */
import { basename } from 'node:path';
import type { EngineAdapter, Incident, Job, UserTask } from '../contract.js';
import { timeoutToMs, durationToMs } from './duration.js';
import { firstUnmet, type Unmet } from './expect.js';
import { JobPool } from './jobs.js';
import { Namespace } from './namespace.js';
import type { Expectation, ResourceReader, Scenario, ScenarioResult, Step } from './types.js';
import { compareKeys, isEngineError, poll, showList, sleep, StepFailure } from './util.js';

export interface RunOptions {
  /** Default bound of an `expect` step (ms); 10 s. */
  expectTimeoutMs?: number;
  /** Bound of the wait for a job, user task, incident or element instance a step acts on (ms); 10 s. */
  stepTimeoutMs?: number;
  /** Time given to the engine to show the effects of a refused step before comparing (ms). */
  settleMs?: number;
  /** Cancel the run's instances that are still active when it ends (keeps a shared broker clean). */
  cleanup?: boolean;
  /** Namespace suffix; random by default; '' for an engine the run has to itself (no renaming). */
  suffix?: string;
}

/** Why a step could not run: the message names what is missing or what the engine said. */
export { StepFailure as ScenarioStepFailure };

const DEFAULTS = { expectTimeoutMs: 10_000, stepTimeoutMs: 10_000 };

interface Snapshot { alias: string; state: string; elements: string[]; variables: string[] }

export class ScenarioSession {
  readonly ns: Namespace;
  readonly pool: JobPool;
  readonly aliases = new Map<string, string>();
  private readonly lastJob = new Map<string, Job>();
  private readonly lastTask = new Map<string, UserTask>();
  private readonly lastIncident = new Map<string, Incident>();
  private readonly expectTimeoutMs: number;
  private readonly stepTimeoutMs: number;
  private readonly settleMs: number;

  /** `read` gives the files a `deploy` step names (relative to the scenario file). */
  constructor(readonly engine: EngineAdapter, options: RunOptions = {}, readonly read: ResourceReader = (file) => Promise.reject(new Error(`no file ${file} here`))) {
    this.ns = new Namespace(options.suffix);
    this.pool = new JobPool(engine, this.ns);
    this.expectTimeoutMs = options.expectTimeoutMs ?? DEFAULTS.expectTimeoutMs;
    this.stepTimeoutMs = options.stepTimeoutMs ?? DEFAULTS.stepTimeoutMs;
    this.settleMs = options.settleMs ?? (engine.name === 'zeebe' ? 1000 : 0);
  }

  // ------------------------------------------------------------------ helpers

  private keyOf(alias: string): string {
    const key = this.aliases.get(alias);
    if (!key) throw new StepFailure(`unknown instance '${alias}' (no earlier step created or found it)`);
    return key;
  }

  private isBound(instanceKey: string): boolean {
    for (const key of this.aliases.values()) if (key === instanceKey) return true;
    return false;
  }

  private bind(alias: string, instanceKey: string): void {
    if (!this.aliases.has(alias)) this.aliases.set(alias, instanceKey);
  }

  /** A short description of where an instance stands, for "nothing arrived" messages. */
  private async whereIs(alias: string): Promise<string> {
    const key = this.aliases.get(alias);
    if (!key) return `instance '${alias}' is not known yet`;
    const [info, elements, incidents] = await Promise.all([this.engine.instance(key), this.engine.elementInstances(key), this.engine.incidents({ instanceKey: key, state: 'ACTIVE' })]);
    const active = elements.filter((e) => e.state === 'ACTIVE' && e.type !== 'PROCESS' && e.elementId !== info?.processId).map((e) => e.elementId);
    const open = incidents.map((i) => `${i.elementId}: ${i.errorType}`);
    return `instance '${alias}' is ${info?.state ?? 'not found'}, active elements ${showList([...new Set(active)].sort())}${open.length ? `, open incidents ${showList(open)}` : ''}`;
  }

  private async snapshot(): Promise<Snapshot[]> {
    const result: Snapshot[] = [];
    for (const [alias, key] of this.aliases) {
      const [info, elements, variables] = await Promise.all([this.engine.instance(key), this.engine.elementInstances(key), this.engine.variables(key)]);
      result.push({
        alias,
        state: info?.state ?? 'not found',
        elements: elements.map((e) => `${e.elementId}#${e.key}=${e.state}`).sort(),
        variables: variables.map((v) => `${v.name}@${v.scopeKey}=${JSON.stringify(v.value)}`).sort(),
      });
    }
    return result;
  }

  /** A snapshot that two reads in a row agree on, so effects of earlier steps are not taken for effects of this one. */
  private async stableSnapshot(): Promise<Snapshot[]> {
    let previous = await this.snapshot();
    const deadline = Date.now() + Math.max(2000, this.settleMs * 3);
    while (Date.now() < deadline) {
      await sleep(Math.max(this.settleMs / 2, 20));
      const next = await this.snapshot();
      if (JSON.stringify(next) === JSON.stringify(previous)) return next;
      previous = next;
    }
    return previous;
  }

  private static difference(before: Snapshot[], after: Snapshot[]): string | undefined {
    for (const b of before) {
      const a = after.find((s) => s.alias === b.alias);
      if (!a) continue;
      if (a.state !== b.state) return `instance '${b.alias}' went from ${b.state} to ${a.state}`;
      for (const [what, x, y] of [['element instances', b.elements, a.elements], ['variables', b.variables, a.variables]] as const) {
        const added = y.filter((v) => !x.includes(v));
        const removed = x.filter((v) => !y.includes(v));
        if (added.length || removed.length) return `${what} of '${b.alias}' changed (${[...removed.map((v) => `-${v}`), ...added.map((v) => `+${v}`)].slice(0, 4).join(', ')})`;
      }
    }
    return undefined;
  }

  // ------------------------------------------------------------------ steps

  async step(step: Step): Promise<void> {
    if (step.rejected === undefined) {
      try {
        await this.execute(step, false);
      } catch (error) {
        if (isEngineError(error)) throw new StepFailure(`the engine refused: ${this.ns.unmap(error.message)}`);
        throw error;
      }
      return;
    }
    const before = await this.stableSnapshot();
    let refusal: unknown;
    try {
      await this.execute(step, true);
    } catch (error) {
      refusal = error;
    }
    if (refusal === undefined) throw new StepFailure('expected the engine to refuse the step, but it was accepted');
    if (refusal instanceof StepFailure) throw refusal;
    if (!isEngineError(refusal)) throw new StepFailure(`expected an EngineError, but got ${refusal instanceof Error ? `${refusal.name}: ${refusal.message}` : String(refusal)}`);
    const message = this.ns.unmap(refusal.message);
    if (typeof step.rejected === 'string' && !message.toLowerCase().includes(step.rejected.toLowerCase())) {
      throw new StepFailure(`expected a refusal containing "${step.rejected}", observed "${message}"`);
    }
    if (this.settleMs) await sleep(this.settleMs);
    const changed = ScenarioSession.difference(before, await this.snapshot());
    if (changed) throw new StepFailure(`the refused step changed state: ${changed}`);
  }

  private async execute(step: Step, rejected: boolean): Promise<void> {
    const { engine, ns } = this;
    switch (step.kind) {
      case 'deploy':
        return this.deploy(step.args.files);
      case 'createInstance': {
        const { processId, version, variables, alias = 'main' } = step.args;
        if (this.aliases.has(alias)) throw new StepFailure(`the alias '${alias}' already names an instance`);
        const ref = await engine.createInstance({ processId: ns.name(processId), ...(version !== undefined ? { version } : {}), ...(variables ? { variables } : {}) });
        this.aliases.set(alias, ref.instanceKey);
        return;
      }
      case 'completeJob': {
        const { variables } = step.args;
        return this.jobStep(step.args.type, step.args.instance, rejected, (job) => engine.completeJob(job.key, variables));
      }
      case 'failJob': {
        const { retries, errorMessage, retryBackOff } = step.args;
        return this.jobStep(step.args.type, step.args.instance, rejected, (job) =>
          engine.failJob(job.key, { retries, ...(errorMessage !== undefined ? { errorMessage } : {}), ...(retryBackOff ? { retryBackOff: durationToMs(retryBackOff) } : {}) }));
      }
      case 'throwError': {
        const { errorCode, errorMessage, variables } = step.args;
        return this.jobStep(step.args.type, step.args.instance, rejected, (job) =>
          engine.throwError(job.key, { errorCode, ...(errorMessage !== undefined ? { errorMessage } : {}), ...(variables ? { variables } : {}) }));
      }
      case 'completeUserTask':
        return this.completeUserTask(step.args.elementId, step.args.instance ?? 'main', step.args.variables, rejected);
      case 'publishMessage': {
        const { name, correlationKey, variables, timeToLive, messageId } = step.args;
        await engine.publishMessage({
          name: ns.name(name),
          correlationKey,
          // Absent means 0 (not buffered) on both engines, whatever a client library's default is.
          timeToLive: timeToLive ? durationToMs(timeToLive) : 0,
          ...(variables ? { variables } : {}),
          ...(messageId !== undefined ? { messageId } : {}),
        });
        return;
      }
      case 'advanceTime':
        await this.pool.releaseAll();
        return engine.advanceTime(durationToMs(step.args.duration));
      case 'setVariables': {
        const { instance, variables, elementId, local } = step.args;
        const instanceKey = this.keyOf(instance);
        const scopeKey = elementId ? await this.elementInstanceKey(instance, instanceKey, elementId, rejected) : instanceKey;
        return engine.setVariables(scopeKey, variables, local !== undefined ? { local } : undefined);
      }
      case 'resolveIncident':
        return this.resolveIncident(step.args.instance, step.args.elementId, step.args.retries, rejected);
      case 'cancelInstance':
        return engine.cancelInstance(this.keyOf(step.args.instance));
      case 'expect':
        return this.expect(step.args);
    }
  }

  async deploy(files: string[]): Promise<void> {
    const resources = [];
    for (const file of files) {
      let content: string;
      try {
        content = await this.read(file);
      } catch (error) {
        throw new StepFailure(`cannot read resource '${file}': ${(error as Error).message}`);
      }
      resources.push(await this.ns.rewrite({ name: basename(file), content }));
    }
    await this.engine.deploy(resources);
  }

  /** Takes the job a job step acts on (see the file comment) and acts on it. */
  private async jobStep(type: string, alias = 'main', rejected: boolean, act: (job: Job) => Promise<void>): Promise<void> {
    const bound = this.aliases.get(alias);
    const mine = (job: Job) => (bound ? job.instanceKey === bound : !this.isBound(job.instanceKey));
    const record = (job: Job) => {
      this.bind(alias, job.instanceKey);
      this.lastJob.set(`${job.instanceKey}\u0000${type}`, job);
    };

    if (rejected) {
      await this.pool.sweep(type);
      let job = this.pool.find(type, mine);
      if (job) this.pool.take(job);
      else job = bound ? this.lastJob.get(`${bound}\u0000${type}`) : undefined;
      if (!job) throw new StepFailure(`no job of type '${type}' for instance '${alias}' to act on`);
      record(job);
      return act(job);
    }

    const deadline = Date.now() + this.stepTimeoutMs;
    let staleError: unknown;
    for (;;) {
      let fresh = new Set<string>();
      const job = await poll(async () => {
        const pooled = this.pool.find(type, mine);
        if (pooled) return pooled;
        fresh = new Set((await this.pool.sweep(type)).map((j) => j.key));
        return this.pool.find(type, mine);
      }, Math.max(0, deadline - Date.now()));
      if (!job) {
        const why = staleError && isEngineError(staleError) ? `; the last pooled job was refused: ${this.ns.unmap(staleError.message)}` : '';
        throw new StepFailure(`no job of type '${type}' for instance '${alias}' within ${this.stepTimeoutMs / 1000} s (${await this.whereIs(alias)})${why}`);
      }
      this.pool.take(job);
      try {
        await act(job);
        record(job);
        return;
      } catch (error) {
        // A job pooled by an earlier step may have gone since (its element was interrupted): try the next one.
        if (!isEngineError(error) || fresh.has(job.key)) throw error;
        staleError = error;
      }
    }
  }

  private async completeUserTask(elementId: string, alias: string, variables: Record<string, unknown> | undefined, rejected: boolean): Promise<void> {
    const bound = this.aliases.get(alias);
    const open = async (): Promise<UserTask | undefined> => {
      const tasks = await this.engine.userTasks(bound ? { instanceKey: bound, elementId, state: 'CREATED' } : { elementId, state: 'CREATED' });
      return tasks
        .filter((t) => t.elementId === elementId && (bound ? t.instanceKey === bound : this.ns.owns(t.processId) && !this.isBound(t.instanceKey)))
        .sort((a, b) => compareKeys(a.key, b.key))[0];
    };
    let task = rejected ? await open() : await poll(open, this.stepTimeoutMs);
    if (!task && rejected && bound) task = this.lastTask.get(`${bound}\u0000${elementId}`);
    if (!task) {
      if (rejected) throw new StepFailure(`no user task ${elementId} of instance '${alias}' to act on`);
      throw new StepFailure(`no open user task ${elementId} for instance '${alias}' within ${this.stepTimeoutMs / 1000} s (${await this.whereIs(alias)})`);
    }
    this.bind(alias, task.instanceKey);
    this.lastTask.set(`${task.instanceKey}\u0000${elementId}`, task);
    await this.engine.completeUserTask(task.key, variables);
  }

  private async elementInstanceKey(alias: string, instanceKey: string, elementId: string, rejected: boolean): Promise<string> {
    const find = async () => {
      const elements = await this.engine.elementInstances(instanceKey);
      return elements.filter((e) => e.elementId === elementId && e.state === 'ACTIVE').sort((a, b) => compareKeys(a.key, b.key))[0]?.key;
    };
    const key = rejected ? await find() : await poll(find, this.stepTimeoutMs);
    if (!key) throw new StepFailure(`no active element instance of ${elementId} in instance '${alias}' (${await this.whereIs(alias)})`);
    return key;
  }

  private async resolveIncident(alias: string, elementId: string, retries: number | undefined, rejected: boolean): Promise<void> {
    const instanceKey = this.keyOf(alias);
    const find = async () => {
      const open = await this.engine.incidents({ instanceKey, state: 'ACTIVE' });
      return open.filter((i) => i.elementId === elementId).sort((a, b) => compareKeys(a.key, b.key))[0];
    };
    let incident = rejected ? await find() : await poll(find, this.stepTimeoutMs);
    if (!incident && rejected) incident = this.lastIncident.get(`${instanceKey}\u0000${elementId}`);
    if (!incident) throw new StepFailure(`no open incident at ${elementId} in instance '${alias}' within ${this.stepTimeoutMs / 1000} s (${await this.whereIs(alias)})`);
    this.lastIncident.set(`${instanceKey}\u0000${elementId}`, incident);
    // A job without retries would raise the incident again at once: give it retries first.
    if (incident.jobKey && (incident.errorType === 'JOB_NO_RETRIES' || retries !== undefined)) await this.engine.updateJobRetries(incident.jobKey, retries ?? 1);
    await this.engine.resolveIncident(incident.key);
  }

  private async expect(expectation: Expectation): Promise<void> {
    const alias = expectation.instance ?? 'main';
    const instanceKey = this.keyOf(alias);
    const timeout = timeoutToMs(expectation.timeout, this.expectTimeoutMs);
    let last: Unmet | undefined;
    const held = await poll(async () => {
      last = await firstUnmet({ engine: this.engine, ns: this.ns, pool: this.pool }, instanceKey, expectation);
      return last ? undefined : true;
    }, timeout);
    if (!held) throw new StepFailure(`${alias === 'main' ? '' : `instance '${alias}': `}${this.ns.unmap(last?.message ?? 'did not hold')} (waited ${timeout / 1000} s)`);
  }

  async finish(cleanup: boolean): Promise<void> {
    await this.pool.releaseAll();
    if (!cleanup) return;
    for (const key of new Set(this.aliases.values())) {
      const info = await this.engine.instance(key).catch(() => null);
      if (info?.state === 'ACTIVE' && !info.parentInstanceKey) await this.engine.cancelInstance(key).catch(() => undefined);
    }
  }

  describe(step: Step): string {
    return `step ${step.index + 1}${step.line ? ` (line ${step.line})` : ''} ${step.kind}`;
  }
}

/** Runs the scenario on a fresh namespace and reports whether it held, never throwing for a failed scenario. */
export async function runScenario(engine: EngineAdapter, scenario: Scenario, read: ResourceReader, options: RunOptions = {}): Promise<ScenarioResult> {
  const started = Date.now();
  const run = new ScenarioSession(engine, options, read);
  const result = (passed: boolean, message?: string): ScenarioResult => ({ name: scenario.name, file: scenario.file, passed, ...(message ? { message } : {}), durationMs: Date.now() - started });
  let current = 'resources';
  try {
    if (scenario.resources.length) await run.deploy(scenario.resources);
    for (const step of scenario.steps) {
      current = run.describe(step);
      await run.step(step);
    }
  } catch (error) {
    const reason = error instanceof StepFailure ? error.message
      : isEngineError(error) ? `the engine refused: ${run.ns.unmap(error.message)}`
      : `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    await run.finish(options.cleanup ?? false).catch(() => undefined);
    return result(false, `${current}: ${reason}`.replace(/\s*\n\s*/g, ' '));
  }
  await run.finish(options.cleanup ?? false).catch(() => undefined);
  return result(true);
}
