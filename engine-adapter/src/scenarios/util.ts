/** Small helpers of the scenario runner: waiting, comparing and showing values. */
import { EngineError } from '../contract.js';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `attempt` until it returns something other than undefined or the time is up
 * (then undefined). The pause between attempts grows from 5 ms to 200 ms, so a fast engine
 * is not slowed down and a slow one is not flooded.
 */
export async function poll<T>(attempt: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  let pause = 5;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) return result;
    if (Date.now() >= deadline) return undefined;
    await sleep(Math.min(pause, Math.max(0, deadline - Date.now())));
    pause = Math.min(pause * 2, 200);
  }
}

/** Engine keys are decimal strings on Zeebe; order them numerically when they are. */
export function compareKeys(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON deep equality: object key order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => deepEqual(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => key in right && deepEqual(left[key], right[key]));
}

/** A value on one line, shortened when long. */
export function show(value: unknown, max = 240): string {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const showList = (values: Iterable<string>) => `[${[...values].join(', ')}]`;

/** EngineError, also when it comes from another copy of the contract module. */
export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError || (error instanceof Error && error.constructor.name === 'EngineError' && 'code' in error);
}

/** A step could not be carried out or did not hold; the message says why, on one line. */
export class StepFailure extends Error {}
