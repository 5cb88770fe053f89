import { HttpProblem, type FieldError } from './problem.js';

/**
 * What every request must satisfy before any route reads it, checked once at the edge (api.ts):
 * JSON no deeper and with no more keys than a limit far below what a recursive library on the
 * path (validation, FEEL, the audit log's canonical JSON, PostgreSQL's jsonb) copes with; and
 * strings PostgreSQL can store — text holds no NUL, and a lone UTF-16 surrogate is no character.
 */
export const JSON_LIMITS = { maxDepth: 64, maxKeys: 10_000 };

/**
 * What the body parser passes on when checkJsonShape refuses a body: it decorates the error it
 * is given (status, body…), so the problem travels inside, for the error handler to send.
 */
export class JsonShapeRefused extends Error {
  constructor(readonly problem: HttpProblem) {
    super(problem.detail);
  }
}

const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]

/**
 * Refuses a JSON text nested deeper or holding more object keys than the limits, by a scan of
 * its bytes (before parsing, without recursion). Malformed text passes: JSON.parse names it.
 */
export function checkJsonShape(raw: Uint8Array, limits = JSON_LIMITS): void {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!;
    if (inString) {
      if (byte === 0x5c) i++; // a backslash escapes the next byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (OPEN.has(byte)) {
      if (++depth > limits.maxDepth) throw new JsonShapeRefused(new HttpProblem(400, 'json-too-deep', 'The request body is nested too deeply', `JSON may nest at most ${limits.maxDepth} levels`));
    } else if (CLOSE.has(byte)) {
      depth--;
    } else if (byte === 0x3a && ++keys > limits.maxKeys) { // a colon outside a string ends a key
      throw new JsonShapeRefused(new HttpProblem(400, 'json-too-many-keys', 'The request body has too many fields', `JSON may hold at most ${limits.maxKeys} object keys`));
    }
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL or our stores cannot hold this string, if they cannot. */
function unstorable(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate, which is not a character';
  return undefined;
}

/**
 * Every string (key or value) in `value` that cannot be stored, as field errors naming its
 * path (JSON Pointer); at most `limit` of them. Walks without recursion.
 */
export function unstorableStrings(value: unknown, location: FieldError['in'], limit = 10): FieldError[] {
  const errors: FieldError[] = [];
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length && errors.length < limit) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      const why = unstorable(current);
      if (why) errors.push({ in: location, path, message: why });
    } else if (current && typeof current === 'object') {
      for (const [key, inner] of Object.entries(current)) {
        const innerPath = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
        const why = unstorable(key);
        if (why) errors.push({ in: location, path: innerPath, message: `its name ${why}` });
        pending.push([inner, innerPath]);
      }
    }
  }
  return errors;
}
