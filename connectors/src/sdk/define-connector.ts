import type { ConnectorDefinition } from './contract.js';
import { compileInputValidator } from './validate.js';

const ID = /^[a-z][a-z0-9-]*(:[a-z0-9][a-z0-9-]*)+$/;

/** Thrown at definition time: the message names the field of the definition that is wrong. */
export class ConnectorDefinitionError extends Error {}

/**
 * Checks a connector definition and returns it unchanged (typed), so that a mistake shows
 * when the module loads rather than when the first job arrives.
 */
export function defineConnector<Input = Record<string, unknown>, Output = Record<string, unknown>>(
  definition: ConnectorDefinition<Input, Output>,
): ConnectorDefinition<Input, Output> {
  const fail = (field: string, problem: string): never => {
    throw new ConnectorDefinitionError(`connector ${JSON.stringify(definition?.id ?? '?')}: ${field} ${problem}`);
  };
  if (typeof definition?.id !== 'string' || !ID.test(definition.id)) fail('id', 'must look like konstruktor:<area>:<name> (lower case, colon-separated)');
  if (!Number.isInteger(definition.version) || definition.version < 1) fail('version', 'must be a positive integer');
  const title = definition.title;
  if (!(typeof title === 'string' ? title.trim() : title?.en?.trim())) fail('title', 'must be a non-empty text (with an English text)');
  if (typeof definition.handler !== 'function') fail('handler', 'must be a function');
  for (const key of ['inputSchema', 'outputSchema'] as const) {
    const schema = definition[key];
    if (!schema || typeof schema !== 'object' || schema.type !== 'object') fail(key, 'must be a JSON Schema of type "object"');
  }
  try {
    compileInputValidator(definition.inputSchema);
  } catch (error) {
    fail('inputSchema', `is not a valid JSON Schema: ${(error as Error).message}`);
  }
  if (definition.secrets !== undefined && (!Array.isArray(definition.secrets) || definition.secrets.some((name) => typeof name !== 'string' || !name))) {
    fail('secrets', 'must be a list of secret names');
  }
  for (const [index, error] of (definition.errors ?? []).entries()) {
    if (typeof error?.code !== 'string' || !error.code.trim()) fail(`errors[${index}].code`, 'must be a non-empty BPMN error code');
  }
  if (definition.timeoutMs !== undefined && !(Number.isInteger(definition.timeoutMs) && definition.timeoutMs > 0)) fail('timeoutMs', 'must be a positive number of milliseconds');
  if (definition.retries !== undefined && !(Number.isInteger(definition.retries) && definition.retries >= 0)) fail('retries', 'must be a non-negative integer');
  return definition;
}
