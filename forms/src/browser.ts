/**
 * Browser entry `@konstruktor/forms/browser`: what the citizen portal needs at run time without
 * the ajv compiler (runs under a Content-Security-Policy without 'unsafe-eval').
 */
export { formats, isFormatName } from './formats/index.js';
export type { FormatName } from './formats/index.js';
export { formPages } from './form/pages.js';
export type { FormPage } from './form/pages.js';
export { localizeForm, translateFormText } from './form/localize.js';
export { walkForm } from './form/walk.js';
export { prefilledData } from './form/prefill.js';
export type { BoundComponent } from './form/walk.js';
export { VIEWER_STRINGS, translateViewerText, viewerString } from './form/viewer-strings.js';
export * from './form/types.js';
export { createFormValidation } from './validation/core.js';
export { formOutputStructure } from './validation/form-output.js';
export type { FormValidation, FormValidationOptions, StructureCheck, ValidationError, ValidationResult } from './validation/core.js';
export type { DataLimits } from './validation/limits.js';
export { issueMessage } from './validation/messages.js';
export type { Issue, IssueCode } from './validation/messages.js';
export { loadBrowserValidation, standaloneRequire } from './validation/browser.js';
export type { StructureCheckFactory } from './validation/browser.js';
export { applyVisibility } from './validation/visibility.js';
export * from './text.js';
// The designer generates and checks forms in the browser; neither needs the ajv compiler.
export { generateForm } from './form/generate.js';
export type { GenerateFormOptions } from './form/generate.js';
export { checkConsistency } from './consistency/check.js';
export type { ConsistencyOptions, ConsistencyProblem } from './consistency/check.js';
export type { StructureSchema } from './structure/schema.js';
// The forms of a package and the user tasks naming them (the designer and the runtime's package check).
export { formIdOf, packageFormUses, resolveFormRef, userTaskForms } from './package-forms.js';
export { bpmnElements, type ModdleElement } from './bpmn-elements.js';
export type { FormPurpose, FormTaskUse, PackageForm, PackageFormUses, UserTaskFormRef } from './package-forms.js';
