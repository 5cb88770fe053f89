/**
 * Over the Camunda 8 REST API a business key travels as a process instance tag (Camunda 8.8+
 * has no business key of its own): the REST adapter writes it, our engine service reads it.
 */
export const BUSINESS_KEY_TAG = 'businessKey:';

/** The business key among an instance's tags. */
export function businessKeyOf(tags: unknown): string | null {
  const tag = Array.isArray(tags) ? tags.find((t): t is string => typeof t === 'string' && t.startsWith(BUSINESS_KEY_TAG)) : undefined;
  return tag === undefined ? null : tag.slice(BUSINESS_KEY_TAG.length);
}
