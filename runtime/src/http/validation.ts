import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import type { FieldError } from './problem.js';

/**
 * Request validation with ajv. Bodies are validated as sent (no coercion: a number where a
 * string belongs is an error); query and path parameters arrive as strings and are coerced.
 */
function createAjv(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: coerce, useDefaults: coerce });
  addFormats.default(ajv);
  return ajv;
}

const strictAjv = createAjv(false);
const coercingAjv = createAjv(true);

export type Validator = (value: unknown) => FieldError[];

export function compileValidator(schema: TSchema, location: FieldError['in']): Validator {
  const validate: ValidateFunction = (location === 'body' ? strictAjv : coercingAjv).compile(schema);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((error) => toFieldError(error, location)));
}

function toFieldError(error: ErrorObject, location: FieldError['in']): FieldError {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { in: location, path: `${error.instancePath}/${String(params.additionalProperty)}`, message: 'is not a known field' };
    case 'required':
      return { in: location, path: `${error.instancePath}/${String(params.missingProperty)}`, message: 'is required' };
    case 'pattern':
      return { in: location, path: error.instancePath, message: `does not match the expected form${error.parentSchema?.description ? ` (${String(error.parentSchema.description)})` : ''}` };
    default:
      return { in: location, path: error.instancePath, message: error.message ?? 'is not valid' };
  }
}
