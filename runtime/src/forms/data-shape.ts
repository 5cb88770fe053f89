import type { FieldError } from '../http/problem.js';

/** Deeper form data than this is hostile, not a form: no form nests groups this far. */
export const MAX_DATA_DEPTH = 24;

/**
 * Rejects data nested deeper than MAX_DATA_DEPTH before anything recursive (validators,
 * PostgreSQL's jsonb) sees it. Iterative, so the check itself cannot overflow the stack.
 */
export function tooDeep(data: unknown, at = '/data'): FieldError | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: data, depth: 0, path: at }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DATA_DEPTH) return { in: 'body', path, message: `is nested deeper than ${MAX_DATA_DEPTH} levels` };
    for (const [key, child] of Object.entries(value)) stack.push({ value: child, depth: depth + 1, path: `${path}/${key}` });
  }
  return undefined;
}
