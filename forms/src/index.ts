/**
 * Public entry point of @konstruktor/forms: data structures, form generation, consistency
 * check, translations and the one validator for browser and server. Browser-safe (no node:
 * modules); `compileFormValidation` uses ajv's compiler (new Function), so pages under a strict
 * CSP load the standalone module through `loadBrowserValidation` instead (see README).
 */
export * from './browser.js';
export * from './formats/index.js';
export { createStructureRegistry, parseStructureId, structureId, STRUCTURE_ID_BASE } from './structure/registry.js';
export type { StructureRegistry } from './structure/registry.js';
export { codeList, JSON_SCHEMA_2020, schemaDescription, schemaTitle, schemaType } from './structure/schema.js';
export type { CodeListEntry, JsonType, StructureSchema } from './structure/schema.js';
export { SchemaResolver } from './structure/resolve.js';
export { generateForm } from './form/generate.js';
export type { GenerateFormOptions } from './form/generate.js';
export { walkForm, toPointer } from './form/walk.js';
export type { BoundComponent } from './form/walk.js';
export { closeObjects, prepareStructure } from './validation/ajv-setup.js';
export { compileFormValidation } from './validation/server.js';
export type { CompileOptions } from './validation/server.js';
export { buildBrowserValidatorModule } from './validation/standalone.js';
export { checkConsistency } from './consistency/check.js';
export type { ConsistencyOptions, ConsistencyProblem } from './consistency/check.js';
export { FORMS_BROWSER_SOURCES } from './sources.js';
