import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleServiceDir } from '@konstruktor/examples';
import { checkConsistency, generateForm, type StructureSchema } from '@konstruktor/forms';
import { appendRow, moveRow, removeRow, updateRow } from '../web/src/data/row-edit.js';
import { rowProblems } from '../web/src/data/row-problems.js';
import { newRow, rowsToSchema, schemaToRows } from '../web/src/data/schema-rows.js';
import { dataStrings } from '../web/src/data/strings.js';
import { parseStructure } from '../web/src/data/structure-files.js';

const example = JSON.parse(readFileSync(path.join(exampleServiceDir('street-trading-permit'), 'data/application.schema.json'), 'utf8'));
const t = dataStrings('en');

describe('data structure <-> field rows', () => {
  it('reads every kind of field of the example structure', () => {
    const rows = schemaToRows(example);
    const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
    expect(rows.map((row) => row.name)).toEqual(['contact', 'tradingAs', 'companyCode', 'place', 'from', 'to', 'goods', 'helpers', 'plan']);
    expect(byName.contact).toMatchObject({ type: 'object', required: true, repeat: false, titles: { lt: 'Pareiškėjas', en: 'Applicant' } });
    expect(byName.contact!.children.map((row) => [row.name, row.type, row.format, row.required])).toEqual([
      ['givenName', 'string', '', true], ['familyName', 'string', '', true], ['email', 'string', 'email', true], ['phone', 'string', 'phone', false],
    ]);
    expect(byName.tradingAs).toMatchObject({ type: 'code', codes: [{ value: 'person', titles: { lt: 'Fizinis asmuo' } }, { value: 'company', titles: { en: 'A company' } }] });
    expect(byName.companyCode).toMatchObject({ type: 'string', format: 'lt-company-code' });
    expect(byName.from!.type).toBe('date');
    expect(byName.helpers).toMatchObject({ type: 'object', repeat: true, required: false, titles: { en: 'Helpers' } });
    expect(byName.helpers!.children[0]).toMatchObject({ name: 'name', required: true });
    expect(byName.plan!.type).toBe('file');
  });

  it('writes an unchanged table back as the same schema, keywords it does not show included', () => {
    expect(rowsToSchema(example, schemaToRows(example))).toEqual(example);
    // Same key order too, so the JSON view does not jump around.
    expect(JSON.stringify(rowsToSchema(example, schemaToRows(example)))).toBe(JSON.stringify(example));
  });

  it('keeps oneOf code lists and properties it cannot show', () => {
    const schema: StructureSchema = {
      type: 'object',
      properties: {
        size: { type: 'string', oneOf: [{ const: 's', title: 'Small' }, { const: 'l', 'x-title': { lt: 'Didelis' } }] },
        ref: { $ref: 'https://konstruktor.eu/structures/person/1.0.0' },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, minItems: 1 },
      },
    };
    const rows = schemaToRows(schema);
    expect(rows.map((row) => row.type)).toEqual(['code', 'other', 'code']);
    expect(rows[0]!.codes).toEqual([{ value: 's', titles: { lt: '', lv: '', en: 'Small' } }, { value: 'l', titles: { lt: 'Didelis', lv: '', en: '' } }]);
    const edited = updateRow(rows, [0], (row) => ({ ...row, codes: [...row.codes, { value: 'm', titles: { lt: 'Vidutinis', lv: '', en: '' } }] }));
    const written = rowsToSchema(schema, edited);
    expect(written.properties!.size!.oneOf).toEqual([
      { const: 's', title: 'Small', 'x-title': { en: 'Small' } },
      { const: 'l', 'x-title': { lt: 'Didelis' } },
      { const: 'm', 'x-title': { lt: 'Vidutinis' } },
    ]);
    expect(written.properties!.ref).toEqual(schema.properties!.ref);
    expect(written.properties!.tags).toEqual(schema.properties!.tags);
  });

  it('writes table edits: new fields, types, formats, code lists, lists and nested groups', () => {
    let rows = schemaToRows({ type: 'object', properties: {} });
    rows = appendRow(rows, [], (list) => newRow(list));
    rows = updateRow(rows, [0], (row) => ({ ...row, name: 'email', format: 'email', required: true, titles: { lt: 'El. paštas', lv: '', en: 'E-mail' } }));
    rows = appendRow(rows, [], (list) => newRow(list));
    rows = updateRow(rows, [1], (row) => ({ ...row, name: 'kind', type: 'code', codes: [{ value: '1', titles: { lt: 'Vienas', lv: '', en: '' } }, { value: '2', titles: { lt: '', lv: '', en: '' } }] }));
    rows = appendRow(rows, [], (list) => newRow(list));
    rows = updateRow(rows, [2], (row) => ({ ...row, name: 'children', type: 'object', repeat: true }));
    rows = appendRow(rows, [2], (list) => newRow(list));
    rows = updateRow(rows, [2, 0], (row) => ({ ...row, name: 'code', format: 'lt-personal-code', required: true }));
    const schema = rowsToSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' }, rows);
    expect(schema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email', 'x-title': { lt: 'El. paštas', en: 'E-mail' } },
        kind: { type: 'number', enum: [1, 2], 'x-enum-titles': { 1: { lt: 'Vienas' } } },
        children: { type: 'array', items: { type: 'object', properties: { code: { type: 'string', format: 'lt-personal-code' } }, required: ['code'] } },
      },
      required: ['email'],
    });
    // What the table wrote reads back as the same table.
    expect(schemaToRows(schema).map((row) => [row.name, row.type, row.repeat])).toEqual([['email', 'string', false], ['kind', 'code', false], ['children', 'object', true]]);
    // And the forms package makes a form of it that it finds consistent.
    expect(checkConsistency(schema, generateForm(schema)).filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('drops keywords of the old type when a field changes type', () => {
    const schema: StructureSchema = { type: 'object', properties: { n: { type: 'string', maxLength: 5, pattern: '^a', 'x-prefill': 'profile.email' } } };
    const rows = updateRow(schemaToRows(schema), [0], (row) => ({ ...row, type: 'integer' }));
    expect(rowsToSchema(schema, rows).properties!.n).toEqual({ type: 'integer', 'x-prefill': 'profile.email' });
  });

  it('moves and removes rows among their siblings', () => {
    const rows = schemaToRows(example);
    expect(moveRow(rows, [1], -1).slice(0, 2).map((row) => row.name)).toEqual(['tradingAs', 'contact']);
    expect(moveRow(rows, [0], -1)).toEqual(rows);
    expect(removeRow(rows, [0, 3])[0]!.children.map((row) => row.name)).toEqual(['givenName', 'familyName', 'email']);
  });

  it('names a new field after the ones there', () => {
    const rows = [newRow([])];
    expect(rows[0]!.name).toBe('field1');
    expect(newRow(rows).name).toBe('field2');
  });
});

describe('field table problems', () => {
  it('finds empty, duplicate and invalid names and empty code lists, with dot paths', () => {
    let rows = schemaToRows(example);
    rows = updateRow(rows, [0, 1], (row) => ({ ...row, name: 'givenName' }));
    rows = updateRow(rows, [2], (row) => ({ ...row, name: 'company code' }));
    rows = updateRow(rows, [1], (row) => ({ ...row, codes: [] }));
    rows = updateRow(rows, [3], (row) => ({ ...row, name: '' }));
    expect(rowProblems(rows, t).map(({ path, blocking }) => [path, blocking])).toEqual([
      ['contact.givenName', true], ['tradingAs', false], ['company code', false], ['#4', true],
    ]);
    expect(rowProblems(schemaToRows(example), t)).toEqual([]);
  });

  it('tells JSON that is no structure', () => {
    expect(parseStructure('{"type": ')).toMatchObject({ ok: false });
    expect(parseStructure('[]')).toMatchObject({ ok: false, notObject: true });
    expect(parseStructure('')).toMatchObject({ ok: true });
  });
});
