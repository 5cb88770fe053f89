import type { EngineAdapter } from '../contract.js';

/**
 * Where ZeebeEngine reads history, user tasks and incidents from. Zeebe's commands never answer
 * these; they come from exported records, so they lag a little behind the commands (the scenario
 * runner polls its expectations).
 */
export type History = Pick<EngineAdapter,
  'userTasks' | 'incidents' | 'instance' | 'childInstances' | 'elementInstances' | 'variables'> & {
  close(): Promise<void>;
};

/** Zeebe writes -1 for "none" in key fields and '' / -1 in optional ones. */
export function keyOrNull(value: unknown): string | null {
  if (value === undefined || value === null || value === '' || value === -1 || value === '-1') return null;
  return String(value);
}

export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function isoDate(epochMillis: number): string {
  return new Date(epochMillis).toISOString();
}

/** Variable values travel as JSON text. */
export function parseValue(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
