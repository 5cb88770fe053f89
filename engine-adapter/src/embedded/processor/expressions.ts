import type { Variables } from '../../contract.js';
import { evaluateExpression, isExpression, type FeelResult } from '../feel/index.js';
import type { Mapping } from '../model/types.js';
import { assignPath } from './variables.js';

export { evaluateCondition, evaluateCorrelationKey, evaluateInteger, evaluateList, evaluateString, evaluateStringList } from '../feel/index.js';

/** A property value: `=expression` is FEEL, anything else is static text. */
export function evaluate(value: string, context: Variables): FeelResult {
  return isExpression(value) ? evaluateExpression(value, context) : { ok: true, value };
}

/** Evaluates input or output mappings into a variables document (later mappings see earlier ones). */
export function evaluateMappings(mappings: Mapping[], context: Variables): FeelResult<Variables> {
  const result: Variables = {};
  for (const mapping of mappings) {
    const value = mapping.source === '' ? { ok: true as const, value: null } : evaluate(mapping.source, { ...context, ...result });
    if (!value.ok) return { ok: false, message: `Failed to evaluate mapping '${mapping.source}' -> '${mapping.target}': ${value.message}` };
    assignPath(result, mapping.target, value.value);
  }
  return { ok: true, value: result };
}
