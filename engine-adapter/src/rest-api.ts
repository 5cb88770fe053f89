/**
 * What the REST adapter (zeebe/) and our engine service (service/) agree on beyond Camunda's
 * specification, in one place so the two sides cannot drift.
 */

/** A business key travels as a process instance tag (Camunda 8.8+ has no business key of its own). */
export const BUSINESS_KEY_TAG = 'businessKey:';

/** The business key among an instance's tags. */
export function businessKeyOf(tags: unknown): string | null {
  const tag = Array.isArray(tags) ? tags.find((t): t is string => typeof t === 'string' && t.startsWith(BUSINESS_KEY_TAG)) : undefined;
  return tag === undefined ? null : tag.slice(BUSINESS_KEY_TAG.length);
}

/** The states a cluster gives a user task that is still open; our engine's open tasks are all CREATED. */
export const OPEN_USER_TASK_STATES = ['CREATING', 'CREATED', 'ASSIGNING', 'UPDATING', 'COMPLETING', 'CANCELING'];
