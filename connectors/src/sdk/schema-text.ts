/**
 * The texts a connector's schemas give their properties: the JSON Schema `title` / `description`
 * (one string, kept so the schema stays plain JSON Schema) and beside it `x-title` /
 * `x-description`, the same text per language — the convention of the service data schemas too.
 */
import type { JsonSchema, LocalizedText } from './contract.js';

export type Locale = 'en' | 'lt' | 'lv';

export function localized(text: LocalizedText | undefined, locale: Locale): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[locale] ?? text.en;
}

/** The schema's title or description in `locale`: its `x-` text in that language, else the plain one. */
export function schemaText(schema: JsonSchema, key: 'title' | 'description', locale: Locale): string | undefined {
  const localizedKey = schema[`x-${key}`] as LocalizedText | undefined;
  return localized(localizedKey, locale) ?? (typeof schema[key] === 'string' ? (schema[key] as string) : undefined);
}

/**
 * The schema of the property at `path` (`['address', 'city']`), looking into object properties
 * and the branches of anyOf / oneOf (a `relative or null`); undefined when the schema has none.
 */
export function propertySchema(schema: JsonSchema, path: readonly string[]): JsonSchema | undefined {
  if (path.length === 0) return schema;
  const [name, ...rest] = path as [string, ...string[]];
  const own = (schema.properties as Record<string, JsonSchema> | undefined)?.[name];
  if (own) return propertySchema(own, rest);
  for (const branch of [...((schema.anyOf as JsonSchema[] | undefined) ?? []), ...((schema.oneOf as JsonSchema[] | undefined) ?? [])]) {
    const found = propertySchema(branch, path);
    if (found) return found;
  }
  return undefined;
}

/** How a connector's output schema names the property at `path` in `locale` (undefined: it gives no title). */
export function propertyTitle(schema: JsonSchema, path: readonly string[], locale: Locale): string | undefined {
  const property = path.length ? propertySchema(schema, path) : undefined;
  return property && schemaText(property, 'title', locale);
}
