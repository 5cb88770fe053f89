/**
 * Camunda's FEEL built-ins that feelin lacks or implements only in part, handed to feelin as
 * functions in the evaluation context (its way of adding functions; context entries win over its
 * own built-ins, so an entry here can also extend a built-in with Camunda's extra overloads).
 * Behaviour follows the Camunda 8 FEEL docs; invalid arguments give null, as FEEL does.
 */
import { randomUUID } from 'node:crypto';
import { dateAndTime, evaluate, FeelDate, FeelDateTime, FeelDuration, FeelTime, isRange, parseDate } from 'feelin';
import { rangeFunctions } from './ranges.js';
import { COMPARE } from './rewrite.js';
import { toJsonValue } from './temporal.js';

/** A function as feelin calls it: positional arguments, parameter names (for named calls) in `$args`. */
export type FeelFunctionValue = ((...args: never[]) => unknown) & { $args: string[] };

function fn<F extends (...args: never[]) => unknown>(params: string[], body: F): F & { $args: string[] } {
  return Object.assign(body, { $args: params });
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isList = (value: unknown): value is unknown[] => Array.isArray(value);
const isContext = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isRange(value)
  && !(value instanceof FeelDate) && !(value instanceof FeelDateTime) && !(value instanceof FeelDuration);

/** feelin's own implementation of a built-in, for the overloads it already handles. */
function feelinBuiltin(name: string): (...args: unknown[]) => unknown {
  const builtin = evaluate(`\`${name}\``, {}, 'camunda').value;
  if (typeof builtin !== 'function') throw new Error(`feelin has no built-in '${name}'`);
  // Called the way feelin calls it positionally: without trailing missing arguments.
  return (...args: unknown[]) => {
    const given = args.slice(0, args.findLastIndex((arg) => arg !== undefined) + 1);
    return (builtin as (...args: unknown[]) => unknown)(...given);
  };
}

const feelinGetValue = feelinBuiltin('get value');
const feelinDateAndTime = feelinBuiltin('date and time');

/**
 * feelin's built-ins under Camunda's parameter names, so named calls work (`abs(number: -1)`);
 * feelin still does the work. Overloads differ in names, so each position takes either name.
 */
function renamed(name: string, params: string[], pick: (...args: unknown[]) => unknown[]): FeelFunctionValue {
  const builtin = feelinBuiltin(name);
  return fn(params, (...args: unknown[]) => builtin(...pick(...args)));
}

const renamedBuiltins: Record<string, FeelFunctionValue> = {
  'get entries': renamed('get entries', ['context'], (context) => [context]),
  sublist: renamed('sublist', ['list', 'start position', 'length'], (...args) => args),
  append: renamed('append', ['list', '...items'], (...args) => args),
  concatenate: renamed('concatenate', ['...lists'], (...args) => args),
  abs: renamed('abs', ['n', 'number'], (n, number) => [n ?? number]),
  includes: renamed('includes', ['range', 'point', 'range1', 'range2'], (range, point, range1, range2) => [range ?? range1, point ?? range2]),
  // before(range, point) and before(point, range) share their names: those two stay positional.
  before: renamed('before', ['point1', 'point2', 'range1', 'range2'], (a, b, c, d) => [a ?? c, b ?? d]),
  after: renamed('after', ['point1', 'point2', 'range1', 'range2'], (a, b, c, d) => [a ?? c, b ?? d]),
};

/** A canonical key for FEEL equality of JSON-like values (type + JSON with sorted keys). */
function equalityKey(value: unknown): string {
  const sorted = (v: unknown): unknown => isList(v) ? v.map(sorted)
    : typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, e]) => [k, sorted(e)]))
      : v;
  const type = value instanceof FeelDate || value instanceof FeelDateTime || value instanceof FeelDuration ? value.constructor.name : typeof value;
  return `${type}:${JSON.stringify(sorted(toJsonValue(value)))}`;
}

function joinStrings(list: unknown, delimiter: unknown = '', prefix: unknown = '', suffix: unknown = ''): string | null {
  if (!isList(list) || !isString(delimiter) || !isString(prefix) || !isString(suffix)) return null;
  if (!list.every((item) => item === null || isString(item))) return null;
  return prefix + list.filter(isString).join(delimiter) + suffix;
}

/** Java's String.trim: strips code points up to U+0020 (spaces and control characters). */
// eslint-disable-next-line no-control-regex
const trimJava = (value: string): string => value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function putPath(context: Record<string, unknown>, keys: string[], value: unknown): Record<string, unknown> {
  const [key, ...rest] = keys as [string, ...string[]];
  if (rest.length === 0) return { ...context, [key]: value };
  const inner = context[key];
  return { ...context, [key]: putPath(isContext(inner) ? inner : {}, rest, value) };
}

/** `date and time(date, timezone)`: the same instant in another zone; a local date-time counts as UTC. */
function inZone(dateTime: FeelDateTime, timezone: string): FeelDateTime | null {
  try {
    const zone = timezone === 'Z' ? 'UTC' : timezone;
    const local = dateTime.value.toZonedDateTime(dateTime.zone ?? 'UTC').withTimeZone(zone).toPlainDateTime();
    return new FeelDateTime(local, zone);
  } catch {
    return null;
  }
}

/** Zeebe's own `cycle()` (FeelFunctionProvider): builds a timeCycle string from a duration. */
function cycle(first: unknown, second?: unknown): string | null {
  const [repetitions, interval] = second === undefined ? [null, first] : [first, second];
  if (!(interval instanceof FeelDuration)) return null;
  if (repetitions === null || repetitions === undefined) return `R/${interval.toString()}`;
  return typeof repetitions === 'number' ? `R${Math.trunc(repetitions)}/${interval.toString()}` : null;
}

/** The built-ins that need nothing from the evaluation. */
export const staticBuiltins: Record<string, FeelFunctionValue> = {
  ...renamedBuiltins,
  // boolean
  'is defined': fn(['value'], (value: unknown) => value !== null && value !== undefined),
  'get or else': fn(['value', 'default'], (value: unknown, fallback: unknown) => value ?? fallback ?? null),
  // string
  extract: fn(['string', 'pattern'], (string: unknown, pattern: unknown) => {
    if (!isString(string) || !isString(pattern)) return null;
    try {
      return [...string.matchAll(new RegExp(pattern, 'gu'))].map((match) => match[0]);
    } catch {
      return null;
    }
  }),
  trim: fn(['string'], (string: unknown) => isString(string) ? trimJava(string) : null),
  uuid: fn([], () => randomUUID()),
  'to base64': fn(['value'], (value: unknown) => isString(value) ? Buffer.from(value, 'utf8').toString('base64') : null),
  'from base64': fn(['value'], (value: unknown) =>
    isString(value) && BASE64.test(value) ? Buffer.from(value, 'base64').toString('utf8') : null),
  'is blank': fn(['string'], (string: unknown) => isString(string) ? string.trim() === '' : null),
  // list
  'duplicate values': fn(['list'], (list: unknown) => {
    if (!isList(list)) return null;
    // Each duplicated value once, in the order of its first occurrence.
    const counts = new Map<string, { item: unknown; count: number }>();
    for (const item of list) {
      const key = equalityKey(item);
      const entry = counts.get(key) ?? { item, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
    return [...counts.values()].filter(({ count }) => count > 1).map(({ item }) => item);
  }),
  'string join': fn(['list', 'delimiter', 'prefix', 'suffix'], (list: unknown, delimiter?: unknown, prefix?: unknown, suffix?: unknown) =>
    // Camunda has (list), (list, delimiter) and (list, delimiter, prefix, suffix), no 3-argument form.
    prefix !== undefined && suffix === undefined ? null : joinStrings(list, delimiter, prefix, suffix)),
  'is empty': fn(['list'], (list: unknown) => isList(list) ? list.length === 0 : null),
  partition: fn(['list', 'size'], (list: unknown, size: unknown) => {
    if (!isList(list) || typeof size !== 'number' || !Number.isInteger(size) || size <= 0) return null;
    return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  }),
  // context: feelin lacks the `keys` (path) overloads
  'get value': fn(['context', 'key', 'keys'], (context: unknown, key?: unknown, keys?: unknown) => {
    const path = key ?? keys;
    if (!isList(path)) return feelinGetValue(context, path);
    if (path.length === 0 || !path.every(isString)) return null;
    return path.reduce<unknown>((value, k) => isContext(value) && Object.hasOwn(value, k) ? value[k] : null, context);
  }),
  'context put': fn(['context', 'key', 'value', 'keys'], (context: unknown, key: unknown, value: unknown, keys?: unknown) => {
    const path = isString(key) ? [key] : key ?? keys;
    if (!isContext(context) || !isList(path) || path.length === 0 || !path.every(isString)) return null;
    return putPath(context, path, value);
  }),
  // conversion
  'from json': fn(['value'], (value: unknown) => {
    if (!isString(value)) return null;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }),
  'to json': fn(['value'], (value: unknown) => JSON.stringify(toJsonValue(value))),
  'date and time': fn(['date', 'time', 'from', 'timezone'], (date: unknown, time?: unknown, from?: unknown, timezone?: unknown) => {
    const zone = timezone ?? (isString(time) ? time : undefined);
    if (zone !== undefined) return date instanceof FeelDateTime && isString(zone) ? inZone(date, zone) : null;
    return feelinDateAndTime(date, time, from);
  }),
  // temporal
  'last day of month': fn(['date'], (date: unknown) => {
    if (!(date instanceof FeelDate) && !(date instanceof FeelDateTime)) return null;
    const day = date instanceof FeelDate ? date.value : date.value.toPlainDate();
    return new FeelDate(day.with({ day: day.daysInMonth }));
  }),
  // numeric
  'random number': fn([], () => Math.random()),
  // miscellaneous: fromAi only tags a value for AI agent connectors
  fromAi: fn(['value', 'description', 'type', 'schema', 'options'], (value: unknown) => value ?? null),
  // Zeebe's FeelFunctionProvider: cycle(interval) / cycle(repetitions, interval)
  cycle: fn(['repetitions', 'interval'], cycle),
  ...Object.fromEntries(Object.entries(rangeFunctions).map(([name, { params, body }]) => [name, fn(params, body)])),
};

/**
 * What built-ins report back to the evaluation: a failed assert (recorded rather than thrown, so
 * the evaluation can report it with its warnings) and warnings of their own.
 */
export interface EvaluationScope { assertFailure: string | null; warnings: string[] }

const describe = (value: unknown): string => {
  const json = toJsonValue(value);
  return typeof value === 'string' || (typeof json === 'object' && json !== null) ? JSON.stringify(json) : String(json);
};

/** Whether FEEL-Scala orders these two values: same type (and both local or both zoned). */
function comparable(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof a === 'string') return typeof a === typeof b;
  if (a instanceof FeelDuration) return b instanceof FeelDuration && a.yearsMonths === b.yearsMonths;
  if (a instanceof FeelDate) return b instanceof FeelDate;
  if (a instanceof FeelDateTime) return b instanceof FeelDateTime && (a.zone === null) === (b.zone === null);
  if (a instanceof FeelTime) return b instanceof FeelTime && (a.zone === null) === (b.zone === null);
  return false;
}

/** `a < b` and friends as FEEL-Scala: null for null, null with NOT_COMPARABLE for mixed types. */
function compare(scope: EvaluationScope, a: unknown, operator: unknown, b: unknown): boolean | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (!comparable(a, b)) {
    scope.warnings.push(`[NOT_COMPARABLE] Can't compare '${describe(a)}' with '${describe(b)}'`);
    return null;
  }
  if (typeof a === 'number' || typeof a === 'string') {
    const [x, y] = [a, b as typeof a];
    return operator === '<' ? x < y : operator === '<=' ? x <= y : operator === '>' ? x > y : x >= y;
  }
  // Temporal values: feelin knows how to order them.
  const result = evaluate(`a ${String(operator)} b`, { a, b }).value;
  return typeof result === 'boolean' ? result : null;
}

/** The built-ins for one evaluation: assert reports into the scope, now() / today() read the engine clock. */
export function builtinsFor(scope: EvaluationScope, now?: number): Record<string, FeelFunctionValue> {
  const functions: Record<string, FeelFunctionValue> = {
    ...staticBuiltins,
    [COMPARE]: fn(['a', 'operator', 'b'], (a: unknown, operator: unknown, b: unknown) => compare(scope, a, operator, b)),
    assert: fn(['value', 'condition', 'cause'], (value: unknown, condition: unknown, cause?: unknown) => {
      if (condition === true) return value;
      scope.assertFailure ??= isString(cause) ? cause : 'The condition is not fulfilled';
      return null;
    }),
  };
  if (now !== undefined) {
    const instant = new Date(now).toISOString();
    functions.now = fn([], () => dateAndTime(instant));
    functions.today = fn([], () => parseDate(instant.slice(0, 10)));
  }
  return functions;
}
