/**
 * The validation both sides run: limits, conditional visibility (hidden values dropped, hidden
 * fields never required), the structure's check, the form's own constraints, messages. Only the
 * structure check differs in how it was built: ajv.compile on the server, the standalone module
 * in the browser — the same generated code either way.
 */
import { translateFormText } from '../form/localize.js';
import type { FormSchema } from '../form/types.js';
import type { Locale } from '../text.js';
import { DEFAULT_LOCALE } from '../text.js';
import { checkFormRules } from './form-rules.js';
import type { DataLimits } from './limits.js';
import { checkLimits } from './limits.js';
import type { Issue } from './messages.js';
import { issueMessage } from './messages.js';
import type { StructureError } from './structure-errors.js';
import { structureIssues } from './structure-errors.js';
import { applyVisibility, isUnderHidden } from './visibility.js';

/** An ajv validate function: returns whether the data is valid and leaves errors on `.errors`. */
export interface StructureCheck {
  (data: unknown): boolean | Promise<unknown>;
  errors?: readonly StructureError[] | null;
}

export interface ValidationError {
  /** JSON Pointer of the field, e.g. `/children/1/personalCode`. */
  path: string;
  message: string;
  code: Issue['code'];
}

export interface ValidationResult {
  valid: boolean;
  /** The submission without values of hidden fields (empty when the submission was refused outright). */
  data: Record<string, unknown>;
  errors: ValidationError[];
}

export interface FormValidation {
  validate(data: unknown, options?: { locale?: Locale }): ValidationResult;
}

export interface FormValidationOptions {
  limits?: DataLimits;
}

/** Messages in the locale, one per path and code; the analyst's own pattern message wins over the generic one. */
function localize(issues: Issue[], locale: Locale, form?: FormSchema): ValidationError[] {
  const byId = new Map<string, ValidationError>();
  for (const issue of issues) {
    const id = `${issue.path}\u0000${issue.code}`;
    const component = issue.params?.component;
    const own = typeof component === 'string' && form ? translateFormText(form, locale, `${component}.validate.patternErrorMessage`) : undefined;
    const message = own ?? issueMessage(issue, locale);
    const earlier = byId.get(id);
    if (!earlier) byId.set(id, { path: issue.path, message, code: issue.code });
    else if (typeof issue.params?.message === 'string') earlier.message = message;
  }
  return [...byId.values()];
}

export function createFormValidation(check: StructureCheck, form: FormSchema, options: FormValidationOptions = {}): FormValidation {
  return {
    validate(data, { locale = DEFAULT_LOCALE } = {}) {
      const refused = checkLimits(data, options.limits);
      if (refused.length > 0) return { valid: false, data: {}, errors: localize(refused, locale) };
      const visible = applyVisibility(form.components, data as Record<string, unknown>);
      const valid = check(visible.data);
      if (typeof valid !== 'boolean') throw new Error('Asynchronous structure checks are not supported');
      const fromStructure = valid ? [] : structureIssues(check.errors).filter((issue) => issue.code !== 'required' || !isUnderHidden(issue.path, visible.hidden));
      const issues = [...fromStructure, ...checkFormRules(form.components, visible.data, visible.hidden)];
      return { valid: issues.length === 0, data: visible.data, errors: localize(issues, locale, form) };
    },
  };
}
