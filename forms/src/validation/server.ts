/** The validation compiled with ajv (uses `new Function`: server side, or pages without a strict CSP). */
import type { FormSchema } from '../form/types.js';
import type { StructureRegistry } from '../structure/registry.js';
import type { StructureSchema } from '../structure/schema.js';
import { createAjv, prepareStructure } from './ajv-setup.js';
import type { FormValidation, FormValidationOptions, StructureCheck } from './core.js';
import { createFormValidation } from './core.js';

export interface CompileOptions extends FormValidationOptions {
  /** Resolves `$ref`s to other registered structures. */
  registry?: StructureRegistry;
}

export function compileFormValidation(structure: StructureSchema, form: FormSchema, options: CompileOptions = {}): FormValidation {
  const check = createAjv().compile(prepareStructure(structure, options.registry)) as StructureCheck;
  return createFormValidation(check, form, options);
}
