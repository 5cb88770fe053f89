/** Walks the subschemas of a JSON Schema 2020-12 document by keyword (so a field named `format` or `properties` is a name, not a keyword). */
import type { StructureSchema } from './schema.js';

const SINGLE = ['additionalProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

function isSchema(value: unknown): value is StructureSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A copy of the schema with `change` applied to it and to every subschema, innermost first. */
export function mapSchema(schema: StructureSchema, change: (schema: StructureSchema, pointer: string) => StructureSchema, pointer = ''): StructureSchema {
  const result: StructureSchema = { ...schema };
  for (const keyword of SINGLE) {
    const sub = schema[keyword];
    if (isSchema(sub)) result[keyword] = mapSchema(sub, change, `${pointer}/${keyword}`);
  }
  for (const keyword of LISTS) {
    const list = schema[keyword];
    if (Array.isArray(list)) result[keyword] = list.map((sub, index) => (isSchema(sub) ? mapSchema(sub, change, `${pointer}/${keyword}/${index}`) : sub));
  }
  for (const keyword of MAPS) {
    const map = schema[keyword];
    if (!isSchema(map)) continue;
    const copy: Record<string, unknown> = {};
    for (const [name, sub] of Object.entries(map)) copy[name] = isSchema(sub) ? mapSchema(sub, change, `${pointer}/${keyword}/${name}`) : sub;
    result[keyword] = copy;
  }
  return change(result, pointer);
}
