import type { Variables } from '../../contract.js';
import { evaluateExpression, isExpression } from '../feel/index.js';
import type { Mapping } from '../model/types.js';
import { assignPath } from './variables.js';

/** The processor's view of FEEL: property values that are `=expression` or static text. */
export type Evaluation<T = unknown> = { ok: true; value: T } | { ok: false; message: string };

export function evaluate(value: string, context: Variables): Evaluation {
  if (!isExpression(value)) return { ok: true, value };
  return evaluateExpression(value.slice(1), context);
}

export function evaluateString(value: string, context: Variables, what: string): Evaluation<string> {
  const result = evaluate(value, context);
  if (!result.ok) return result;
  if (typeof result.value === 'number') return { ok: true, value: String(result.value) };
  if (typeof result.value !== 'string') return { ok: false, message: `Expected result of the expression '${value}' (${what}) to be 'STRING', but was '${typeName(result.value)}'` };
  return { ok: true, value: result.value };
}

export function evaluateCondition(expression: string, context: Variables): Evaluation<boolean> {
  const result = evaluateExpression(expression.replace(/^=/, ''), context);
  if (!result.ok) return result;
  if (typeof result.value !== 'boolean') {
    return { ok: false, message: `Expected result of the expression '${expression.replace(/^=/, '')}' to be 'BOOLEAN', but was '${typeName(result.value)}'` };
  }
  return { ok: true, value: result.value };
}

/** Evaluates input or output mappings into a variables document. */
export function evaluateMappings(mappings: Mapping[], context: Variables): Evaluation<Variables> {
  const result: Variables = {};
  for (const mapping of mappings) {
    const value = mapping.source === '' ? { ok: true as const, value: null } : evaluate(mapping.source, { ...context, ...result });
    if (!value.ok) return { ok: false, message: `Failed to evaluate mapping '${mapping.source}' -> '${mapping.target}': ${value.message}` };
    assignPath(result, mapping.target, value.value);
  }
  return { ok: true, value: result };
}

export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  if (typeof value === 'object') return 'OBJECT';
  return typeof value === 'number' ? 'NUMBER' : typeof value === 'boolean' ? 'BOOLEAN' : 'STRING';
}
