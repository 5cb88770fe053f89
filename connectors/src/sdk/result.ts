/**
 * Result and error handling configured on the service task, as Camunda's outbound connectors
 * do it: task headers `resultVariable`, `resultExpression` (FEEL) and `errorExpression` (FEEL
 * with `bpmnError(code, message)`), so a template made for Camunda Modeler works unchanged.
 */
import { evaluateFeel as evaluateWithEngineSemantics } from '@konstruktor/engine-adapter';

export interface BpmnErrorResult {
  code: string;
  message: string;
  variables: Record<string, unknown>;
}

const BPMN_ERROR = Symbol('bpmnError');

function feelText(expression: string): string {
  const trimmed = expression.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1) : trimmed;
}

/** With the engine's FEEL (Zeebe's semantics), as the connector runtime of a Zeebe cluster evaluates these headers. */
function evaluateFeel(header: string, expression: string, context: Record<string, unknown>): unknown {
  const result = evaluateWithEngineSemantics(feelText(expression), context);
  if (!result.ok) throw new Error(`task header ${header}: ${result.message}`);
  return result.value;
}

/** The job's completion variables: under `resultVariable`, the context `resultExpression` builds, or (neither set) the output's fields. */
export function resultVariables(output: Record<string, unknown>, headers: Record<string, string>): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const { resultVariable, resultExpression } = headers;
  if (resultVariable?.trim()) variables[resultVariable.trim()] = output;
  if (resultExpression?.trim()) {
    const value = evaluateFeel('resultExpression', resultExpression, output);
    if (value !== null && value !== undefined) {
      if (typeof value !== 'object' || Array.isArray(value)) throw new Error('task header resultExpression: must evaluate to a context, e.g. ={ name: body.name }');
      Object.assign(variables, value);
    }
  }
  return resultVariable?.trim() || resultExpression?.trim() ? variables : output;
}

/**
 * The BPMN error `errorExpression` chooses for this outcome, if any. Evaluated with the output's
 * fields on success and with `error` ({ code, message, variables }) on failure.
 */
export function errorFromExpression(headers: Record<string, string>, context: Record<string, unknown>): BpmnErrorResult | null {
  const expression = headers.errorExpression;
  if (!expression?.trim()) return null;
  const bpmnError = (code: unknown, message: unknown, variables?: unknown) =>
    ({ [BPMN_ERROR]: true, code: String(code), message: message == null ? '' : String(message), variables: (variables && typeof variables === 'object' ? variables : {}) as Record<string, unknown> });
  const value = evaluateFeel('errorExpression', expression, { ...context, bpmnError }) as Record<string | symbol, unknown> | null;
  if (!value || typeof value !== 'object' || !value[BPMN_ERROR]) return null;
  return { code: value.code as string, message: value.message as string, variables: value.variables as Record<string, unknown> };
}
