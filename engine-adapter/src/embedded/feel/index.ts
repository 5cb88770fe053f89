// TEMPORARY local shim for smoke-testing the processor; the FEEL module replaces it.
import { evaluate } from 'feelin';
export const isExpression = (value: string) => value.startsWith('=');
export function evaluateExpression(expression: string, context: Record<string, unknown>): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    const { value } = evaluate(expression, context);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    return { ok: false, message: `failed to evaluate expression '${expression}': ${(error as Error).message}` };
  }
}
