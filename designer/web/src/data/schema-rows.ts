/**
 * A data structure (JSON Schema, forms/README.md conventions) as rows of a field table and back.
 * Each row keeps the schema it came from, so keywords the table does not show (pattern,
 * x-prefill, descriptions, …) survive a table edit and keep their place in the JSON.
 */
import type { StructureSchema } from '@konstruktor/forms/browser';

export const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'date', 'code', 'object', 'file'] as const;
/** `other`: a property the table cannot show ($ref, anyOf, …); kept as written. */
export type FieldType = (typeof FIELD_TYPES)[number] | 'other';

export const TEXT_LOCALES = ['lt', 'lv', 'en'] as const;
export type Texts = Record<(typeof TEXT_LOCALES)[number], string>;

export interface CodeValue {
  value: string;
  titles: Texts;
}

export interface FieldRow {
  name: string;
  type: FieldType;
  required: boolean;
  /** The JSON Schema `format` of a string ('' for none). */
  format: string;
  /** An array of this field (a repeating group for objects). */
  repeat: boolean;
  titles: Texts;
  codes: CodeValue[];
  /** Fields of an object. */
  children: FieldRow[];
  /** Code lists written as `oneOf` of consts stay so; others are `enum` + `x-enum-titles`. */
  codeStyle: 'enum' | 'oneOf';
  /** The schema of the field (of its items when repeated) as read. */
  source: StructureSchema;
  /** The array schema around `source` when repeated, as read. */
  arraySource?: StructureSchema;
}

export const emptyTexts = (): Texts => ({ lt: '', lv: '', en: '' });

function texts(value: unknown): Texts {
  const result = emptyTexts();
  if (value && typeof value === 'object') {
    for (const locale of TEXT_LOCALES) {
      const text = (value as Record<string, unknown>)[locale];
      if (typeof text === 'string') result[locale] = text;
    }
  }
  return result;
}

/** `{lt, lv, en}` without the empty ones; undefined when all are empty. */
function writtenTexts(value: Texts): Partial<Texts> | undefined {
  const entries = TEXT_LOCALES.filter((locale) => value[locale] !== '').map((locale) => [locale, value[locale]] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function isOneOfCodes(schema: StructureSchema): boolean {
  return Array.isArray(schema.oneOf) && schema.oneOf.length > 0 && schema.oneOf.every((branch) => branch && typeof branch === 'object' && 'const' in branch);
}

function fieldType(schema: StructureSchema): FieldType {
  if (Array.isArray(schema.enum) || isOneOfCodes(schema)) return 'code';
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'string') return schema.format === 'date' ? 'date' : schema.format === 'document' ? 'file' : 'string';
  if (type === 'object' || (!type && schema.properties)) return 'object';
  if (type === 'number' || type === 'integer' || type === 'boolean') return type;
  return 'other';
}

function codeValues(schema: StructureSchema): CodeValue[] {
  if (isOneOfCodes(schema)) {
    return (schema.oneOf ?? []).map((branch) => {
      const titles = texts(branch['x-title']);
      if (!titles.lt && !titles.lv && !titles.en && typeof branch.title === 'string') titles.en = branch.title;
      return { value: String(branch.const), titles };
    });
  }
  const enumTitles = schema['x-enum-titles'] ?? {};
  return (schema.enum ?? []).map((value) => ({ value: String(value), titles: texts(enumTitles[String(value)]) }));
}

function toRow(name: string, property: StructureSchema, required: boolean): FieldRow {
  const isArray = property.type === 'array' && !!property.items && typeof property.items === 'object';
  const source = isArray ? (property.items as StructureSchema) : property;
  const type = fieldType(source);
  return {
    name,
    type,
    required,
    format: type === 'string' && typeof source.format === 'string' ? source.format : '',
    repeat: isArray,
    // A list's label is read from the array (forms generateForm), so its titles live there.
    titles: texts(isArray ? (property['x-title'] ?? source['x-title']) : source['x-title']),
    codes: type === 'code' ? codeValues(source) : [],
    children: type === 'object' ? schemaToRows(source) : [],
    codeStyle: isOneOfCodes(source) ? 'oneOf' : 'enum',
    source,
    ...(isArray ? { arraySource: property } : {}),
  };
}

/** The rows of an object schema's properties, in their order. */
export function schemaToRows(schema: StructureSchema): FieldRow[] {
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => toRow(name, property ?? {}, required.has(name)));
}

/** Sets or removes keys on a copy; keys already there keep their place. */
function patch(base: StructureSchema, changes: Record<string, unknown>): StructureSchema {
  const result: StructureSchema = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete result[key];
    else result[key] = value;
  }
  return result;
}

/** Keywords that only make sense for some types, dropped when a field changes type. */
const STRING_ONLY = ['format', 'pattern', 'minLength', 'maxLength', 'x-pattern-message', 'x-accept'];
const NUMBER_ONLY = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];

function jsonType(type: FieldType, codes: CodeValue[]): string | undefined {
  switch (type) {
    case 'date':
    case 'file':
    case 'string':
      return 'string';
    case 'code': {
      // A code list of numbers stays numeric; anything else is text.
      const numeric = codes.length > 0 && codes.every((code) => code.value.trim() !== '' && Number.isFinite(Number(code.value)));
      return numeric ? 'number' : 'string';
    }
    case 'other':
      return undefined;
    default:
      return type;
  }
}

function fieldSchema(row: FieldRow): StructureSchema {
  if (row.type === 'other') return row.source;
  const changes: Record<string, unknown> = {};
  const type = jsonType(row.type, row.codes);
  changes.type = type;
  if (type !== 'string') for (const key of STRING_ONLY) changes[key] = undefined;
  if (type !== 'number' && type !== 'integer') for (const key of NUMBER_ONLY) changes[key] = undefined;
  if (row.type === 'date') changes.format = 'date';
  else if (row.type === 'file') changes.format = 'document';
  else if (row.type === 'string') changes.format = row.format || undefined;
  else if (row.type === 'code') changes.format = undefined;
  if (!row.repeat) changes['x-title'] = writtenTexts(row.titles);
  changes.enum = undefined;
  changes['x-enum-titles'] = undefined;
  changes.oneOf = undefined;
  if (row.type === 'code') {
    const value = (code: CodeValue) => (type === 'number' ? Number(code.value) : code.value);
    if (row.codeStyle === 'oneOf') {
      changes.oneOf = row.codes.map((code) => {
        const old = row.source.oneOf?.find((branch) => String(branch.const) === code.value) ?? {};
        return patch(old, { const: value(code), 'x-title': writtenTexts(code.titles) });
      });
    } else {
      changes.enum = row.codes.map(value);
      const titles = Object.fromEntries(row.codes.flatMap((code) => {
        const written = writtenTexts(code.titles);
        return written ? [[code.value, written]] : [];
      }));
      changes['x-enum-titles'] = Object.keys(titles).length ? titles : undefined;
    }
  }
  if (row.type === 'object') {
    const { properties, required } = rowsToProperties(row.children, row.source.required);
    changes.properties = properties;
    changes.required = required.length ? required : undefined;
  } else {
    changes.properties = undefined;
    changes.required = undefined;
    changes.additionalProperties = undefined;
  }
  return patch(row.source, changes);
}

function propertySchema(row: FieldRow): StructureSchema {
  const field = fieldSchema(row);
  if (!row.repeat) return field;
  return patch(row.arraySource ?? {}, { type: 'array', items: field, 'x-title': writtenTexts(row.titles) });
}

function rowsToProperties(rows: FieldRow[], oldRequired: unknown): { properties: Record<string, StructureSchema>; required: string[] } {
  const properties: Record<string, StructureSchema> = {};
  for (const row of rows) properties[row.name] = propertySchema(row);
  // The required list keeps its written order; newly required names go at its end.
  const names = new Set(rows.filter((row) => row.required).map((row) => row.name));
  const kept = (Array.isArray(oldRequired) ? oldRequired : []).filter((name): name is string => names.has(name as string));
  return { properties, required: [...new Set([...kept, ...names])] };
}

/** The object schema `base` with its properties and required list taken from the rows. */
export function rowsToSchema(base: StructureSchema, rows: FieldRow[]): StructureSchema {
  const { properties, required } = rowsToProperties(rows, base.required);
  return patch(base, { type: base.type ?? 'object', properties, required: required.length ? required : undefined });
}

/** A new row: a text field with a name not yet taken among its siblings. */
export function newRow(siblings: FieldRow[], stem = 'field'): FieldRow {
  const taken = new Set(siblings.map((row) => row.name));
  let n = siblings.length + 1;
  while (taken.has(`${stem}${n}`)) n += 1;
  return { name: `${stem}${n}`, type: 'string', required: false, format: '', repeat: false, titles: emptyTexts(), codes: [], children: [], codeStyle: 'enum', source: {} };
}
