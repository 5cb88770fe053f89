import type { JsonObject } from './version-form.js';

/** A file reference in form data: the id of an uploaded document, at a JSON Pointer. */
export interface DocumentReference {
  path: string;
  id: string;
}

/** Fields of this format hold a document id; the bytes are in the document store. */
export const DOCUMENT_FORMAT = 'document';

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Follows a local `#/...` pointer of the structure (reusable parts live in `$defs`). */
function dereference(root: JsonObject, schema: JsonObject): JsonObject {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && current.$ref.startsWith('#/') && hops < 16; hops += 1) {
    let target: unknown = root;
    for (const token of current.$ref.slice(2).split('/')) {
      target = (target as JsonObject | undefined)?.[decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    if (!target || typeof target !== 'object') break;
    current = target as JsonObject;
  }
  return current;
}

/**
 * Every document reference in `data`, found by walking it beside the data structure: string
 * fields of format `document`, in nested objects and repeating groups alike.
 */
export function documentReferences(structure: JsonObject | undefined, data: unknown, at = ''): DocumentReference[] {
  if (!structure) return [];
  const found: DocumentReference[] = [];
  const walk = (schema: JsonObject, value: unknown, path: string): void => {
    const resolved = dereference(structure, schema);
    if (resolved.format === DOCUMENT_FORMAT) {
      if (typeof value === 'string') found.push({ path, id: value });
      return;
    }
    if (Array.isArray(value) && resolved.items && typeof resolved.items === 'object') {
      value.forEach((item, i) => walk(resolved.items as JsonObject, item, `${path}/${i}`));
    } else if (value && typeof value === 'object' && resolved.properties && typeof resolved.properties === 'object') {
      for (const [key, child] of Object.entries(resolved.properties as Record<string, JsonObject>)) {
        if (Object.hasOwn(value, key)) walk(child, (value as JsonObject)[key], `${path}/${escape(key)}`);
      }
    }
  };
  walk(structure, data, at);
  return found;
}

/** The structure's schema of the field at `key` (a slash- or dot-separated path of property names; array items are passed through). */
export function fieldSchema(structure: JsonObject | undefined, key: string): JsonObject | undefined {
  if (!structure) return undefined;
  let current: JsonObject | undefined = dereference(structure, structure);
  for (const name of key.split(/[./]/).filter((part) => part !== '' && !/^\d+$/.test(part))) {
    while (current && current.items && typeof current.items === 'object' && !current.properties) current = dereference(structure, current.items as JsonObject);
    const child: unknown = (current?.properties as Record<string, JsonObject> | undefined)?.[name];
    current = child && typeof child === 'object' ? dereference(structure, child as JsonObject) : undefined;
  }
  while (current && current.items && typeof current.items === 'object' && current.format !== DOCUMENT_FORMAT) current = dereference(structure, current.items as JsonObject);
  return current;
}
