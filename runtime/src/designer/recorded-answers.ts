import type { EngineAdapter, Job, ThrowErrorRequest, Variables } from '@konstruktor/engine-adapter';

/** A job answer as a scenario step (spec/scenarios.md), with the instance it was for. */
export type RecordAnswer = (step: Record<string, unknown>, instanceKey: string) => void;

/**
 * The engine as the connectors hosted in a sandbox test run see it: every job they complete or
 * answer with a BPMN error is also handed to `record` as a completeJob / throwError step, so a
 * run saved as a scenario replays where no connector runs (the package check).
 */
export function recordConnectorAnswers(engine: EngineAdapter, record: RecordAnswer): EngineAdapter {
  const activated = new Map<string, Pick<Job, 'type' | 'instanceKey'>>();
  const answered = (key: string) => {
    const job = activated.get(key);
    activated.delete(key);
    return job;
  };
  const overrides: Partial<EngineAdapter> = {
    async activateJobs(request) {
      const jobs = await engine.activateJobs(request);
      for (const job of jobs) activated.set(job.key, { type: job.type, instanceKey: job.instanceKey });
      return jobs;
    },
    async completeJob(key: string, variables?: Variables) {
      await engine.completeJob(key, variables);
      const job = answered(key);
      if (job) record({ completeJob: { type: job.type, ...(variables && Object.keys(variables).length ? { variables } : {}) } }, job.instanceKey);
    },
    async throwError(key: string, request: ThrowErrorRequest) {
      await engine.throwError(key, request);
      const job = answered(key);
      if (job) record({ throwError: { type: job.type, ...withoutUndefined(request) } }, job.instanceKey);
    },
  };
  return new Proxy(engine, {
    get(target, property) {
      if (property in overrides) return overrides[property as keyof EngineAdapter];
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const withoutUndefined = (value: object) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
