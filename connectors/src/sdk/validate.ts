import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema } from './contract.js';

const ajv = new Ajv2020({ allErrors: true, strict: false, useDefaults: true, coerceTypes: false });
addFormats.default(ajv);
const cache = new WeakMap<JsonSchema, ValidateFunction>();

export function compileInputValidator(schema: JsonSchema): ValidateFunction {
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(schema, validate);
  }
  return validate;
}

/** "input.url: must match format \"uri\"" — the path names the field an analyst set on the task. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => {
    const missing = error.keyword === 'required' ? `/${String((error.params as { missingProperty: string }).missingProperty)}` : '';
    const path = `input${(error.instancePath + missing).replaceAll('/', '.')}`;
    return error.keyword === 'required' ? `${path}: is required` : `${path}: ${error.message ?? 'is invalid'}`;
  }).join('; ');
}

/** Validates (and fills defaults into a copy of) a job's input; returns the input or a message naming the fields. */
export function validateInput<T>(schema: JsonSchema, input: unknown): { ok: true; value: T } | { ok: false; message: string } {
  const copy = structuredClone(input ?? {});
  const validate = compileInputValidator(schema);
  return validate(copy) ? { ok: true, value: copy as T } : { ok: false, message: `invalid input: ${describeErrors(validate.errors)}` };
}
