/**
 * Browser only (`@konstruktor/forms/viewer`). A form-js viewer module: a form in which no field
 * has a hide condition skips form-js's walk over its fields to find the hidden ones.
 *
 * Why: form-js filters the data through its condition checker on every change. The walk builds
 * an expression context for each field from all of the form's data, condition or not, so a
 * keystroke costs time in the square of the number of fields. Without hide conditions nothing
 * can be hidden and the walk's answer is a copy of the data, which this module returns at once.
 * A form with any hide condition takes form-js's own path, unchanged.
 */
import { ConditionChecker, clone } from '@bpmn-io/form-js-viewer';

interface FormField { conditional?: { hide?: string } }
/** form-js's FormFieldRegistry: every field of the form, nested ones too. */
interface FieldRegistry { getForm(): FormField | undefined; getAll(): FormField[] }

class LeanConditionChecker extends ConditionChecker {
  override applyConditions(...args: Parameters<ConditionChecker['applyConditions']>): ReturnType<ConditionChecker['applyConditions']> {
    const registry = this._formFieldRegistry as FieldRegistry;
    // Without a form, form-js's own walk reports the error.
    const conditionless = registry.getForm() && !registry.getAll().some((field) => field.conditional?.hide);
    return conditionless ? clone(args[0]) : super.applyConditions(...args);
  }
}

/** `new Form({ additionalModules: [leanConditionsModule] })`: replaces form-js's `conditionChecker`. */
export const leanConditionsModule = { conditionChecker: ['type', LeanConditionChecker] };
