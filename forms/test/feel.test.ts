import fc from 'fast-check';
import { unaryTest } from 'feelin';
import { describe, expect, it } from 'vitest';
import { feelTestHolds } from '../src/validation/feel.js';

/** What form-js decides: feelin over the full form-js context, hidden only on exactly true. */
function formJsHides(expression: string, root: Record<string, unknown>, row: unknown): boolean {
  const special = { this: row, i: [1], parent: root };
  const context = { ...special, ...root, _this_: row, _i_: [1], _parent_: root };
  try {
    return unaryTest(expression.slice(1), context).value === true;
  } catch {
    return false;
  }
}

const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('a', 'bank', ''), fc.constant({ x: 'bank' }), fc.constant([1]));
const literal = fc.constantFrom('null', 'true', 'false', '0', '1', '-2', '1.5', '"bank"', '""', '"a"');
const operator = fc.constantFrom('=', '!=', '<', '<=', '>', '>=');
const subject = fc.constantFrom('v', 'this.v', 'parent.v', 'missing', 'v.x', '_this_.v');

describe('conditional visibility tests', () => {
  it('answer simple comparisons exactly as feelin does in form-js', () => {
    fc.assert(
      fc.property(value, value, subject, fc.option(fc.tuple(operator, literal), { nil: undefined }), (rootValue, rowValue, path, comparison) => {
        const root: Record<string, unknown> = rootValue === undefined ? {} : { v: rootValue };
        const row = rowValue === undefined ? {} : { v: rowValue };
        const expression = comparison ? `=${path} ${comparison[0]} ${comparison[1]}` : `=${path}`;
        expect(feelTestHolds(expression, { root, this: row, parent: root, i: [1] })).toBe(formJsHides(expression, JSON.parse(JSON.stringify(root)), JSON.parse(JSON.stringify(row))));
      }),
      { numRuns: 1000 },
    );
  });

  it('hands anything else to feelin, with the variables it names', () => {
    const root = { age: 17, country: 'LT', 'other key': 1 };
    expect(feelTestHolds('=age < 18 and country = "LT"', { root, this: root, parent: null, i: [] })).toBe(true);
    expect(feelTestHolds('=count(this.items) > 1', { root, this: { items: [1, 2] }, parent: root, i: [1] })).toBe(true);
    expect(feelTestHolds('=not(', { root, this: root, parent: null, i: [] })).toBe(false);
    expect(feelTestHolds('age < 18', { root, this: root, parent: null, i: [] })).toBe(false);
  });
});
