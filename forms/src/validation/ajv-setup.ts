/**
 * One ajv configuration for the server's compile() and the browser's standalone module, so the
 * generated checking code is the same on both sides. Formats come from this package's map; the
 * standalone code loads them with `require(FORMATS_MODULE).formats`.
 */
import Ajv2020 from 'ajv/dist/2020';
import { _ } from 'ajv/dist/2020';
import { formats, isFormatName } from '../formats/index.js';
import type { StructureRegistry } from '../structure/registry.js';
import type { StructureSchema } from '../structure/schema.js';
import { mapSchema } from '../structure/traverse.js';

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
 * Konstruktor conventions applied before compiling: an object that lists `properties` and says
 * nothing about other properties (and is not composed) is closed, so unknown fields are errors;
 * a `format` this package does not know is refused (ajv would silently let anything pass).
 */
export function closeObjects(structure: StructureSchema): StructureSchema {
  return mapSchema(structure, (schema, pointer) => {
    if (typeof schema.format === 'string' && !isFormatName(schema.format)) {
      throw new Error(`Unknown format "${schema.format}" at ${pointer || '/'}; known formats: ${Object.keys(formats).join(', ')}`);
    }
    if (schema.properties && !COMBINATORS.some((keyword) => keyword in schema)) return { ...schema, additionalProperties: false };
    return schema;
  });
}

/** The structure both validators compile: bundled (when a registry is given) and closed. */
export function prepareStructure(structure: StructureSchema, registry?: StructureRegistry): StructureSchema {
  return closeObjects(registry ? registry.bundle(structure) : structure);
}
