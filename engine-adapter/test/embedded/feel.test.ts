import { camundaBuiltins } from '@camunda/feel-builtins';
import { describe, expect, it } from 'vitest';
import {
  addDuration, evaluateCondition, evaluateCorrelationKey, evaluateDateTime, evaluateDuration, evaluateExpression,
  evaluateInteger, evaluateList, evaluateString, evaluateStringList, evaluateTimeCycle, intervalDueDate, isExpression,
  nextCycleDueDate, parseError, type FeelResult,
} from '../../src/embedded/feel/index.js';

type Vars = Record<string, unknown>;

/** The value of a successful evaluation (fails the test with the message otherwise). */
function value(expression: string, context: Vars = {}): unknown {
  const result = evaluateExpression(expression, context);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function message(result: FeelResult<unknown>): string {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.message;
}

const ok = <T>(value: T) => ({ ok: true, value });

describe('isExpression', () => {
  it('treats `=` followed by text as FEEL, anything else as static', () => {
    expect(isExpression('=x')).toBe(true);
    expect(isExpression('= x + 1')).toBe(true);
    expect(isExpression('=')).toBe(false);
    expect(isExpression('x')).toBe(false);
    expect(isExpression(' =x')).toBe(false);
    expect(isExpression('')).toBe(false);
  });
});

describe('evaluateExpression', () => {
  it('evaluates literals and arithmetic', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('10 / 4')).toBe(2.5);
    expect(value('2 ** 10')).toBe(1024);
    expect(value('-5 + 2')).toBe(-3);
    expect(value('"a" + "b"')).toBe('ab');
    expect(value('true and not(false)')).toBe(true);
    expect(value('null')).toBe(null);
    expect(value('1 / 0')).toBe(null);
  });

  it('accepts a leading `=`', () => {
    expect(value('=1 + 1')).toBe(2);
  });

  it('reads variables, paths, filters and projections', () => {
    const order = { id: 'o-1', amount: 120, customer: { name: 'Ada', address: { city: 'Vilnius' } }, items: [{ sku: 'a', price: 5, qty: 2 }, { sku: 'b', price: 20, qty: 1 }] };
    expect(value('order.customer.address.city', { order })).toBe('Vilnius');
    expect(value('order.items[price > 10].sku', { order })).toEqual(['b']);
    expect(value('order.items.sku', { order })).toEqual(['a', 'b']);
    expect(value('order.items[1].price', { order })).toBe(5);
    expect(value('order.items[-1].sku', { order })).toBe('b');
    expect(value('sum(for item in order.items return item.price * item.qty)', { order })).toBe(30);
    expect(value('order.amount > 100 and order.customer.name = "Ada"', { order })).toBe(true);
    expect(value('[1, 2, 3, 4][item > 2]')).toEqual([3, 4]);
    expect(value('[1, 2, 3][5]')).toBe(null);
  });

  it('applies filters that are function calls or comparisons to each item, like FEEL-Scala', () => {
    expect(value('[1, 2, 3, 4][even(item)]')).toEqual([2, 4]);
    expect(value('people[starts with(name, "A")].name', { people: [{ name: 'Ada' }, { name: 'Bob' }, { name: 'Alan' }] })).toEqual(['Ada', 'Alan']);
    expect(value('[1, 2, 3][(item > 1)]')).toEqual([2, 3]);
    expect(value('[{a: 1}, {a: 5}][a > 2 and a < 10]')).toEqual([{ a: 5 }]);
    expect(value('[1, 2, 3][item = 2]')).toEqual([2]);
    expect(value('list[i]', { list: ['a', 'b', 'c'], i: 2 })).toBe('b');
    expect(value('list[1 + 1]', { list: ['a', 'b', 'c'] })).toBe('b');
    expect(value('list[true]', { list: ['a', 'b'] })).toEqual(['a', 'b']);
  });

  it('reads names that need backticks', () => {
    expect(value('`order-id` + 1', { 'order-id': 41 })).toBe(42);
  });

  it('builds contexts and lists', () => {
    expect(value('{a: 1, b: a + 1, c: {d: [b, 3]}}')).toEqual({ a: 1, b: 2, c: { d: [2, 3] } });
    expect(value('{a: 1}.a')).toBe(1);
    expect(value('[1, [2, 3]]')).toEqual([1, [2, 3]]);
    expect(value('for x in 1..3 return x * x')).toEqual([1, 4, 9]);
    expect(value('some x in [1, 5] satisfies x > 3')).toBe(true);
    expect(value('every x in [1, 5] satisfies x > 3')).toBe(false);
    expect(value('if x > 1 then "big" else "small"', { x: 2 })).toBe('big');
    expect(value('5 in [1..10]')).toBe(true);
    expect(value('"b" in ("a", "b")')).toBe(true);
    expect(value('3 between 1 and 5')).toBe(true);
    expect(value('"x" instance of string')).toBe(true);
  });

  it('runs the standard string functions', () => {
    expect(value('substring("foobar", 3)')).toBe('obar');
    expect(value('substring("foobar", -3, 2)')).toBe('ba');
    expect(value('string length("foo")')).toBe(3);
    expect(value('upper case("aBc4")')).toBe('ABC4');
    expect(value('lower case("aBc4")')).toBe('abc4');
    expect(value('substring before("foobar", "bar")')).toBe('foo');
    expect(value('substring after("foobar", "ob")')).toBe('ar');
    expect(value('contains("foobar", "of")')).toBe(false);
    expect(value('starts with("foobar", "fo")')).toBe(true);
    expect(value('ends with("foobar", "r")')).toBe(true);
    expect(value('matches("FooBar", "foo", "i")')).toBe(true);
    expect(value('replace("abcd", "(ab)|(a)", "[1=$1][2=$2]")')).toBe('[1=ab][2=]cd');
    expect(value('split("a;b;c;;", ";")')).toEqual(['a', 'b', 'c', '', '']);
    expect(value('string(1.1)')).toBe('1.1');
    expect(value('number("1 500.5", " ", ".")')).toBe(1500.5);
  });

  it('runs the standard list and numeric functions', () => {
    expect(value('count([1, 2, 3])')).toBe(3);
    expect(value('min([1, 2, 3])')).toBe(1);
    expect(value('max(1, 2, 3)')).toBe(3);
    expect(value('mean([1, 2, 3])')).toBe(2);
    expect(value('median([6, 1, 2, 3])')).toBe(2.5);
    expect(value('mode([6, 1, 9, 6, 1])')).toEqual([1, 6]);
    expect(value('all([true, false])')).toBe(false);
    expect(value('any([false, true])')).toBe(true);
    expect(value('sublist([1, 2, 3], 2)')).toEqual([2, 3]);
    expect(value('append([1], 2, 3)')).toEqual([1, 2, 3]);
    expect(value('concatenate([1, 2], [3])')).toEqual([1, 2, 3]);
    expect(value('insert before([1, 3], 1, 2)')).toEqual([2, 1, 3]);
    expect(value('remove([1, 2, 3], 2)')).toEqual([1, 3]);
    expect(value('reverse([1, 2, 3])')).toEqual([3, 2, 1]);
    expect(value('index of([1, 2, 3, 2], 2)')).toEqual([2, 4]);
    expect(value('union([1, 2], [2, 3])')).toEqual([1, 2, 3]);
    expect(value('distinct values([1, 2, 3, 2, 1])')).toEqual([1, 2, 3]);
    expect(value('flatten([[1, 2], [[3]], 4])')).toEqual([1, 2, 3, 4]);
    expect(value('sort(list: [3, 1, 4, 5, 2], precedes: function(x, y) x < y)')).toEqual([1, 2, 3, 4, 5]);
    expect(value('list contains([1, 2, 3], 2)')).toBe(true);
    expect(value('decimal(1/3, 2)')).toBe(0.33);
    expect(value('floor(-1.5)')).toBe(-2);
    expect(value('ceiling(1.5)')).toBe(2);
    expect(value('round half up(2.5, 0)')).toBe(3);
    expect(value('abs(-3)')).toBe(3);
    expect(value('modulo(-12, 5)')).toBe(3);
    expect(value('odd(5)')).toBe(true);
  });

  it('runs the standard context functions', () => {
    expect(value('get entries({foo: 123})')).toEqual([{ key: 'foo', value: 123 }]);
    expect(value('context([{"key": "a", "value": 1}, {"key": "b", "value": 2}])')).toEqual({ a: 1, b: 2 });
    expect(value('context merge([{x: 1, y: 0}, {y: 2}])')).toEqual({ x: 1, y: 2 });
    expect(value('context put({x: 1}, "y", 2)')).toEqual({ x: 1, y: 2 });
    expect(value('get value({foo: 123}, "foo")')).toBe(123);
  });

  it('calls built-ins even when a variable has the same name, as Zeebe does', () => {
    expect(value('count(items) + count', { count: 10, items: [1, 2] })).toBe(12);
    expect(value('date(date) + duration("P1D")', { date: '2026-11-21' })).toBe('2026-11-22');
    expect(value('trim(trim)', { trim: '  x ' })).toBe('x');
    expect(value('string join(list, ",")', { list: ['a', 'b'], 'string join': 'shadow' })).toBe('a,b');
  });

  it('accepts any variable names, including ones FEEL cannot spell', () => {
    const names = { a: 1, 'odd\nname': 2, 'with `tick`': 4, '': 5, ...JSON.parse('{"__proto__": 3, "count": 6}') };
    expect(value('a + 1', names)).toBe(2);
  });

  it('calls built-ins by Camunda\'s parameter names', () => {
    expect(value('abs(number: -1)')).toBe(1);
    expect(value('append(list: [1], items: [2, 3])')).toEqual([1, 2, 3]);
    expect(value('sublist(list: [1, 2, 3], start position: 2)')).toEqual([2, 3]);
    expect(value('get entries(context: {a: 1})')).toEqual([{ key: 'a', value: 1 }]);
    expect(value('includes(range: [1..5], point: 3)')).toBe(true);
    expect(value('before(point1: 1, point2: 2)')).toBe(true);
    expect(value('string join(list: ["a", "b"], delimiter: "-")')).toBe('a-b');
  });

  it('uses the engine clock for now() and today()', () => {
    const now = Date.UTC(2026, 10, 21, 10, 15, 30);
    const at = (expression: string) => evaluateExpression(expression, {}, { now });
    expect(at('now()')).toMatchObject(ok('2026-11-21T10:15:30Z'));
    expect(at('today()')).toMatchObject(ok('2026-11-21'));
    expect(at('now() + duration("PT1H")')).toMatchObject(ok('2026-11-21T11:15:30Z'));
    const system = value('now()') as string;
    expect(Math.abs(Date.parse(system) - Date.now())).toBeLessThan(60_000);
  });
});

describe('null handling (Camunda 8.3+: missing data is null, with warnings)', () => {
  it('gives null for a missing variable, context entry or property', () => {
    expect(evaluateExpression('x', {})).toEqual({ ok: true, value: null, warnings: ["[NO_VARIABLE_FOUND] No variable found with name 'x'"] });
    expect(value('x.y')).toBe(null);
    expect(value('x.y.z', { x: { y: null } })).toBe(null);
    expect(value('{a: 1}.b')).toBe(null);
    expect(value('[{a: 1}, {b: 2}].a')).toEqual([1, null]);
    expect(value('[{a: 1}, {b: 2}][a < 10]')).toEqual([{ a: 1 }]);
  });

  it('propagates null through operators and tests', () => {
    expect(value('x + 1')).toBe(null);
    expect(value('x > 5')).toBe(null);
    expect(value('x = null')).toBe(true);
    expect(value('x != null and x > 5')).toBe(false);
    expect(value('true and null')).toBe(null);
    expect(value('false and x')).toBe(false);
    expect(value('null = null')).toBe(true);
    expect(value('upper case(null)')).toBe(null);
    expect(value('unknownFunction(1)')).toBe(null);
  });

  it('keeps a variable that is null apart from a missing one', () => {
    expect(evaluateExpression('x', { x: null })).toEqual({ ok: true, value: null, warnings: [] });
  });
});

describe('ordering comparisons (FEEL-Scala: mixed types are not comparable)', () => {
  it('orders numbers, strings and temporal values', () => {
    expect(value('1 < 2 and 2 <= 2 and 3 > 2 and 3 >= 4')).toBe(false);
    expect(value('"a" < "b"')).toBe(true);
    expect(value('date("2020-01-01") < date("2020-02-01")')).toBe(true);
    expect(value('@"2020-01-01T10:00:00+01:00" < @"2020-01-01T09:30:00Z"')).toBe(true);
    expect(value('time("10:00:00") >= time("09:00:00")')).toBe(true);
    expect(value('duration("P1D") > duration("PT1H")')).toBe(true);
    expect(value('duration("P1Y") > duration("P11M")')).toBe(true);
    expect(value('[1, 5, 10][item > 3]')).toEqual([5, 10]);
    expect(value('order.items[price >= 10].sku', { order: { items: [{ sku: 'a', price: 5 }, { sku: 'b', price: 10 }] } })).toEqual(['b']);
    expect(value('if count(xs) > 2 then "many" else "few"', { xs: [1, 2, 3] })).toBe('many');
    expect(value('{ big: n > 10, list: [n < 1] }', { n: 11 })).toEqual({ big: true, list: [false] });
    expect(value('(1 < 2) = true')).toBe(true);
    expect(value('5 in < 10')).toBe(true);
    expect(value('1 < 2 // a comment with > in it')).toBe(true);
  });

  it('keeps the rest of the expression intact around rewritten comparisons', () => {
    expect(value('[1, 2, 3][item > count([1])]')).toEqual([2, 3]);
    expect(value('for x in [1, 5] return x > 2')).toEqual([false, true]);
    expect(value('if a > 1 then (b < 2) else c >= 3', { a: 0, b: 1, c: 3 })).toBe(true);
    expect(value('count(items) > count', { count: 1, items: [1, 2] })).toBe(true);
    expect(value('get value({"x>y": 1}, "x>y") + 1')).toBe(2);
    expect(value('"a>b" = "a>b"')).toBe(true);
    expect(value('x between 1 and 3 and not(x > 2)', { x: 2 })).toBe(true);
    expect(value('-1 < -0.5')).toBe(true);
  });

  it('filters large lists quickly', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: i, price: i % 100 }));
    const started = performance.now();
    expect((value('items[price > 97]', { items }) as unknown[]).length).toBe(400);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('gives null with a NOT_COMPARABLE warning for mixed types', () => {
    expect(evaluateExpression('"99" >= 100', {})).toEqual({ ok: true, value: null, warnings: ['[NOT_COMPARABLE] Can\'t compare \'"99"\' with \'100\''] });
    expect(value('true < 1')).toBe(null);
    expect(value('date("2020-01-01") < date and time("2020-01-01T10:00:00")')).toBe(null);
    expect(value('@"2020-01-01T10:00:00" < @"2020-01-01T10:00:00Z"')).toBe(null);
    expect(value('duration("P1Y") > duration("PT1H")')).toBe(null);
    expect(evaluateExpression('x > 5', {})).toEqual({ ok: true, value: null, warnings: ["[NO_VARIABLE_FOUND] No variable found with name 'x'"] });
  });

  it('turns a mistyped condition into the incident the Camunda docs show', () => {
    expect(message(evaluateCondition('=orderValue >= 100', { orderValue: '99' }))).toBe(
      "Expected result of the expression 'orderValue >= 100' to be 'BOOLEAN', but was 'NULL'. The evaluation reported the following warnings:\n"
      + "[NOT_COMPARABLE] Can't compare '\"99\"' with '100'");
  });
});

describe('failures', () => {
  it('reports syntax errors instead of throwing', () => {
    expect(message(evaluateExpression('1 +', {}))).toMatch(/^failed to parse expression '1 \+': /);
    expect(message(evaluateExpression('{a: }', {}))).toMatch(/^failed to parse expression/);
    expect(message(evaluateExpression('"unclosed', {}))).toMatch(/^failed to parse expression/);
  });

  it('reports errors inside the interpreter instead of throwing', () => {
    expect(message(evaluateExpression('date("-0001-01-01")', {}))).toMatch(/^failed to evaluate expression 'date\("-0001-01-01"\)': /);
  });

  it('fails a false assert() with Zeebe\'s message and warnings', () => {
    expect(message(evaluateExpression('{o_var_1:assert(some_var, some_var != null)}', {}))).toBe(
      "Assertion failure on evaluate the expression '{o_var_1:assert(some_var, some_var != null)}': The condition is not fulfilled"
      + ' The evaluation reported the following warnings:\n'
      + "[NO_VARIABLE_FOUND] No variable found with name 'some_var'\n"
      + "[NO_VARIABLE_FOUND] No variable found with name 'some_var'\n"
      + '[ASSERT_FAILURE] The condition is not fulfilled',
    );
    expect(message(evaluateExpression('assert(x, x >= 0, "\'x\' should be positive")', { x: -1 })))
      .toBe("Assertion failure on evaluate the expression 'assert(x, x >= 0, \"'x' should be positive\")': 'x' should be positive"
        + " The evaluation reported the following warnings:\n[ASSERT_FAILURE] 'x' should be positive");
    expect(value('assert(x, x >= 0)', { x: 4 })).toBe(4);
  });

  it('finds syntax errors without evaluating (for deployments)', () => {
    expect(parseError('=order.amount > 100')).toBeUndefined();
    expect(parseError('get or else(x, 1)')).toBeUndefined();
    expect(parseError('=a +')).toMatch(/^failed to parse expression 'a \+': /);
  });
});

describe('evaluateCondition', () => {
  it('returns the boolean', () => {
    expect(evaluateCondition('=amount > 100', { amount: 150 })).toEqual({ ok: true, value: true });
    expect(evaluateCondition('amount > 100', { amount: 50 })).toEqual({ ok: true, value: false });
  });

  it('fails for a non-boolean result, listing the warnings', () => {
    expect(message(evaluateCondition('=x', {}))).toBe(
      "Expected result of the expression 'x' to be 'BOOLEAN', but was 'NULL'. The evaluation reported the following warnings:\n"
      + "[NO_VARIABLE_FOUND] No variable found with name 'x'");
    expect(message(evaluateCondition('"yes"', {}))).toBe("Expected result of the expression '\"yes\"' to be 'BOOLEAN', but was 'STRING'.");
    expect(message(evaluateCondition('[true]', {}))).toBe("Expected result of the expression '[true]' to be 'BOOLEAN', but was 'ARRAY'.");
    expect(message(evaluateCondition('{}', {}))).toBe("Expected result of the expression '{}' to be 'BOOLEAN', but was 'OBJECT'.");
  });
});

describe('typed properties', () => {
  it('evaluateString: static text as is, expressions must give a string', () => {
    expect(evaluateString('payment-service', {})).toEqual(ok('payment-service'));
    expect(evaluateString('123', {})).toEqual(ok('123'));
    expect(evaluateString('="svc-" + region', { region: 'eu' })).toEqual(ok('svc-eu'));
    expect(message(evaluateString('=type', {}))).toBe(
      "Expected result of the expression 'type' to be 'STRING', but was 'NULL'. The evaluation reported the following warnings:\n"
      + "[NO_VARIABLE_FOUND] No variable found with name 'type'");
    expect(message(evaluateString('=1', {}))).toBe("Expected result of the expression '1' to be 'STRING', but was 'NUMBER'.");
  });

  it('evaluateCorrelationKey: strings, and numbers as whole-number text', () => {
    expect(evaluateCorrelationKey('=orderId', { orderId: 'o-1' })).toEqual(ok('o-1'));
    expect(evaluateCorrelationKey('=orderId', { orderId: 42 })).toEqual(ok('42'));
    expect(evaluateCorrelationKey('=orderId', { orderId: 42.9 })).toEqual(ok('42'));
    expect(evaluateCorrelationKey('static-key', {})).toEqual(ok('static-key'));
    expect(message(evaluateCorrelationKey('=key', {}))).toBe(
      "Failed to extract the correlation key for 'key': The value must be either a string or a number, but was 'NULL'."
      + " The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'key'");
    expect(message(evaluateCorrelationKey('=[1]', {}))).toMatch(/but was 'ARRAY'\.$/);
  });

  it('evaluateInteger: whole numbers only', () => {
    expect(evaluateInteger('3', {})).toEqual(ok(3));
    expect(evaluateInteger('=retries + 1', { retries: 2 })).toEqual(ok(3));
    expect(message(evaluateInteger('=1.5', {}))).toBe("Expected result of the expression '1.5' to be an integer, but was a decimal.");
    expect(message(evaluateInteger('="3"', {}))).toBe("Expected result of the expression '\"3\"' to be 'NUMBER', but was 'STRING'.");
    expect(message(evaluateInteger('three', {}))).toBe("Expected result of the expression 'three' to be 'NUMBER', but was 'STRING'.");
  });

  it('evaluateList: a list, with items as variable values', () => {
    expect(evaluateList('=items', { items: [1, { a: 2 }] })).toEqual(ok([1, { a: 2 }]));
    expect(evaluateList('=[date("2026-11-21")]', {})).toEqual(ok(['2026-11-21']));
    expect(message(evaluateList('=items', {}))).toBe(
      "Expected result of the expression 'items' to be 'ARRAY', but was 'NULL'. The evaluation reported the following warnings:\n"
      + "[NO_VARIABLE_FOUND] No variable found with name 'items'");
  });

  it('evaluateStringList: a list of strings, or static comma-separated text', () => {
    expect(evaluateStringList('sales, support ,', {})).toEqual(ok(['sales', 'support']));
    expect(evaluateStringList('=groups', { groups: ['a', 'b'] })).toEqual(ok(['a', 'b']));
    expect(message(evaluateStringList('=["a", 1]', {}))).toBe(
      "Expected result of the expression '[\"a\", 1]' to be 'ARRAY' containing 'STRING' items, but was 'ARRAY' containing at least one non-'STRING' item.");
  });
});

describe('results as variable values', () => {
  it('writes temporal values the way Zeebe stores them', () => {
    expect(value('date("2020-04-02")')).toBe('2020-04-02');
    expect(value('time("14:00:00")')).toBe('14:00');
    expect(value('time("10:15:30")')).toBe('10:15:30');
    expect(value('time("10:15:30.5")')).toBe('10:15:30.500');
    expect(value('time("10:31:00Z")')).toBe('10:31:00Z');
    expect(value('time("10:31:00+01:00")')).toBe('10:31:00+01:00');
    expect(value('time("10:31:00@Europe/Paris")')).toBe('10:31:00@Europe/Paris');
    expect(value('date and time("2020-04-01T10:31:10")')).toBe('2020-04-01T10:31:10');
    expect(value('date and time("2020-04-01T10:31:00")')).toBe('2020-04-01T10:31:00');
    expect(value('date and time("2025-04-17T07:42:00Z")')).toBe('2025-04-17T07:42:00Z');
    expect(value('date and time("2026-11-21T10:15:00+01:00")')).toBe('2026-11-21T10:15:00+01:00');
    expect(value('date and time("2020-04-01T10:31:10@Europe/Berlin")')).toBe('2020-04-01T10:31:10+02:00[Europe/Berlin]');
    expect(value('@"2026-11-21T10:15:00@Europe/Vilnius"')).toBe('2026-11-21T10:15:00+02:00[Europe/Vilnius]');
    expect(value('date and time("2026-01-01T10:00:00.5Z")')).toBe('2026-01-01T10:00:00.5Z');
  });

  it('writes normalized durations', () => {
    expect(value('duration("PT2H")')).toBe('PT2H');
    expect(value('duration("P2M")')).toBe('P2M');
    expect(value('duration("PT120H")')).toBe('P5D');
    expect(value('duration("PT119H")')).toBe('P4DT23H');
    expect(value('duration("P4DT3H2M")')).toBe('P4DT3H2M');
    expect(value('duration("P24M")')).toBe('P2Y');
    expect(value('duration("P25M")')).toBe('P2Y1M');
  });

  it('converts inside lists and contexts, and drops functions and ranges', () => {
    expect(value('{x: date("2020-04-02"), y: [duration("P1D"), 1], f: function(a) a, r: [1..5]}'))
      .toEqual({ x: '2020-04-02', y: ['P1D', 1], f: null, r: null });
  });
});

describe('temporal arithmetic', () => {
  it('adds, subtracts and compares', () => {
    expect(value('date("2020-01-31") + duration("P1M")')).toBe('2020-02-29');
    expect(value('date("2020-01-01") - duration("P1D")')).toBe('2019-12-31');
    expect(value('date and time("2020-01-01T10:00:00Z") - date and time("2020-01-01T08:30:00Z")')).toBe('PT1H30M');
    expect(value('date and time("2020-01-01T10:00:00@Europe/Berlin") + duration("PT1H")')).toBe('2020-01-01T11:00:00+01:00[Europe/Berlin]');
    expect(value('date and time("2026-11-21T10:15:00+01:00") = date and time("2026-11-21T09:15:00Z")')).toBe(true);
    expect(value('date("2020-01-01") < date("2020-02-01")')).toBe(true);
    expect(value('duration("P1D") > duration("PT1H")')).toBe(true);
    expect(value('years and months duration(date("2011-12-22"), date("2013-08-24"))')).toMatch(/^P1Y8M/);
  });

  it('reads components and calendar functions', () => {
    expect(value('date and time("2020-01-01T10:00:00Z").hour')).toBe(10);
    expect(value('date("2019-09-17").year')).toBe(2019);
    expect(value('duration("P1DT2H").hours')).toBe(2);
    expect(value('day of week(date("2019-09-17"))')).toBe('Tuesday');
    expect(value('day of year(date("2019-09-17"))')).toBe(260);
    expect(value('week of year(date("2019-09-17"))')).toBe(38);
    expect(value('month of year(date("2019-09-17"))')).toBe('September');
    expect(value('abs(duration("-PT5H"))')).toBe('PT5H');
    expect(value('date(date and time("2012-12-25T11:00:00"))')).toBe('2012-12-25');
    expect(value('date and time(date("2012-12-24"), time("23:59:00"))')).toBe('2012-12-24T23:59:00');
    expect(value('time(14, 30, 0, duration("PT1H"))')).toBe('14:30:00+01:00');
    expect(value('date("2024-06-31")')).toBe(null);
  });
});

describe('Camunda built-ins', () => {
  it('is defined, get or else, assert', () => {
    expect(value('is defined(1)')).toBe(true);
    expect(value('is defined(null)')).toBe(false);
    expect(value('is defined(x)')).toBe(false);
    expect(value('is defined(x.y)', { x: {} })).toBe(false);
    expect(value('get or else("this", "default")')).toBe('this');
    expect(value('get or else(null, "default")')).toBe('default');
    expect(value('get or else(null, null)')).toBe(null);
    expect(value('get or else(value: x, default: 7)')).toBe(7);
    expect(value('assert(x, x != null)', { x: 'value' })).toBe('value');
  });

  it('string extensions', () => {
    expect(value('extract("references are 1234, 1256, 1378", "12[0-9]*")')).toEqual(['1234', '1256']);
    expect(value('extract("abc", "x")')).toEqual([]);
    expect(value('trim("  hello world  ")')).toBe('hello world');
    expect(value('trim("hello   world ")')).toBe('hello   world');
    expect(value('uuid()')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(value('string length(uuid())')).toBe(36);
    expect(value('to base64("FEEL")')).toBe('RkVFTA==');
    expect(value('from base64("RkVFTA==")')).toBe('FEEL');
    expect(value('from base64("not base64!")')).toBe(null);
    expect(value('is blank("")')).toBe(true);
    expect(value('is blank(" ")')).toBe(true);
    expect(value('is blank("hello world")')).toBe(false);
  });

  it('list extensions', () => {
    expect(value('duplicate values([1, 2, 3, 2, 1])')).toEqual([1, 2]);
    expect(value('duplicate values([{a: 1}, {a: 1}, "1", 1])')).toEqual([{ a: 1 }]);
    expect(value('string join(["a", "b", "c"], ", ", "[", "]")')).toBe('[a, b, c]');
    expect(value('string join(["a", null, "c"])')).toBe('ac');
    expect(value('string join(["a", "b", "c"], ", ")')).toBe('a, b, c');
    expect(value('string join([])')).toBe('');
    expect(value('string join(["a", 1])')).toBe(null);
    expect(value('is empty([])')).toBe(true);
    expect(value('is empty([1, 2, 3])')).toBe(false);
    expect(value('partition([1, 2, 3, 4, 5], 2)')).toEqual([[1, 2], [3, 4], [5]]);
    expect(value('partition([], 2)')).toEqual([]);
    expect(value('partition([1, 2], 0)')).toBe(null);
  });

  it('context extensions', () => {
    expect(value('get value({x: 1, y: {z: 0}}, ["y", "z"])')).toBe(0);
    expect(value('get value({x: {y: {z: 0}}}, ["x", "y"])')).toEqual({ z: 0 });
    expect(value('get value({a: {b: 3}}, ["b"])')).toBe(null);
    expect(value('get value({a: 1}, "b")')).toBe(null);
    expect(value('context put({x: 1}, ["y"], 2)')).toEqual({ x: 1, y: 2 });
    expect(value('context put({x: 1, y: {z: 0}}, ["y", "z"], 2)')).toEqual({ x: 1, y: { z: 2 } });
    expect(value('context put({x: 1}, ["y", "z"], 2)')).toEqual({ x: 1, y: { z: 2 } });
    expect(value('context put({x: 1}, [], 2)')).toBe(null);
  });

  it('conversion extensions', () => {
    expect(value('from json("{\\"a\\": 1, \\"b\\": 2}")')).toEqual({ a: 1, b: 2 });
    expect(value('from json("true")')).toBe(true);
    expect(value('from json("\\"2023-06-14\\"")')).toBe('2023-06-14');
    expect(value('from json("{oops")')).toBe(null);
    expect(value('to json({a: 1, b: 2})')).toBe('{"a":1,"b":2}');
    expect(value('to json(true)')).toBe('true');
    expect(value('to json(@"2023-06-14")')).toBe('"2023-06-14"');
    expect(value('to json(@"2025-11-24T10:00:00@Europe/Berlin")')).toBe('"2025-11-24T10:00:00+01:00[Europe/Berlin]"');
    expect(value('to json(@"P3Y")')).toBe('"P3Y"');
    expect(value('to json(time("10:00:00"))')).toBe('"10:00:00"');
    expect(value('date and time(@"2020-07-31T14:27:30@Europe/Berlin", "America/Los_Angeles")'))
      .toBe('2020-07-31T05:27:30-07:00[America/Los_Angeles]');
    expect(value('date and time(@"2020-07-31T14:27:30", "Z")')).toBe('2020-07-31T14:27:30Z');
    expect(value('date and time(@"2020-07-31T14:27:30Z", "Europe/Berlin")')).toBe('2020-07-31T16:27:30+02:00[Europe/Berlin]');
    expect(value('date and time(@"2020-07-31T14:27:30Z", "Nowhere/Special")')).toBe(null);
    expect(value('date and time("2018-04-29T09:30:00+02:00")')).toBe('2018-04-29T09:30:00+02:00');
  });

  it('temporal, numeric and miscellaneous extensions', () => {
    expect(value('last day of month(date("2022-10-01"))')).toBe('2022-10-31');
    expect(value('last day of month(date and time("2024-02-16T12:00:00"))')).toBe('2024-02-29');
    const random = value('random number()') as number;
    expect(random).toBeGreaterThanOrEqual(0);
    expect(random).toBeLessThan(1);
    expect(value('fromAi(toolCall.query, "The search query", "string")', { toolCall: { query: 'feel' } })).toBe('feel');
    expect(value('fromAi(value: 5, type: "number")')).toBe(5);
    expect(value('cycle(duration("PT1H"))')).toBe('R/PT1H');
    expect(value('cycle(3, duration("PT10S"))')).toBe('R3/PT10S');
    expect(value('cycle(null, duration("P1D"))')).toBe('R/P1D');
  });

  it('range functions, with the examples from the Camunda docs', () => {
    const cases: Array<[string, boolean]> = [
      ['before(1, 10)', true], ['before([1..5], 10)', true], ['before(1, [2..5])', true], ['before([1..5), [5..10])', true],
      ['after(12, [2..5])', true], ['after([5..10], [1..5))', true],
      ['meets([1..5], [5..10])', true], ['meets([1..5], (5..8])', false], ['met by([5..10], [1..5))', false],
      ['overlaps([5..10], [1..6])', true], ['overlaps([1..3], (3..6])', false],
      ['overlaps before([1..5], [4..10])', true], ['overlaps before([3..4], [1..2])', false], ['overlaps before([1..3], (3..5])', false],
      ['overlaps before([1..5), (3..8])', true], ['overlaps before([1..5), [5..10])', false],
      ['overlaps after([4..10], [1..5])', true], ['overlaps after([3..4], [1..2])', false], ['overlaps after([3..5], [1..3))', false],
      ['overlaps after((5..8], [1..5))', false], ['overlaps after([4..10], [1..5))', true],
      ['finishes(5, [1..5])', true], ['finishes(10, [1..7])', false], ['finishes([3..5], [1..5])', true],
      ['finishes((1..5], [1..5))', false], ['finishes([5..10], [1..10))', false],
      ['finished by([5..10], 10)', true], ['finished by([3..4], 2)', false], ['finished by([1..5], [3..5])', true],
      ['finished by((5..8], [1..5))', false], ['finished by([5..10], (1..10))', false],
      ['includes([5..10], 6)', true], ['includes([1..10], [4..6])', true], ['includes((5..8], [1..5))', false],
      ['during(5, [1..10])', true], ['during(12, [1..10])', false], ['during(1, (1..10])', false],
      ['during([4..6], [1..10))', true], ['during((1..5], (1..10])', true],
      ['starts(1, [1..5])', true], ['starts(1, (1..8])', false], ['starts((1..5], [1..5])', false],
      ['starts([1..10], [1..5])', false], ['starts((1..5), (1..10))', true],
      ['started by([1..10], 1)', true], ['started by((1..10], 1)', false], ['started by([1..10], [1..5])', true],
      ['started by((1..10], [1..5))', false], ['started by([1..10], [1..10))', true],
      ['coincides(5, 5)', true], ['coincides(3, 4)', false], ['coincides([1..5], [1..5])', true],
      ['coincides((1..5], [1..5))', false], ['coincides([1..5], [2..6])', false],
      ['during(date("2020-06-01"), [date("2020-01-01")..date("2020-12-31")])', true],
      ['finishes(range1: [3..5], range2: [1..5])', true],
    ];
    for (const [expression, expected] of cases) expect([expression, value(expression)]).toEqual([expression, expected]);
  });

  it('every built-in listed by @camunda/feel-builtins can be called with its documented arity', () => {
    const notCallable: string[] = [];
    for (const builtin of camundaBuiltins) {
      const call = `${builtin.name}(${(builtin.params ?? []).map(() => 'null').join(', ')})`;
      const result = evaluateExpression(call, {});
      // assert(null, null) fails the evaluation on purpose: that is the function working.
      const missing = result.ok
        ? (result.warnings ?? []).some((w) => /^\[(NO_VARIABLE_FOUND|NO_FUNCTION_FOUND)\]|^\[FUNCTION_INVOCATION_FAILURE\] Cannot invoke/.test(w))
        : !result.message.startsWith('Assertion failure');
      if (missing) notCallable.push(call);
    }
    expect(notCallable).toEqual([]);
    expect(camundaBuiltins.length).toBeGreaterThan(100);
  });

  it('every built-in with parameters can be called with its documented parameter names', () => {
    const failing: string[] = [];
    for (const builtin of camundaBuiltins) {
      const params = builtin.params ?? [];
      if (params.length === 0) continue;
      const call = `${builtin.name}(${params.map((p) => `${p.name}: null`).join(', ')})`;
      const result = evaluateExpression(call, {});
      const works = result.ok ? !(result.warnings ?? []).some((w) => /Cannot invoke|NO_FUNCTION_FOUND/.test(w)) : result.message.startsWith('Assertion failure');
      if (!works) failing.push(call);
    }
    // Named calls cannot tell before(range, point) from before(point, range): same names, other meaning.
    expect(failing).toEqual([
      'before(range: null, point: null)', 'before(point: null, range: null)',
      'after(range: null, point: null)', 'after(point: null, range: null)',
    ]);
  });
});

describe('timers', () => {
  const now = Date.UTC(2026, 10, 21, 10, 0, 0);

  it('timeDate: date-times and ISO text with an offset', () => {
    expect(evaluateDateTime('2026-11-21T12:00:00Z', {})).toEqual(ok({ epochMs: Date.UTC(2026, 10, 21, 12), text: '2026-11-21T12:00:00Z' }));
    expect(evaluateDateTime('2026-11-21T12:00:00+01:00', {})).toMatchObject(ok({ epochMs: Date.UTC(2026, 10, 21, 11) }));
    expect(evaluateDateTime('2026-11-21T12:00:00+02:00[Europe/Vilnius]', {})).toMatchObject(ok({ epochMs: Date.UTC(2026, 10, 21, 10) }));
    expect(evaluateDateTime('=date and time("2026-11-21T12:00:00@Europe/Vilnius")', {}))
      .toEqual(ok({ epochMs: Date.UTC(2026, 10, 21, 10), text: '2026-11-21T12:00:00+02:00[Europe/Vilnius]' }));
    expect(evaluateDateTime('=date and time("2026-11-21T12:00:00")', {})).toMatchObject(ok({ epochMs: Date.UTC(2026, 10, 21, 12) }));
    expect(evaluateDateTime('=due', { due: '2026-11-21T12:00:00Z' })).toMatchObject(ok({ epochMs: Date.UTC(2026, 10, 21, 12) }));
    expect(evaluateDateTime('=now() + duration("PT1H")', {}, { now })).toMatchObject(ok({ epochMs: now + 3_600_000 }));
  });

  it('timeDate: rejects what Zeebe rejects', () => {
    expect(message(evaluateDateTime('2026-11-21T12:00:00', {}))).toBe("Invalid date-time format '2026-11-21T12:00:00' for expression '2026-11-21T12:00:00'.");
    expect(message(evaluateDateTime('=date("2026-11-21")', {})))
      .toBe("Expected result of the expression 'date(\"2026-11-21\")' to be one of '[DATE_TIME, STRING]', but was 'DATE'.");
    expect(message(evaluateDateTime('=due', {}))).toBe(
      "Expected result of the expression 'due' to be one of '[DATE_TIME, STRING]', but was 'NULL'. The evaluation reported the following warnings:\n"
      + "[NO_VARIABLE_FOUND] No variable found with name 'due'");
  });

  it('timeDuration: durations and ISO text', () => {
    expect(evaluateDuration('PT10S', {})).toEqual(ok({ duration: 'PT10S', start: null }));
    expect(evaluateDuration('=duration("PT10S")', {})).toEqual(ok({ duration: 'PT10S', start: null }));
    expect(evaluateDuration('=duration("P1M")', {})).toEqual(ok({ duration: 'P1M', start: null }));
    expect(evaluateDuration('="PT" + string(n) + "M"', { n: 5 })).toEqual(ok({ duration: 'PT5M', start: null }));
    expect(evaluateDuration('P1Y2M3W4DT5H6M7.5S', {})).toMatchObject({ ok: true });
    expect(message(evaluateDuration('10 seconds', {}))).toBe("Invalid duration format '10 seconds' for expression '10 seconds'.");
    expect(message(evaluateDuration('PT', {}))).toMatch(/^Invalid duration format 'PT'/);
    expect(message(evaluateDuration('=5', {}))).toBe("Expected result of the expression '5' to be one of '[DURATION, PERIOD, STRING]', but was 'NUMBER'.");
  });

  it('timeCycle: repeating intervals', () => {
    expect(evaluateTimeCycle('R3/PT10S', {})).toEqual(ok({ repetitions: 3, interval: { duration: 'PT10S', start: null } }));
    expect(evaluateTimeCycle('R/PT1M', {})).toEqual(ok({ repetitions: -1, interval: { duration: 'PT1M', start: null } }));
    expect(evaluateTimeCycle('R2/2026-11-21T12:00:00Z/PT1H', {}))
      .toEqual(ok({ repetitions: 2, interval: { duration: 'PT1H', start: Date.UTC(2026, 10, 21, 12) } }));
    expect(evaluateTimeCycle('=cycle(duration("PT1M"))', {})).toEqual(ok({ repetitions: -1, interval: { duration: 'PT1M', start: null } }));
    expect(evaluateTimeCycle('=cycle(5, duration("P1D"))', {})).toEqual(ok({ repetitions: 5, interval: { duration: 'P1D', start: null } }));
    expect(message(evaluateTimeCycle('=duration("PT1M")', {}))).toBe("Expected result of the expression 'duration(\"PT1M\")' to be 'STRING', but was 'DURATION'.");
    expect(message(evaluateTimeCycle('R3', {}))).toMatch(/^Invalid time cycle 'R3'/);
    expect(message(evaluateTimeCycle('Rx/PT1S', {}))).toMatch(/^Invalid time cycle 'Rx\/PT1S'/);
    expect(message(evaluateTimeCycle('0 0 9-17 * * MON-FRI', {}))).toMatch(/cron expressions are not supported/);
  });

  it('computes due dates like Zeebe', () => {
    expect(addDuration(now, 'PT10S')).toBe(now + 10_000);
    expect(addDuration(Date.UTC(2020, 0, 31), 'P1M')).toBe(Date.UTC(2020, 1, 29));
    expect(addDuration(now, '-PT1H')).toBe(now - 3_600_000);
    expect(addDuration(now, 'P1DT1.5S')).toBe(now + 86_401_500);
    expect(intervalDueDate({ duration: 'PT1H', start: null }, now)).toBe(now + 3_600_000);
    expect(intervalDueDate({ duration: 'PT1H', start: now + 5_000 }, now)).toBe(now + 5_000);
    expect(intervalDueDate({ duration: 'PT1H', start: now - 5_000 }, now)).toBe(now);
    expect(nextCycleDueDate({ duration: 'PT1H', start: null }, now, now + 1)).toBe(now + 3_600_000);
    // Missed cycles are not fired back to back: the next one is a full interval from now.
    expect(nextCycleDueDate({ duration: 'PT1H', start: null }, now, now + 5 * 3_600_000)).toBe(now + 6 * 3_600_000);
  });
});
