/**
 * Loads the standalone structure check (see standalone.ts) and puts the shared validation on
 * top of it. Browser-safe: no ajv compiler, no eval.
 */
import * as equalModule from 'ajv/dist/runtime/equal';
import * as ucs2lengthModule from 'ajv/dist/runtime/ucs2length';
import * as uriModule from 'ajv/dist/runtime/uri';
import * as validationErrorModule from 'ajv/dist/runtime/validation_error';
import { formats } from '../formats/index.js';
import type { FormSchema } from '../form/types.js';
import type { FormValidation, FormValidationOptions, StructureCheck } from './core.js';
import { createFormValidation } from './core.js';

/** The default export of a module built by buildBrowserValidatorModule. */
export type StructureCheckFactory = (require: (name: string) => unknown) => StructureCheck;

/** A CommonJS module's `default` whichever way the bundler or Node wrapped it. */
function commonJsDefault(namespace: unknown): unknown {
  let value = namespace as { default?: unknown } | undefined;
  for (let depth = 0; depth < 3 && value && typeof value === 'object' && 'default' in value; depth++) {
    value = value.default as { default?: unknown };
  }
  return value;
}

const RUNTIME: Record<string, unknown> = {
  'ajv/dist/runtime/equal': { default: commonJsDefault(equalModule) },
  'ajv/dist/runtime/ucs2length': { default: commonJsDefault(ucs2lengthModule) },
  'ajv/dist/runtime/uri': { default: commonJsDefault(uriModule) },
  'ajv/dist/runtime/validation_error': { default: commonJsDefault(validationErrorModule) },
  '@konstruktor/forms/formats': { formats },
};

/** The `require` the standalone code is given; anything else is refused by name. */
export function standaloneRequire(name: string): unknown {
  const module = RUNTIME[name];
  if (!module) throw new Error(`The standalone validator asked for an unknown module "${name}"`);
  return module;
}

export function loadBrowserValidation(factory: StructureCheckFactory, form: FormSchema, options: FormValidationOptions = {}): FormValidation {
  return createFormValidation(factory(standaloneRequire), form, options);
}
