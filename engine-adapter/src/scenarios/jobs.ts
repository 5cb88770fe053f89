/**
 * The run's job pool. Activation takes jobs by type only — Zeebe has no instance filter — so
 * a step that wants the job of one instance may activate jobs of other instances of the same
 * run. Those are kept here, activated but unused, and handed to the step that asks for them;
 * nothing is lost and nothing is failed back while the run goes on. (Job types carry the
 * run's namespace suffix, so only jobs of this run can ever be activated here.)
 *
 * Counting for `expect: jobs` sweeps every activatable job of the type into the pool and
 * counts the pooled jobs of the instance whose element instance is still active. A pooled
 * job whose element instance has ended (an interrupting boundary event, cancellation) is
 * stale and is dropped. Jobs waiting out a retry back-off or in an incident are not
 * activatable and so are not counted — which is what "activatable" means.
 *
 * Pooled jobs are leased for {@link LEASE_MS}. Before the engine clock is moved (which could
 * time the leases out) and at the end of the run they are given back with `failJob` at the
 * same retries and no back-off, so they are activatable again at once.
 */
import type { ElementInstance, EngineAdapter, Job } from '../contract.js';
import type { Namespace } from './namespace.js';

export const LEASE_MS = 10 * 60_000;
const BATCH = 32;

export class JobPool {
  private jobs: Job[] = [];

  constructor(private readonly engine: EngineAdapter, private readonly ns: Namespace, private readonly worker = 'konstruktor-scenario-runner') {}

  /** Moves every job of the type that is activatable now into the pool; returns the new ones. */
  async sweep(type: string): Promise<Job[]> {
    const fresh: Job[] = [];
    for (;;) {
      const batch = await this.engine.activateJobs({ type: this.ns.name(type), worker: this.worker, maxJobs: BATCH, timeout: LEASE_MS });
      for (const job of batch) {
        this.jobs = this.jobs.filter((pooled) => pooled.key !== job.key);
        this.jobs.push(job);
        fresh.push(job);
      }
      if (batch.length < BATCH) return fresh;
    }
  }

  /** The first pooled job of the type (in activation order) that satisfies the test. */
  find(type: string, test: (job: Job) => boolean): Job | undefined {
    const engineType = this.ns.name(type);
    return this.jobs.find((job) => job.type === engineType && test(job));
  }

  /** Takes the job out of the pool (it is about to be completed, failed or thrown). */
  take(job: Job): void {
    this.jobs = this.jobs.filter((pooled) => pooled.key !== job.key);
  }

  /** Pooled jobs of the type for the instance that are not known to be stale. */
  live(type: string, instanceKey: string, elements: ElementInstance[]): Job[] {
    const state = new Map(elements.map((element) => [element.key, element.state]));
    const engineType = this.ns.name(type);
    const stale = this.jobs.filter((job) => job.type === engineType && job.instanceKey === instanceKey && state.has(job.elementInstanceKey) && state.get(job.elementInstanceKey) !== 'ACTIVE');
    for (const job of stale) this.take(job);
    return this.jobs.filter((job) => job.type === engineType && job.instanceKey === instanceKey);
  }

  /** Every pooled job whose element instance is still active; those that ended are dropped. */
  async current(): Promise<Job[]> {
    for (const instanceKey of new Set(this.jobs.map((job) => job.instanceKey))) {
      const active = new Set((await this.engine.elementInstances(instanceKey)).filter((e) => e.state === 'ACTIVE').map((e) => e.key));
      this.jobs = this.jobs.filter((job) => job.instanceKey !== instanceKey || active.has(job.elementInstanceKey));
    }
    return [...this.jobs];
  }

  /** Gives every pooled job back to the engine, activatable at once, retries unchanged. */
  async releaseAll(): Promise<void> {
    const jobs = this.jobs;
    this.jobs = [];
    for (const job of jobs) {
      await this.engine.failJob(job.key, { retries: Math.max(job.retries, 1), retryBackOff: 0, errorMessage: 'released by the scenario runner' }).catch(() => undefined);
    }
  }
}
