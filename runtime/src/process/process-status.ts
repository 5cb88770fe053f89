import type { EngineRecord } from '@konstruktor/engine-adapter';
import type { ApplicationStatus } from '../applications/application.entity.js';

/**
 * The root process variable through which a service's process tells its order's status: the
 * decision (`approved`, `rejected`), a withdrawal (`cancelled`) or `in-review`. Set it in a step
 * that is followed by a wait (a job, a user task, a message): a variable set in the very commit
 * that ends the instance is not reported by the engine's feed.
 */
export const STATUS_VARIABLE = 'applicationStatus';

const SETTABLE: ReadonlySet<string> = new Set<ApplicationStatus>(['in-review', 'approved', 'rejected', 'cancelled']);

/** Statuses no process step may change any more. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = ['approved', 'rejected', 'completed', 'cancelled'];

/** The status a feed record sets: a root-scope variable change naming one of the settable statuses. */
export function statusSetBy(record: EngineRecord): { instanceKey: string; status: ApplicationStatus } | undefined {
  if (record.valueType !== 'VARIABLE' || record.value.scopeKey !== record.value.instanceKey) return undefined;
  const status = record.value.variables[STATUS_VARIABLE];
  return typeof status === 'string' && SETTABLE.has(status) ? { instanceKey: record.value.instanceKey, status: status as ApplicationStatus } : undefined;
}
