/** Loads a standalone validator module the way the portal does: as an ES module, never evaluated by ajv. */
import type { FormSchema, FormValidation, StructureCheckFactory, StructureRegistry, StructureSchema } from '@konstruktor/forms';
import { buildBrowserValidatorModule, loadBrowserValidation } from '@konstruktor/forms';

export async function browserValidation(structure: StructureSchema, form: FormSchema, registry?: StructureRegistry): Promise<FormValidation> {
  const source = buildBrowserValidatorModule(structure, registry ? { registry } : {});
  const url = `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`;
  const module = (await import(/* @vite-ignore */ url)) as { default: StructureCheckFactory };
  return loadBrowserValidation(module.default, form);
}
