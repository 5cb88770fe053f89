/**
 * FEEL evaluation the way Zeebe does it (FEEL-Scala inside Zeebe's ExpressionProcessor), on top
 * of feelin.
 *
 * Missing data: since Camunda 8.3 (FEEL-Scala 1.17) a missing variable, context entry or property
 * evaluates to null with a warning; the evaluation does not fail. Zeebe fails only when a result
 * has the wrong type for its use (a condition that is not a boolean, a job type that is not a
 * string, an input collection that is not a list, ...) and then appends the warnings to the
 * incident message ("... but was 'NULL'. The evaluation reported the following warnings:
 * [NO_VARIABLE_FOUND] No variable found with name 'x'"). A mapping source may have any type, so a
 * missing source maps to null without an incident. We do the same. The evaluation itself fails
 * only for a syntax error, a failed assert() or an unexpected error inside the interpreter.
 */
import { evaluate, FeelDate, FeelDateTime, FeelDuration, parseExpression, SyntaxError as FeelSyntaxError, type Warning } from 'feelin';
import { builtinsFor, type EvaluationScope, type FeelFunctionValue } from './builtins.js';
import { ALIAS_PREFIX, rewrite } from './rewrite.js';
import { toVariableValue } from './temporal.js';

export type FeelResult<T = unknown> = { ok: true; value: T; warnings?: string[] } | { ok: false; message: string };
export type FeelFailure = { ok: false; message: string };

export interface FeelOptions {
  /** The engine clock (epoch ms) for now() and today(); the system clock when absent. */
  now?: number;
}

type Variables = Record<string, unknown>;

/** Zeebe: a property value is a FEEL expression when it starts with `=` and has text after it. */
export function isExpression(value: string): boolean {
  return value.length > 1 && value.startsWith('=');
}

const withoutPrefix = (expression: string): string => (expression.startsWith('=') ? expression.slice(1) : expression);

/** A raw evaluation: feelin's value (temporal objects and all) plus the warnings Zeebe would list. */
export type RawResult = { ok: true; value: unknown; warnings: string[]; expression: string } | FeelFailure;

/** Evaluates FEEL text (a leading `=` is allowed) and converts the result to a variable value. */
export function evaluateExpression(expression: string, context: Variables, options: FeelOptions = {}): FeelResult {
  const raw = evaluateRaw(withoutPrefix(expression), context, options);
  return raw.ok ? { ok: true, value: toVariableValue(raw.value), warnings: raw.warnings } : raw;
}

/** The syntax error of an expression (`=` prefix allowed), for rejecting a deployment; undefined when it parses. */
export function parseError(expression: string): string | undefined {
  const text = withoutPrefix(expression);
  let broken = false;
  parseExpression(text, builtinsFor({ assertFailure: null, warnings: [] }), 'camunda').iterate({
    enter: (node) => {
      broken ||= node.type.isError;
      return !broken;
    },
  });
  if (!broken) return undefined;
  // feelin reports syntax errors (with its own message) before it evaluates anything.
  const result = evaluateRaw(text, {});
  return result.ok ? undefined : result.message;
}

export function evaluateRaw(expression: string, variables: Variables, options: FeelOptions = {}): RawResult {
  const quick = quickEvaluate(expression, variables);
  if (quick) return quick;
  const scope: EvaluationScope = { assertFailure: null, warnings: [] };
  const functions = builtinsFor(scope, options.now);
  try {
    const shadowed = new Set(Object.keys(variables).filter((name) => builtinFunction(name, functions) !== undefined));
    const { text, aliased } = rewrite(expression, { ...functions, ...variables }, shadowed);
    const aliases = Object.fromEntries(aliased.map((name) => [ALIAS_PREFIX + name, builtinFunction(name, functions)]));
    const result = evaluate(text, { ...functions, ...variables, ...aliases }, 'camunda');
    const warnings = [...result.warnings.map(formatWarning), ...scope.warnings];
    if (scope.assertFailure !== null) {
      return failure(`Assertion failure on evaluate the expression '${expression}': ${scope.assertFailure}`,
        [...warnings, `[ASSERT_FAILURE] ${scope.assertFailure}`]);
    }
    return { ok: true, value: result.value, warnings, expression };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof FeelSyntaxError) return { ok: false, message: `failed to parse expression '${expression}': ${message}` };
    return { ok: false, message: `failed to evaluate expression '${expression}': ${message}` };
  }
}

// Most expressions in service models are a variable (`=orderId`, a correlation key) or a variable
// compared with a literal (`=eligible = true`, a condition). feelin takes about a millisecond to
// parse one (its parser goes through the names of every built-in function each time), so these
// two shapes are answered here when the answer is plain: the variable exists and holds a value of
// the literal's type. Anything else — a missing variable (a warning), mixed types (null and a
// warning), any other syntax — takes the full path.
const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const PLAIN_NAME = new RegExp(`^\\s*(${NAME})\\s*$`);
const COMPARISON = new RegExp(`^\\s*(${NAME})\\s*(=|!=)\\s*(true|false|-?\\d+(?:\\.\\d+)?|"[^"\\\\]*")\\s*$`);
const KEYWORDS = new Set(['null', 'true', 'false', 'not', 'and', 'or', 'for', 'in', 'return', 'if', 'then', 'else', 'some', 'every', 'satisfies', 'instance', 'of', 'function', 'between', 'external']);

type Plain = string | number | boolean | null;

function quickEvaluate(expression: string, variables: Variables): RawResult | undefined {
  const name = PLAIN_NAME.exec(expression);
  if (name) {
    const value = plainVariable(variables, name[1]!);
    return value === undefined ? undefined : { ok: true, value, warnings: [], expression };
  }
  const comparison = COMPARISON.exec(expression);
  if (!comparison) return undefined;
  const value = plainVariable(variables, comparison[1]!);
  const literal = literalValue(comparison[3]!);
  if (value === undefined || value === null || typeof value !== typeof literal) return undefined;
  return { ok: true, value: (value === literal) === (comparison[2] === '='), warnings: [], expression };
}

/** The variable's value if it is text, a finite number, a boolean or null; undefined when absent or anything else. */
function plainVariable(variables: Variables, name: string): Plain | undefined {
  if (KEYWORDS.has(name) || !Object.hasOwn(variables, name)) return undefined;
  const value = variables[name];
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function literalValue(text: string): Exclude<Plain, null> {
  if (text === 'true' || text === 'false') return text === 'true';
  if (text.startsWith('"')) return text.slice(1, -1);
  return Number(text);
}

/** feelin's warnings in FEEL-Scala's words where the two differ, as `[TYPE] message`. */
function formatWarning(warning: Warning): string {
  const variable = /^Variable '(.*)' not found$/.exec(warning.message);
  const message = variable ? `No variable found with name '${variable[1]}'` : warning.message;
  return `[${warning.type}] ${message}`;
}

const feelinBuiltins = new Map<string, unknown>();

/** The built-in function of that name, ours or feelin's; undefined if there is none. */
function builtinFunction(name: string, functions: Record<string, FeelFunctionValue>): unknown {
  if (Object.hasOwn(functions, name)) return functions[name];
  if (name.includes('`')) return undefined;
  if (!feelinBuiltins.has(name)) {
    let value: unknown;
    try {
      value = evaluate(`\`${name}\``, {}, 'camunda').value;
    } catch {
      value = undefined; // not even a name FEEL can spell
    }
    if (feelinBuiltins.size > 10_000) feelinBuiltins.clear();
    feelinBuiltins.set(name, typeof value === 'function' ? value : undefined);
  }
  return feelinBuiltins.get(name);
}

/** Zeebe's ResultType names of a raw value, used in its type error messages. */
export function resultType(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof FeelDuration) return value.yearsMonths ? 'PERIOD' : 'DURATION';
  if (value instanceof FeelDate) return 'DATE';
  if (value instanceof FeelDateTime) return 'DATE_TIME';
  const prototype: unknown = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  return prototype === Object.prototype || prototype === null ? 'OBJECT' : 'UNKNOWN';
}

/** Zeebe's failure message: the message, then the evaluation's warnings if there were any. */
export function failure(message: string, warnings: string[]): FeelFailure {
  const suffix = warnings.length === 0 ? '' : ` The evaluation reported the following warnings:\n${warnings.join('\n')}`;
  return { ok: false, message: message + suffix };
}

export function typeFailure(result: Extract<RawResult, { ok: true }>, expected: string): FeelFailure {
  return failure(`Expected result of the expression '${result.expression}' to be '${expected}', but was '${resultType(result.value)}'.`, result.warnings);
}

/** Zeebe's StaticExpression: a property without `=` is null, a boolean, a number or else text. */
function staticValue(text: string): unknown {
  if (text === 'null') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : text;
}

/** A BPMN property value: `=expression` is evaluated, anything else is a static value. */
export function evaluateProperty(value: string, context: Variables, options: FeelOptions = {}): RawResult {
  if (isExpression(value)) return evaluateRaw(value.slice(1), context, options);
  return { ok: true, value: staticValue(value), warnings: [], expression: value };
}

/** A sequence flow condition: FEEL text (`=` optional) that must give a boolean. */
export function evaluateCondition(expression: string, context: Variables, options: FeelOptions = {}): FeelResult<boolean> {
  const result = evaluateRaw(withoutPrefix(expression), context, options);
  if (!result.ok) return result;
  return typeof result.value === 'boolean' ? { ok: true, value: result.value } : typeFailure(result, 'BOOLEAN');
}

/** A string property (job type, message name, process id, ...). Static text stays text, even "123". */
export function evaluateString(value: string, context: Variables, options: FeelOptions = {}): FeelResult<string> {
  if (!isExpression(value)) return { ok: true, value };
  const result = evaluateProperty(value, context, options);
  if (!result.ok) return result;
  return typeof result.value === 'string' ? { ok: true, value: result.value } : typeFailure(result, 'STRING');
}

/** A message correlation key: a string, or a number converted to its (whole) text as Zeebe does. */
export function evaluateCorrelationKey(value: string, context: Variables, options: FeelOptions = {}): FeelResult<string> {
  if (!isExpression(value)) return { ok: true, value };
  const result = evaluateProperty(value, context, options);
  if (!result.ok) return result;
  if (typeof result.value === 'string') return { ok: true, value: result.value };
  if (typeof result.value === 'number') return { ok: true, value: String(Math.trunc(result.value)) };
  return failure(`Failed to extract the correlation key for '${result.expression}': The value must be either a string or a number, but was '${resultType(result.value)}'.`, result.warnings);
}

/** A whole number property (job retries, loop cardinality). */
export function evaluateInteger(value: string, context: Variables, options: FeelOptions = {}): FeelResult<number> {
  const result = evaluateProperty(value, context, options);
  if (!result.ok) return result;
  if (typeof result.value !== 'number') return typeFailure(result, 'NUMBER');
  if (!Number.isInteger(result.value)) {
    return failure(`Expected result of the expression '${result.expression}' to be an integer, but was a decimal.`, result.warnings);
  }
  return { ok: true, value: result.value };
}

/** A list property (multi-instance input collection); items become variable values. */
export function evaluateList(value: string, context: Variables, options: FeelOptions = {}): FeelResult<unknown[]> {
  const result = evaluateProperty(value, context, options);
  if (!result.ok) return result;
  return Array.isArray(result.value) ? { ok: true, value: result.value.map(toVariableValue) } : typeFailure(result, 'ARRAY');
}

/**
 * A list of strings (candidate groups and users). A static value is comma-separated text, which
 * Zeebe turns into a list when it reads the model.
 */
export function evaluateStringList(value: string, context: Variables, options: FeelOptions = {}): FeelResult<string[]> {
  if (!isExpression(value)) return { ok: true, value: value.split(',').map((item) => item.trim()).filter((item) => item !== '') };
  const result = evaluateProperty(value, context, options);
  if (!result.ok) return result;
  if (!Array.isArray(result.value)) return typeFailure(result, 'ARRAY');
  const items = result.value;
  if (!items.every((item): item is string => typeof item === 'string')) {
    return failure(`Expected result of the expression '${result.expression}' to be 'ARRAY' containing 'STRING' items, but was 'ARRAY' containing at least one non-'STRING' item.`, result.warnings);
  }
  return { ok: true, value: items };
}
