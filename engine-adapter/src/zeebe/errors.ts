import { EngineError } from '../contract.js';

type Code = EngineError['code'];

/** The broker's rejection types (the problem title of a refused REST command). */
const REJECTIONS: Record<string, Code> = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  INVALID_STATE: 'INVALID_STATE',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
};

function codeOfStatus(status: number | undefined): Code {
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'INVALID_STATE';
  if (status === undefined || status === 429 || status >= 500) return 'UNAVAILABLE';
  return 'INVALID_ARGUMENT';
}

/**
 * Turns what the REST client throws into an EngineError carrying the broker's own message,
 * e.g. "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key …".
 */
export function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const e = (error ?? {}) as { name?: string; status?: number; title?: string; detail?: string; message?: string };
  if (e.name === 'HttpSdkError' || typeof e.status === 'number') {
    const code = (e.title ? REJECTIONS[e.title] : undefined) ?? codeOfStatus(e.status);
    return new EngineError(e.detail || e.title || e.message || `HTTP ${e.status}`, code);
  }
  // Network failures, timeouts, authentication: the engine could not be asked.
  return new EngineError(`Zeebe unavailable: ${e.message ?? String(error)}`, 'UNAVAILABLE');
}

/** Runs a client call, translating failures. */
export async function call<T>(fn: () => PromiseLike<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toEngineError(error);
  }
}
