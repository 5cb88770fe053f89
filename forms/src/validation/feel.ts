/**
 * `conditional.hide` tests. feelin parses on every call (about a millisecond), which a 200-field
 * form cannot afford per submission, so the common shapes — a variable or path, alone or
 * compared with a literal of the same type (or null) — are answered directly with FEEL's
 * semantics; everything else, and mixed types, go to feelin with only the variables the
 * expression names.
 *
 * Why feelin here and not the engine's FEEL (engine-adapter's evaluateFeel, Zeebe's semantics,
 * which connectors use): these conditions decide what the citizen's browser hides, and form-js
 * evaluates them there with plain feelin. The server must hide exactly what the browser hid, so
 * it follows form-js, not Zeebe, wherever the two differ (the engine rewrites expressions and
 * adds built-ins to match FEEL-Scala; form-js does neither).
 */
import { unaryTest } from 'feelin';

/** Variables in scope: form-js puts the data's keys over `this`/`parent`/`i`, and `_this_` etc. over both. */
export interface FeelScope {
  root: Record<string, unknown>;
  this: unknown;
  parent: unknown;
  i: number[];
}

const SIMPLE = /^\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*(?:(=|!=|<=|>=|<|>)\s*("[^"\\]*"|-?\d+(?:\.\d+)?|true|false|null)\s*)?$/;

function variable(scope: FeelScope, name: string): unknown {
  if (name === '_this_') return scope.this;
  if (name === '_parent_') return scope.parent;
  if (name === '_i_') return scope.i;
  if (Object.hasOwn(scope.root, name)) return scope.root[name];
  if (name === 'this') return scope.this;
  if (name === 'parent') return scope.parent;
  if (name === 'i') return scope.i;
  return undefined;
}

/** Marks a path FEEL reads differently from plain property access (a path into a list maps over it). */
const UNSURE = Symbol('unsure');

function resolvePath(scope: FeelScope, path: string): unknown {
  const [first, ...rest] = path.split('.');
  let value = variable(scope, first!);
  for (const key of rest) {
    if (Array.isArray(value)) return UNSURE;
    value = value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value ?? null;
}

function literal(text: string): unknown {
  if (text === 'null') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.startsWith('"')) return text.slice(1, -1);
  return Number(text);
}

/** The answer without feelin, or undefined when feelin must decide. */
function fastPath(expression: string, scope: FeelScope): boolean | null | undefined {
  const match = SIMPLE.exec(expression);
  if (!match) return undefined;
  const value = resolvePath(scope, match[1]!);
  if (value === UNSURE) return undefined;
  const operator = match[2];
  // A unary test whose expression is not boolean compares it with the (absent) input: null holds.
  if (!operator) return typeof value === 'boolean' ? value : value === null ? true : undefined;
  const expected = literal(match[3]!);
  if (expected === null || value === null) {
    if (operator === '=') return value === expected;
    if (operator === '!=') return value !== expected;
    return undefined;
  }
  if (typeof value !== typeof expected || typeof value === 'object') return undefined;
  switch (operator) {
    case '=':
      return value === expected;
    case '!=':
      return value !== expected;
    default:
      if (typeof value !== 'number') return undefined;
      if (operator === '<') return value < (expected as number);
      if (operator === '<=') return value <= (expected as number);
      if (operator === '>') return value > (expected as number);
      return value >= (expected as number);
  }
}

/** Plain copies: feelin cannot read objects without Object.prototype (which JSON.parse never makes, but callers might). */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function feelContext(expression: string, scope: FeelScope): Record<string, unknown> {
  const [self, parent] = [plain(scope.this), plain(scope.parent)];
  const context: Record<string, unknown> = { this: self, i: scope.i, parent };
  for (const key of Object.keys(scope.root)) if (expression.includes(key)) context[key] = plain(scope.root[key]);
  return { ...context, _this_: self, _i_: scope.i, _parent_: parent };
}

/** Whether a `=`-prefixed FEEL unary test holds (form-js hides only on exactly true). */
export function feelTestHolds(expression: string, scope: FeelScope): boolean {
  if (!expression.startsWith('=')) return false;
  const body = expression.slice(1);
  const quick = fastPath(body, scope);
  if (quick !== undefined) return quick === true;
  try {
    return unaryTest(body, feelContext(body, scope)).value === true;
  } catch {
    return false;
  }
}
