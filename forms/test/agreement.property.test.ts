/**
 * Property tests: the browser validator (the standalone module, loaded as an ES module) and the
 * server validator (ajv.compile) give the same verdict — same data kept, same error paths and
 * messages — on generated valid and invalid data, for every supported type and format.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormatName, FormSchema, FormValidation, StructureSchema } from '@konstruktor/forms';
import { compileFormValidation, formats, generateForm } from '@konstruktor/forms';
import { anyJson, mutated, validFormatValue } from './support/arbitraries.js';
import { browserValidation } from './support/load-browser.js';

const FORMAT_NAMES = Object.keys(formats) as FormatName[];

/** One field of every type and format, a code list, a nested object and a repeating group with a condition. */
const structure: StructureSchema = {
  type: 'object',
  required: ['text', 'count', 'person', 'rows'],
  properties: {
    text: { type: 'string', minLength: 2, maxLength: 20, pattern: '^[A-Za-z ]+$' },
    note: { type: 'string', maxLength: 300 },
    count: { type: 'integer', minimum: 0, maximum: 100 },
    amount: { type: 'number', minimum: -5.5, maximum: 1e6 },
    flag: { type: 'boolean' },
    colour: { type: 'string', enum: ['red', 'green', 'blue'] },
    size: { type: 'integer', oneOf: [{ const: 1, title: 'S' }, { const: 2, title: 'M' }, { const: 3, title: 'L' }] },
    tags: { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c'] } },
    ...Object.fromEntries(FORMAT_NAMES.map((name) => [`f_${name}`, { type: 'string', format: name }])),
    person: {
      type: 'object',
      required: ['code'],
      properties: { code: { type: 'string', format: 'lt-personal-code' }, phone: { type: 'string', format: 'phone' } },
    },
    rows: {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      items: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 30 },
          hasFile: { type: 'boolean' },
          file: { type: 'string', format: 'document' },
        },
      },
    },
  },
};

function conditioned(form: FormSchema): FormSchema {
  const copy = structuredClone(form);
  const visit = (components: FormSchema['components']): void => {
    for (const component of components) {
      if (component.key === 'file') component.conditional = { hide: '=this.hasFile != true' };
      if (component.key === 'file') component.validate = { required: true };
      if (component.key === 'note') component.conditional = { hide: '=flag = true' };
      if (component.components) visit(component.components);
    }
  };
  visit(copy.components);
  return copy;
}

const row = fc.record(
  { name: fc.stringMatching(/^[A-Za-z]{1,30}$/), hasFile: fc.boolean(), file: validFormatValue.document },
  { requiredKeys: ['name'] },
);

const validData = fc.record(
  {
    text: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,18}[A-Za-z]$/),
    note: fc.string({ maxLength: 300 }),
    count: fc.integer({ min: 0, max: 100 }),
    amount: fc.double({ min: -5.5, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    flag: fc.boolean(),
    colour: fc.constantFrom('red', 'green', 'blue'),
    size: fc.constantFrom(1, 2, 3),
    tags: fc.uniqueArray(fc.constantFrom('a', 'b', 'c')),
    ...Object.fromEntries(FORMAT_NAMES.map((name) => [`f_${name}`, validFormatValue[name]])),
    person: fc.record({ code: validFormatValue['lt-personal-code'], phone: validFormatValue.phone }, { requiredKeys: ['code'] }),
    rows: fc.array(row, { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['text', 'count', 'person', 'rows'] },
).map((data) => {
  // A row that says it has a file must carry one (the form requires it when shown).
  for (const entry of data.rows) if (entry.hasFile && !entry.file) entry.hasFile = false;
  return data as Record<string, unknown>;
});

const TOP_LEVEL = Object.keys(structure.properties!);

/** Valid data with one to three things broken: a wrong value, a missing key, an unknown key, a bad row. */
const invalidData = fc
  .tuple(
    validData,
    fc.array(
      fc.oneof(
        fc.tuple(fc.constant('set' as const), fc.constantFrom(...TOP_LEVEL), anyJson),
        fc.tuple(fc.constant('mutate' as const), fc.constantFrom(...FORMAT_NAMES), fc.constant(null)),
        fc.tuple(fc.constant('delete' as const), fc.constantFrom(...TOP_LEVEL), fc.constant(null)),
        fc.tuple(fc.constant('unknown' as const), fc.string({ minLength: 1, maxLength: 8 }), anyJson),
        fc.tuple(fc.constant('row' as const), fc.constantFrom('name', 'hasFile', 'file', 'extra'), anyJson),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    fc.array(fc.string({ maxLength: 12 }).chain((seed) => mutated(fc.constant(seed || 'x'))), { minLength: 3, maxLength: 3 }),
  )
  .chain(([data, changes]) =>
    fc.tuple(fc.constant(data), fc.constant(changes), fc.tuple(...FORMAT_NAMES.map((name) => mutated(validFormatValue[name])))),
  )
  .map(([data, changes, mutatedValues]) => {
    const copy = structuredClone(data);
    for (const [kind, target, value] of changes) {
      if (kind === 'set') copy[target] = value;
      else if (kind === 'mutate') copy[`f_${target}`] = mutatedValues[FORMAT_NAMES.indexOf(target as FormatName)];
      else if (kind === 'delete') delete copy[target];
      else if (kind === 'unknown') copy[TOP_LEVEL.includes(target) ? `${target}_x` : target] = value;
      else if (Array.isArray(copy.rows) && typeof copy.rows[0] === 'object' && copy.rows[0] !== null) (copy.rows[0] as Record<string, unknown>)[target] = value;
    }
    return copy;
  });

let server: FormValidation;
let browser: FormValidation;

beforeAll(async () => {
  const form = conditioned(generateForm(structure));
  server = compileFormValidation(structure, form);
  browser = await browserValidation(structure, form);
});

describe('browser and server validators agree', () => {
  it('on valid data of every type and format: both accept and keep the same data', () => {
    fc.assert(
      fc.property(validData, fc.constantFrom('lt', 'lv', 'en'), (data, locale) => {
        const onServer = server.validate(data, { locale });
        expect(onServer.errors).toEqual([]);
        expect(browser.validate(data, { locale })).toEqual(onServer);
      }),
      { numRuns: 300 },
    );
  });

  it('on invalid data: the same error paths, codes and messages', () => {
    let refused = 0;
    let runs = 0;
    fc.assert(
      fc.property(invalidData, fc.constantFrom('lt', 'lv', 'en'), (data, locale) => {
        runs++;
        const onServer = server.validate(data, { locale });
        if (!onServer.valid) refused++;
        expect(browser.validate(data, { locale })).toEqual(onServer);
      }),
      { numRuns: 500 },
    );
    // Breaking something should mostly be noticed (a mutation can by chance give another valid value).
    expect(refused / runs).toBeGreaterThan(0.8);
  });

  it.each(FORMAT_NAMES)('on %s values, valid, mutated or arbitrary: both follow the format checker', async (name) => {
    const single: StructureSchema = { type: 'object', properties: { value: { type: 'string', format: name } } };
    const form = generateForm(single);
    const onServer = compileFormValidation(single, form);
    const inBrowser = await browserValidation(single, form);
    fc.assert(
      fc.property(fc.oneof(validFormatValue[name], mutated(validFormatValue[name]), fc.string({ maxLength: 30 })), (value) => {
        const expected = formats[name](value) ? [] : ['/value'];
        const serverResult = onServer.validate({ value });
        expect(serverResult.errors.map((error) => error.path)).toEqual(expected);
        expect(inBrowser.validate({ value })).toEqual(serverResult);
      }),
      { numRuns: 200 },
    );
  });
});
