/** Konstruktor data structures: JSON Schema 2020-12 with a few `x-` keywords (see forms/README.md). */
import type { Locale, LocalizedText } from '../text.js';
import { pickText } from '../text.js';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface StructureSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, StructureSchema>;
  type?: JsonType | JsonType[];
  title?: string;
  description?: string;
  /** Title in each language; `title` stays the plain JSON Schema fallback. */
  'x-title'?: LocalizedText;
  'x-description'?: LocalizedText;
  /** Platform data that prefills this field, e.g. `profile.personalCode`. */
  'x-prefill'?: string;
  /** Per-language titles of `enum` values, keyed by the value as a string. */
  'x-enum-titles'?: Record<string, LocalizedText>;
  /** Message shown when `pattern` does not match, in each language. */
  'x-pattern-message'?: LocalizedText;
  /** File types a document field takes, as the file picker's `accept` (e.g. `application/pdf,image/*`). */
  'x-accept'?: string;
  /** Preferred widget when several fit: textarea, radio, select, checklist. */
  'x-widget'?: string;
  properties?: Record<string, StructureSchema>;
  required?: string[];
  additionalProperties?: boolean | StructureSchema;
  items?: StructureSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  oneOf?: StructureSchema[];
  anyOf?: StructureSchema[];
  allOf?: StructureSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  default?: unknown;
  [keyword: string]: unknown;
}

export const JSON_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** The one JSON type a (dereferenced) schema stands for, `null` aside; undefined when it does not say. */
export function schemaType(schema: StructureSchema): JsonType | undefined {
  const declared = Array.isArray(schema.type) ? schema.type.find((type) => type !== 'null') : schema.type;
  if (declared) return declared;
  const values = codeList(schema)?.map((entry) => entry.value);
  if (values && values.length > 0) {
    const first = values[0];
    if (typeof first === 'string') return 'string';
    if (typeof first === 'boolean') return 'boolean';
    if (typeof first === 'number') return values.every((v) => Number.isInteger(v)) ? 'integer' : 'number';
  }
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

export interface CodeListEntry {
  value: string | number | boolean;
  title: LocalizedText;
  /** Plain title (the branch `title` or the value itself). */
  label: string;
}

/** The code list of a schema: `enum` (titles in `x-enum-titles`) or `oneOf` of `const` branches. */
export function codeList(schema: StructureSchema): CodeListEntry[] | undefined {
  if (Array.isArray(schema.enum)) {
    return schema.enum
      .filter((value): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value))
      .map((value) => {
        const title = schema['x-enum-titles']?.[String(value)] ?? {};
        return { value, title, label: pickText(title, 'en', String(value))! };
      });
  }
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches && branches.length > 0 && branches.every((branch) => branch.const !== undefined)) {
    return branches.map((branch) => {
      const value = branch.const as string | number | boolean;
      const title = branch['x-title'] ?? {};
      return { value, title, label: branch.title ?? pickText(title, 'en', String(value))! };
    });
  }
  return undefined;
}

/** The field's title in a locale: `x-title`, then `title`. */
export function schemaTitle(schema: StructureSchema, locale: Locale): string | undefined {
  return pickText(schema['x-title'], locale, schema.title);
}

export function schemaDescription(schema: StructureSchema, locale: Locale): string | undefined {
  return pickText(schema['x-description'], locale, schema.description);
}
