/**
 * Drives instances of the reference process through an EngineAdapter the way a deployment
 * does: job workers per job type (activate a batch, complete it concurrently), a user-task
 * worker (poll the open review tasks, complete them) and, after each approval, the payment
 * message for that order. New orders come in as earlier ones finish, so at most `inFlight`
 * instances are under way at once (a closed system: latency and throughput stay comparable
 * between engines instead of measuring one giant queue).
 *
 * Every loop stops when the goal is reached, the time limit passes or too many commands fail.
 */
import { performance } from 'node:perf_hooks';
import type { EngineAdapter, Job, UserTask, Variables } from '../src/contract.js';
import { EngineError } from '../src/contract.js';
import type { ReferenceProcess } from './reference-process.js';

/** 'complete': every instance to its end; 'wait-at-message': up to the payment, which never comes. */
export type Goal = 'complete' | 'wait-at-message';

export interface DriveOptions {
  instances: number;
  inFlight: number;
  goal: Goal;
  timeLimitMs: number;
  /** Jobs per activation. */
  batch: number;
  /** Activation loops per job type. */
  workersPerType: number;
  /** How long a worker that found nothing waits before asking again. */
  idleMs: number;
  /** Buffered for this long if the instance does not wait for it yet (Zeebe opens subscriptions asynchronously). */
  messageTtlMs: number;
}

export interface DriveResult {
  started: number;
  /** Instances that reached the goal. */
  done: number;
  /** First order to the last instance done. */
  elapsedMs: number;
  /** Order placed -> goal reached, per instance (ms). */
  p50Ms: number;
  p99Ms: number;
  /** CPU time of this process (engine, store client, workers) per instance done. */
  cpuMsPerInstance: number;
  timedOut: boolean;
  errors: string[];
  /** Commands repeated after the engine answered UNAVAILABLE (back-pressure), and why (most frequent first). */
  retries: number;
  retryReasons: string[];
  /** A few instance keys, spread over the run, to check afterwards. */
  sample: string[];
}

const MAX_ERRORS = 20;
const MAX_RETRIES = 30;
const SAMPLE_SIZE = 20;
const FAILED = Symbol('failed');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Wakes whoever waits on it; waits are bounded so a loop re-checks its stop condition. */
class Signal {
  private waiters = new Set<() => void>();
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }
  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

class Drive {
  private started = 0;
  private done = 0;
  private stopped = false;
  private lastDoneAt = 0;
  private readonly retried = new Map<string, number>();
  private readonly errors: string[] = [];
  private readonly latencies: number[] = [];
  private readonly sample: string[] = [];
  private readonly progress = new Signal();
  /** Per instance under way only: finished ones are forgotten, so the bench's own memory stays flat. */
  private readonly startedAt = new Map<string, number>();
  private readonly orderOf = new Map<string, string>();
  /** Review tasks already taken: history may still show them open for a moment. */
  private readonly reviewed = new Set<string>();

  constructor(private readonly engine: EngineAdapter, private readonly reference: ReferenceProcess, private readonly options: DriveOptions, private readonly run: string) {}

  async drive(): Promise<DriveResult> {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const loops = [this.orders(), this.reviews(), ...this.jobWorkers()];
    const deadline = t0 + this.options.timeLimitMs;
    while (this.done < this.options.instances && this.errors.length < MAX_ERRORS && performance.now() < deadline) await this.progress.wait(250);
    const timedOut = this.done < this.options.instances && this.errors.length < MAX_ERRORS;
    this.stopped = true;
    this.progress.notify();
    // Loops finish their current command; a hung engine must not hang the bench.
    await Promise.race([Promise.allSettled(loops), sleep(30_000)]);
    const cpu = process.cpuUsage(cpu0);
    const sorted = this.latencies.sort((a, b) => a - b);
    return {
      started: this.started, done: this.done, elapsedMs: (this.lastDoneAt || performance.now()) - t0,
      p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99),
      cpuMsPerInstance: (cpu.user + cpu.system) / 1000 / Math.max(this.done, 1),
      timedOut, errors: this.errors, sample: this.sample,
      retries: [...this.retried.values()].reduce((sum, n) => sum + n, 0),
      retryReasons: [...this.retried].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([reason, n]) => `${n}× ${reason}`),
    };
  }

  // ---------------------------------------------------------------- orders

  /** Places orders while fewer than `inFlight` are under way. */
  private async orders(): Promise<void> {
    const placing = new Set<Promise<void>>();
    const { instances, inFlight } = this.options;
    while (!this.stopped && this.started < instances) {
      const free = Math.min(inFlight - (this.started - this.done), instances - this.started);
      for (let i = 0; i < free; i++) {
        const order = this.placeOrder(this.started++);
        placing.add(order);
        void order.finally(() => placing.delete(order));
      }
      await this.progress.wait(100);
    }
    await Promise.allSettled(placing);
  }

  private async placeOrder(seq: number): Promise<void> {
    const orderId = `${this.run}-${seq}`;
    this.startedAt.set(orderId, performance.now());
    const variables = { orderId, applicant: `LT-${seq}`, place: 'Laisvės al. 1, Kaunas', area: 24 };
    const ref = await this.attempt('createInstance', () => this.engine.createInstance({ processId: this.reference.processId, variables }));
    if (ref === FAILED) return;
    this.orderOf.set(ref.instanceKey, orderId);
    const every = Math.max(1, Math.floor(this.options.instances / SAMPLE_SIZE));
    if (seq % every === 0 && this.sample.length < SAMPLE_SIZE) this.sample.push(ref.instanceKey);
  }

  private finish(instanceKey: string, orderId: string): void {
    const started = this.startedAt.get(orderId);
    const now = performance.now();
    if (started !== undefined) this.latencies.push(now - started);
    this.startedAt.delete(orderId);
    this.orderOf.delete(instanceKey);
    this.done += 1;
    this.lastDoneAt = now;
    this.progress.notify();
  }

  // ---------------------------------------------------------------- job workers

  private jobWorkers(): Promise<void>[] {
    const { register, check, issue } = this.reference.jobTypes;
    const handlers: [string, (job: Job) => Variables][] = [
      [register, () => ({ registeredAt: new Date().toISOString() })],
      [check, () => ({ eligible: true })],
    ];
    // The permit is issued after the payment; a run that stops at the payment never gets there.
    if (this.options.goal === 'complete') handlers.push([issue, (job) => ({ permitNo: `P-${String(job.variables.orderId)}` })]);
    return handlers.flatMap(([type, handle]) => Array.from({ length: this.options.workersPerType }, () => this.jobWorker(type, handle)));
  }

  private async jobWorker(type: string, handle: (job: Job) => Variables): Promise<void> {
    while (!this.stopped) {
      const jobs = await this.attempt(`activateJobs ${type}`, () => this.engine.activateJobs({
        type, worker: 'bench', maxJobs: this.options.batch, timeout: 60_000, fetchVariables: ['orderId'],
      }));
      if (jobs === FAILED || jobs.length === 0) {
        await sleep(this.options.idleMs);
        continue;
      }
      await Promise.all(jobs.map(async (job) => {
        const completed = await this.attempt('completeJob', () => this.engine.completeJob(job.key, handle(job)));
        // The end event follows the last job directly: its completion ends the instance.
        if (completed !== FAILED && type === this.reference.jobTypes.issue) this.finish(job.instanceKey, String(job.variables.orderId));
      }));
    }
  }

  // ---------------------------------------------------------------- clerk and citizen

  /** The clerk approves every open review; then the citizen pays (the message). */
  private async reviews(): Promise<void> {
    while (!this.stopped) {
      const open = await this.attempt('userTasks', () => this.engine.userTasks({ state: 'CREATED', elementId: this.reference.userTaskElementId }));
      // Tasks of instances this drive did not start (an earlier phase's) are not ours to touch.
      const fresh = open === FAILED ? [] : open.filter((task) => !this.reviewed.has(task.key) && this.orderOf.has(task.instanceKey));
      if (!fresh.length) {
        await sleep(this.options.idleMs);
        continue;
      }
      for (const task of fresh) this.reviewed.add(task.key);
      await Promise.all(fresh.map((task) => this.approveAndPay(task)));
    }
  }

  private async approveAndPay(task: UserTask): Promise<void> {
    const orderId = this.orderOf.get(task.instanceKey)!;
    const approved = await this.attempt('completeUserTask', () => this.engine.completeUserTask(task.key, { decision: 'approved' }));
    if (approved === FAILED) return;
    if (this.options.goal === 'wait-at-message') return this.finish(task.instanceKey, orderId);
    await this.attempt('publishMessage', () => this.engine.publishMessage({
      name: this.reference.messageName, correlationKey: orderId, timeToLive: this.options.messageTtlMs, variables: { paid: true, amount: 12.5 },
    }));
  }

  // ---------------------------------------------------------------- failures

  /** Runs a command; repeats it while the engine is UNAVAILABLE (back-pressure), records other failures. */
  private async attempt<T>(what: string, command: () => Promise<T>): Promise<T | typeof FAILED> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await command();
      } catch (error) {
        const unavailable = error instanceof EngineError && error.code === 'UNAVAILABLE';
        if (unavailable && attempt < MAX_RETRIES && !this.stopped) {
          const reason = `${what}: ${error.message.slice(0, 120)}`;
          this.retried.set(reason, (this.retried.get(reason) ?? 0) + 1);
          await sleep(10 * (attempt + 1));
          continue;
        }
        if (!this.stopped) this.errors.push(`${what}: ${(error as Error).message}`);
        this.progress.notify();
        return FAILED;
      }
    }
  }
}

export function drive(engine: EngineAdapter, reference: ReferenceProcess, options: DriveOptions, run: string): Promise<DriveResult> {
  return new Drive(engine, reference, options, run).drive();
}
