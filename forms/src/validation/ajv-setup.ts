/**
 * One ajv configuration for the server's compile() and the browser's standalone module, so the
 * generated checking code is the same on both sides. Formats come from this package's map; the
 * standalone code loads them with `require(FORMATS_MODULE).formats`.
 */
import Ajv2020 from 'ajv/dist/2020';
import { _ } from 'ajv/dist/2020';
import { formats } from '../formats/index.js';
import type { StructureRegistry } from '../structure/registry.js';
import type { StructureSchema } from '../structure/schema.js';

export const FORMATS_MODULE = '@konstruktor/forms/formats';

export function createAjv(options: { source?: boolean } = {}): Ajv2020 {
  return new Ajv2020({
    allErrors: true,
    strict: false,
    validateFormats: true,
    formats,
    code: { source: options.source ?? false, esm: false, lines: false, formats: _`require(${FORMATS_MODULE}).formats` },
  });
}

const COMBINATORS = ['allOf', 'anyOf', 'oneOf', '$ref', 'if', 'unevaluatedProperties', 'patternProperties', 'additionalProperties'];

/**
 * Konstruktor convention: an object that lists `properties` and says nothing about other
 * properties (and is not composed) is closed, so unknown fields are errors.
 */
export function closeObjects<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item) => closeObjects(item)) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    result[key] = key === 'enum' || key === 'const' || key === 'default' || key.startsWith('x-') ? value : closeObjects(value);
  }
  if (result.properties && typeof result.properties === 'object' && !COMBINATORS.some((keyword) => keyword in result)) {
    result.additionalProperties = false;
  }
  return result as T;
}

/** The structure both validators compile: bundled (when a registry is given) and closed. */
export function prepareStructure(structure: StructureSchema, registry?: StructureRegistry): StructureSchema {
  return closeObjects(registry ? registry.bundle(structure) : structure);
}
