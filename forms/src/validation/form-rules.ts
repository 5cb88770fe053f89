/**
 * The form's own constraints (`validate` of each visible field), with form-js 1.23 semantics:
 * required rejects null, '', an unticked checkbox and an empty list; lengths count the trimmed
 * text; checks other than required skip empty values. Rows of repeating groups are checked one by one.
 */
import { isEmail, isPhone } from '../formats/common.js';
import type { FormComponent } from '../form/types.js';
import { INPUT_TYPES, isRepeatingList, splitKey } from '../form/types.js';
import { toPointer } from '../form/walk.js';
import type { DataPath } from './data-path.js';
import { getAt } from './data-path.js';
import type { Issue } from './messages.js';
import { isUnderHidden } from './visibility.js';

function isEmpty(component: FormComponent, value: unknown): boolean {
  return value === null || value === undefined || value === '' || (component.type === 'checkbox' && value === false) || (Array.isArray(value) && value.length === 0);
}

const patterns = new Map<string, RegExp | null>();

function compilePattern(pattern: string): RegExp | null {
  let compiled = patterns.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(pattern);
    } catch {
      compiled = null; // the consistency check reports broken patterns to the analyst
    }
    patterns.set(pattern, compiled);
  }
  return compiled;
}

function checkField(component: FormComponent, value: unknown, path: string, issues: Issue[]): void {
  const validate = component.validate;
  if (!validate) return;
  if (validate.required && isEmpty(component, value)) {
    issues.push({ path, code: 'required' });
    return;
  }
  if (typeof value === 'string' && value !== '') {
    const length = value.trim().length;
    if (typeof validate.minLength === 'number' && length < validate.minLength) issues.push({ path, code: 'minLength', params: { limit: validate.minLength } });
    if (typeof validate.maxLength === 'number' && length > validate.maxLength) issues.push({ path, code: 'maxLength', params: { limit: validate.maxLength } });
    const pattern = validate.pattern ? compilePattern(validate.pattern) : null;
    if (pattern && !pattern.test(value)) {
      // The analyst's message, translated per request from the form's translations.
      issues.push({ path, code: 'pattern', ...(validate.patternErrorMessage ? { params: { message: validate.patternErrorMessage, component: component.id } } : {}) });
    }
    if (validate.validationType === 'email' && !isEmail(value)) issues.push({ path, code: 'format', params: { format: 'email' } });
    if (validate.validationType === 'phone' && !isPhone(value)) issues.push({ path, code: 'format', params: { format: 'phone' } });
  }
  if (typeof value === 'number') {
    if (typeof validate.min === 'number' && value < validate.min) issues.push({ path, code: 'minimum', params: { limit: validate.min } });
    if (typeof validate.max === 'number' && value > validate.max) issues.push({ path, code: 'maximum', params: { limit: validate.max } });
  }
}

/** Issues of the visible fields of `data` (already cleaned of hidden values). */
export function checkFormRules(components: readonly FormComponent[], data: Record<string, unknown>, hidden: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const walk = (list: readonly FormComponent[], prefix: DataPath): void => {
    for (const component of list) {
      if (isRepeatingList(component)) {
        const path = [...prefix, ...splitKey(component.path)];
        const rows = getAt(data, path);
        if (Array.isArray(rows)) rows.forEach((_row, index) => walk(component.components ?? [], [...path, index]));
      } else if (component.type === 'group' || component.type === 'dynamiclist') {
        walk(component.components ?? [], [...prefix, ...splitKey(component.path)]);
      } else if (component.validate && INPUT_TYPES.has(component.type) && component.key) {
        const path = [...prefix, ...splitKey(component.key)];
        const pointer = toPointer(path);
        if (!isUnderHidden(pointer, hidden)) checkField(component, getAt(data, path), pointer, issues);
      }
    }
  };
  walk(components, []);
  return issues;
}
