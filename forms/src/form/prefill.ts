/** Prefilled values (keyed by dotted data path, as the API lists them) as the nested data a form holds. */

/** Segments that would reach an object's prototype instead of a field. */
const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * `{ 'applicant.email': 'a@b.lt', tradingAs: 'person' }` -> `{ applicant: { email: 'a@b.lt' }, tradingAs: 'person' }`:
 * the shape form-js and the validator expect. A dotted key used as a top-level name would be a
 * field the form does not have (the validator refuses it as "not part of the form").
 */
export function prefilledData(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const path = key.split('.');
    if (path.some((segment) => segment === '' || UNSAFE.has(segment))) continue;
    let node = data;
    for (const segment of path.slice(0, -1)) {
      const next = node[segment];
      if (next === null || typeof next !== 'object' || Array.isArray(next)) node[segment] = {};
      node = node[segment] as Record<string, unknown>;
    }
    node[path.at(-1)!] = value;
  }
  return data;
}
