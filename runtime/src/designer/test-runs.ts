import { randomUUID } from 'node:crypto';
import { stringify } from 'yaml';
import { Type, type Static } from '@sinclair/typebox';
import {
  createEmbeddedEngine, EngineError, parseScenario, ScenarioFormatError, ScenarioSession, ScenarioStepFailure,
  type EmbeddedEngine, type EngineAdapter, type Job, type Step, type UserTask,
} from '@konstruktor/engine-adapter';
import { bpmnElements, formIdOf, resolveFormRef } from '@konstruktor/forms';
import type { ConnectorWorkerHandle } from '@konstruktor/connectors';
import type { User } from '../accounts/user.entity.js';
import type { PackageFile, ServiceVersion } from '../catalogue/service-version.entity.js';
import { problems } from '../http/problem.js';
import { readBpmn } from './bpmn-lint.js';
import { jobTypes as jobTypesOf } from './bpmn-tree.js';
import { engineResources } from './package-check.js';
import { recordConnectorAnswers } from './recorded-answers.js';

export const ConnectorsMode = Type.Union([Type.Literal('sandbox'), Type.Literal('manual')]);
export type ConnectorsMode = Static<typeof ConnectorsMode>;

const InstanceState = Type.Union([Type.Literal('ACTIVE'), Type.Literal('COMPLETED'), Type.Literal('TERMINATED')]);
const Variables = Type.Record(Type.String(), Type.Unknown());

/** A test run now: what every test-run route answers. */
export const TestRunView = Type.Object({
  id: Type.String(), code: Type.String(), version: Type.String(), processId: Type.String(),
  connectors: ConnectorsMode,
  steps: Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: 'the scenario steps run so far (spec/scenarios.md)' }),
  instance: Type.Union([Type.Object({ key: Type.String(), state: InstanceState }), Type.Null()]),
  elements: Type.Array(Type.Object({ key: Type.String(), elementId: Type.String(), elementType: Type.String(), state: InstanceState, variables: Variables })),
  variables: Variables,
  userTasks: Type.Array(Type.Object({
    key: Type.String(), elementId: Type.String(), name: Type.Optional(Type.String()), formKey: Type.Optional(Type.String()),
    form: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'the form-js schema the task links to' })),
  })),
  jobs: Type.Array(Type.Object({ type: Type.String(), elementId: Type.String() })),
  incidents: Type.Array(Type.Object({ elementId: Type.String(), errorType: Type.String(), message: Type.String() })),
  clock: Type.String({ format: 'date-time' }),
});
export type TestRunView = Static<typeof TestRunView>;

/** Hosts connectors on a test run's engine (sandbox mode); null when they run elsewhere. */
export type ConnectorHost = (engine: EngineAdapter) => Promise<ConnectorWorkerHandle | null>;

export const TEST_RUN_LIMITS = { perUser: 5, idleMs: 30 * 60_000 };
/** Steps that drive a process; `expect` and `deploy` belong to saved scenarios only. */
const RUN_STEPS = new Set(['createInstance', 'completeJob', 'failJob', 'throwError', 'completeUserTask', 'publishMessage', 'advanceTime', 'setVariables', 'resolveIncident', 'cancelInstance']);
/** How long a step waits for the job, task or incident it acts on: a click, not a scenario's patience. */
const STEP_WAIT_MS = 1000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const text = (file: PackageFile) => (file.encoding === 'utf8' ? file.content : Buffer.from(file.content, 'base64').toString('utf8'));

class Refused extends Error {}

/** A recorded job answer names its instance by alias (none for `main`, as the runner defaults). */
function withInstance(run: Run, answer: Record<string, unknown>, instanceKey: string): Record<string, unknown> {
  const alias = [...run.session.aliases].find(([, key]) => key === instanceKey)?.[0];
  if (!alias || alias === 'main') return answer;
  const [[kind, args]] = Object.entries(answer) as [[string, object]];
  return { [kind]: { ...args, instance: alias } };
}

interface Run {
  id: string;
  ownerId: string;
  code: string;
  version: string;
  processId: string;
  mode: ConnectorsMode;
  files: Record<string, PackageFile>;
  engine: EmbeddedEngine;
  workers: ConnectorWorkerHandle | null;
  steps: Record<string, unknown>[];
  /** Runs the steps, as the scenario runner does; its job pool holds the jobs activated for the analyst to answer. */
  session: ScenarioSession;
  /** Job types of the package's service tasks that no hosted connector takes. */
  jobTypes: string[];
  names: Map<string, string>;
  lastUsed: number;
  busy: Promise<unknown>;
}

/**
 * Designer test runs: the saved package deployed on an in-memory embedded engine of its own,
 * driven step by step with scenario steps (spec/scenarios.md). A run belongs to the analyst
 * who started it; idle runs close after 30 minutes.
 */
export class TestRuns {
  private readonly runs = new Map<string, Run>();
  private readonly sweeper: NodeJS.Timeout;

  /** `connectors`: how sandbox runs host connectors, and which job types those take (absent: sandbox runs host none). */
  constructor(private readonly connectors?: { host: ConnectorHost; types: () => Promise<string[]> }) {
    this.sweeper = setInterval(() => { void this.closeIdle(); }, 60_000).unref();
  }

  async start(user: User, version: ServiceVersion, code: string, mode: ConnectorsMode): Promise<TestRunView> {
    await this.closeIdle();
    const mine = [...this.runs.values()].filter((run) => run.ownerId === user.id);
    if (mine.length >= TEST_RUN_LIMITS.perUser) throw problems.conflict(`You have ${mine.length} open test runs; close one first (at most ${TEST_RUN_LIMITS.perUser})`);
    const processId = version.card.process?.processId;
    if (!processId) throw problems.unprocessable(`${code}@${version.version} has no process to run`, [{ in: 'body', path: '/files/service.yaml/process', message: 'is missing' }]);
    const engine = await createEmbeddedEngine();
    try {
      await engine.deploy(engineResources(version.files));
    } catch (error) {
      await engine.close();
      if (error instanceof EngineError) throw problems.unprocessable(`The package cannot be deployed: ${error.message}`, [{ in: 'body', path: `/files/${version.card.process!.file}`, message: error.message }]);
      throw error;
    }
    // The engine took the files, so they parse.
    const trees = await Promise.all(Object.entries(version.files).filter(([path]) => path.endsWith('.bpmn')).map(([, file]) => readBpmn(text(file))));
    const connectorTypes = mode === 'sandbox' ? new Set(await this.connectors?.types() ?? []) : new Set<string>();
    const jobTypes = [...new Set(trees.flatMap(jobTypesOf))].filter((type) => !connectorTypes.has(type));
    const names = new Map(trees.flatMap(bpmnElements).flatMap((e) => (e.id && e.name !== undefined ? [[e.id, e.name] as const] : [])));
    const run: Run = {
      id: randomUUID(), ownerId: user.id, code, version: version.version, processId, mode, files: version.files, engine, workers: null,
      steps: [], session: new ScenarioSession(engine, { suffix: '', stepTimeoutMs: STEP_WAIT_MS }), jobTypes, names, lastUsed: Date.now(), busy: Promise.resolve(),
    };
    // What the connectors answer becomes steps too, so the run saved as a scenario replays without them.
    if (mode === 'sandbox' && this.connectors) {
      run.workers = await this.connectors.host(recordConnectorAnswers(engine, (answer, instanceKey) => run.steps.push(withInstance(run, answer, instanceKey))));
    }
    this.runs.set(run.id, run);
    return this.view(run);
  }

  private own(user: User, id: string): Run {
    const run = this.runs.get(id);
    if (!run || run.ownerId !== user.id) throw problems.notFound('test run', id);
    run.lastUsed = Date.now();
    return run;
  }

  async get(user: User, id: string): Promise<TestRunView> {
    const run = this.own(user, id);
    return this.serially(run, () => this.view(run));
  }

  /** Runs one step; a step that is not valid, or that the engine refuses, is a 422 and changes nothing. */
  async step(user: User, id: string, raw: Record<string, unknown>): Promise<TestRunView> {
    const run = this.own(user, id);
    const step = this.parse(raw);
    return this.serially(run, async () => {
      // Connector answers recorded while the step runs come after it.
      const at = run.steps.length;
      try {
        await this.execute(run, step);
      } catch (error) {
        if (error instanceof Refused || error instanceof ScenarioStepFailure || error instanceof EngineError) throw problems.unprocessable(`The step was refused: ${error.message}`, [{ in: 'body', path: `/step/${step.kind}`, message: error.message }]);
        throw error;
      }
      run.steps.splice(at, 0, raw);
      await this.settle(run);
      return this.view(run);
    });
  }

  /** The steps so far and what holds now, as a scenario that passes when run again. */
  async scenario(user: User, id: string, name: string | undefined): Promise<{ file: string; yaml: string }> {
    const run = this.own(user, id);
    return this.serially(run, async () => {
      const title = name?.trim() || `${run.code} ${run.version} test run`;
      const slug = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'test-run';
      const steps: Record<string, unknown>[] = [...run.steps];
      const main = run.session.aliases.get('main');
      if (main) {
        const [info, elements, variables] = await Promise.all([run.engine.instance(main), run.engine.elementInstances(main), run.engine.variables(main, main)]);
        const completed = [...new Set(elements.filter((e) => e.state === 'COMPLETED' && e.type !== 'PROCESS').map((e) => e.elementId))];
        steps.push({ expect: { state: info!.state, completedElements: completed, variables: Object.fromEntries(variables.map((v) => [v.name, v.value])) } });
      }
      const resources = engineResources(run.files).map((r) => `../${r.name}`);
      const yaml = stringify({ name: title, resources, steps });
      return { file: `scenarios/${slug}.yaml`, yaml };
    });
  }

  async close(user: User, id: string): Promise<void> {
    await this.dispose(this.own(user, id));
  }

  /** Closes every run (the runtime is closing). */
  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.runs.values()].map((run) => this.dispose(run)));
  }

  private async closeIdle(): Promise<void> {
    const cutoff = Date.now() - TEST_RUN_LIMITS.idleMs;
    await Promise.all([...this.runs.values()].filter((run) => run.lastUsed < cutoff).map((run) => this.dispose(run)));
  }

  private async dispose(run: Run): Promise<void> {
    if (!this.runs.delete(run.id)) return;
    await run.busy.catch(() => undefined);
    await run.workers?.close().catch(() => undefined);
    await run.engine.close().catch(() => undefined);
  }

  private serially<T>(run: Run, work: () => Promise<T>): Promise<T> {
    const next = run.busy.catch(() => undefined).then(work);
    run.busy = next;
    return next;
  }

  /** Checks one step with the scenario format's own step schemas. */
  private parse(raw: Record<string, unknown>): Step {
    const kinds = Object.keys(raw).filter((key) => key !== 'rejected');
    if ('rejected' in raw) throw problems.unprocessable('A test run step cannot be marked rejected (that is for saved scenarios)', [{ in: 'body', path: '/step/rejected', message: 'is not allowed here' }]);
    const kind = kinds[0];
    if (kinds.length !== 1 || !kind || !RUN_STEPS.has(kind)) {
      throw problems.unprocessable(`A step names exactly one of ${[...RUN_STEPS].join(', ')}`, [{ in: 'body', path: `/step${kind && kinds.length === 1 ? `/${kind}` : ''}`, message: `must be one of ${[...RUN_STEPS].join(', ')}` }]);
    }
    try {
      return parseScenario(stringify({ name: 'step', steps: [raw] }), 'step').steps[0]!;
    } catch (error) {
      if (!(error instanceof ScenarioFormatError)) throw error;
      const message = error.message.replace(/^step: step 1( \(line \d+\))?: /, '');
      const field = /(?:needs the field|unknown field) '([^']+)'/.exec(message)?.[1] ?? /^\w+\.(\S+)/.exec(message)?.[1]?.replace(/\./g, '/');
      throw problems.unprocessable(`The step is not valid: ${message}`, [{ in: 'body', path: `/step/${kind}${field ? `/${field}` : ''}`, message }]);
    }
  }

  /** Runs the step as a scenario would; a job step may name only a job type no hosted connector answers. */
  private async execute(run: Run, step: Step): Promise<void> {
    const type = 'type' in step.args ? step.args.type : undefined;
    if (type !== undefined && !run.jobTypes.includes(type)) {
      throw new Refused(`no service task of the package has job type '${type}'${run.mode === 'sandbox' ? ' that a connector does not already answer' : ''}`);
    }
    await run.session.step(step);
  }

  /** Activates every job of the package's job types that is activatable now (manual answering); the ones waiting. */
  private async waitingJobs(run: Run): Promise<Job[]> {
    for (const type of run.jobTypes) await run.session.pool.sweep(type);
    return run.session.pool.current();
  }

  /** Waits (briefly) until the engine and any sandbox connectors stop changing the instance. */
  private async settle(run: Run): Promise<void> {
    const key = run.session.aliases.get('main');
    if (!key) return;
    const look = async () => JSON.stringify([await run.engine.elementInstances(key), await run.engine.variables(key), await run.engine.incidents({ instanceKey: key })]);
    let previous = await look();
    const deadline = Date.now() + (run.mode === 'sandbox' ? 3000 : 1000);
    let quiet = 0;
    while (Date.now() < deadline && quiet < (run.mode === 'sandbox' ? 6 : 2)) {
      await sleep(50);
      const next = await look();
      quiet = next === previous ? quiet + 1 : 0;
      previous = next;
    }
  }

  /** The form-js schema of a user task's form key: the package .form file it names, found as the package check finds it. */
  private form(run: Run, formKey: string | null): Record<string, unknown> | undefined {
    if (!formKey) return undefined;
    const forms = Object.entries(run.files).filter(([path]) => path.endsWith('.form')).map(([path, file]) => {
      const content = text(file);
      const id = formIdOf(content);
      return { path, content, ...(id ? { id } : {}) };
    });
    const found = resolveFormRef(formKey, forms);
    if (!found) return undefined;
    try {
      return JSON.parse(found.content) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }

  private async view(run: Run): Promise<TestRunView> {
    const { engine } = run;
    const key = run.session.aliases.get('main');
    const jobs = await this.waitingJobs(run);
    const base = {
      id: run.id, code: run.code, version: run.version, processId: run.processId, connectors: run.mode, steps: run.steps,
      clock: new Date(engine.clock.now()).toISOString(),
      jobs: jobs.map((job) => ({ type: job.type, elementId: job.elementId })),
    };
    if (!key) return { ...base, instance: null, elements: [], variables: {}, userTasks: [], incidents: [] };
    const [info, elements, variables, tasks, incidents] = await Promise.all([
      engine.instance(key), engine.elementInstances(key), engine.variables(key), engine.userTasks({ instanceKey: key, state: 'CREATED' }), engine.incidents({ instanceKey: key, state: 'ACTIVE' }),
    ]);
    const scope = (scopeKey: string) => Object.fromEntries(variables.filter((v) => v.scopeKey === scopeKey).map((v) => [v.name, v.value]));
    return {
      ...base,
      instance: info ? { key, state: info.state } : null,
      elements: elements.filter((e) => e.type !== 'PROCESS').map((e) => ({ key: e.key, elementId: e.elementId, elementType: e.type, state: e.state, variables: scope(e.key) })),
      variables: scope(key),
      userTasks: tasks.map((task: UserTask) => {
        const form = this.form(run, task.formKey);
        const name = run.names.get(task.elementId);
        return { key: task.key, elementId: task.elementId, ...(name ? { name } : {}), ...(task.formKey ? { formKey: task.formKey } : {}), ...(form ? { form } : {}) };
      }),
      incidents: incidents.map((i) => ({ elementId: i.elementId, errorType: i.errorType, message: i.errorMessage })),
    };
  }
}
