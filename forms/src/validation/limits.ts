/** Size guards run before anything else looks at a submission, so hostile input gets errors, not crashes. */
import { toPointer } from '../form/walk.js';
import type { Issue } from './messages.js';

export interface DataLimits {
  /** Deepest nesting of objects and arrays (default 32). */
  maxDepth?: number;
  /** Longest string in UTF-16 units (default 20 000); structures may set a lower maxLength. */
  maxStringLength?: number;
  /** Most values (objects, arrays, scalars) in one submission (default 20 000). */
  maxValues?: number;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_ISSUES = 20;

/** Issues with the submission's shape; empty when it is a plain object within the limits. */
export function checkLimits(data: unknown, limits: DataLimits = {}): Issue[] {
  const maxDepth = limits.maxDepth ?? 32;
  const maxStringLength = limits.maxStringLength ?? 20_000;
  const maxValues = limits.maxValues ?? 20_000;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [{ path: '', code: 'notObject' }];
  const issues: Issue[] = [];
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [{ value: data, path: [] }];
  let count = 0;
  const tooLarge: Issue[] = [{ path: '', code: 'tooLarge', params: { limit: maxValues } }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const { value, path } = stack.pop()!;
    if (++count + stack.length > maxValues) return tooLarge;
    if (typeof value === 'string') {
      if (value.length > maxStringLength) issues.push({ path: toPointer(path), code: 'tooLong', params: { limit: maxStringLength } });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= maxDepth) return [{ path: toPointer(path), code: 'tooDeep', params: { limit: maxDepth } }];
    if (Array.isArray(value)) {
      if (count + stack.length + value.length > maxValues) return tooLarge;
      for (let index = value.length - 1; index >= 0; index--) stack.push({ value: value[index], path: [...path, index] });
      continue;
    }
    const keys = Object.keys(value);
    if (count + stack.length + keys.length > maxValues) return tooLarge;
    for (const key of keys.reverse()) {
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({ path: toPointer([...path, key]), code: 'forbiddenKey', params: { key } });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}
