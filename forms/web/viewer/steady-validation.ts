/**
 * Browser only (`@konstruktor/forms/viewer`). A form-js viewer module: validating a field whose
 * messages would not change leaves the form's state alone.
 *
 * Why: form-js re-renders every field of the form whenever its state is set. It validates a
 * field when it mounts with a value and when it first loses focus, and sets the state each time,
 * even when the messages stay the same. On mount that includes the form itself, whose value is
 * all the data, so every form rendered twice; and a citizen tabbing through a long page of
 * valid answers re-rendered the whole page at every field. Validation itself is cheap (one
 * field); a render of a 200-field page is not.
 */
import { ViewerCommands } from '@bpmn-io/form-js-viewer';

/** What form-js's FormField hands to `updateFieldInstanceValidation`. */
interface FieldInstance { id: string; indexes?: Record<string, number> }

interface Validator { validateFieldInstance(fieldInstance: FieldInstance, value: unknown): string[] }
interface FormState { _getState(): { errors: Record<string, unknown> } }

/** The messages form-js shows for a field instance: `errors[id][index]...`, as its own validation handler stores them. */
function shownMessages(errors: Record<string, unknown>, fieldInstance: FieldInstance): unknown {
  let at: unknown = errors;
  for (const key of [fieldInstance.id, ...Object.values(fieldInstance.indexes ?? {})]) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

function sameMessages(shown: unknown, next: string[]): boolean {
  const before = Array.isArray(shown) ? shown : [];
  return before.length === next.length && before.every((message, i) => message === next[i]);
}

class SteadyViewerCommands extends ViewerCommands {
  static override $inject = ['commandStack', 'eventBus', 'form', 'validator'];

  constructor(commandStack: unknown, eventBus: unknown, private readonly form: FormState, private readonly validator: Validator) {
    super(commandStack, eventBus);
  }

  override updateFieldInstanceValidation(fieldInstance: FieldInstance, value: unknown): void {
    const next = this.validator.validateFieldInstance(fieldInstance, value);
    if (sameMessages(shownMessages(this.form._getState().errors, fieldInstance), next)) return;
    super.updateFieldInstanceValidation(fieldInstance, value);
  }
}

/** `new Form({ additionalModules: [steadyValidationModule] })`: replaces form-js's `viewerCommands`. */
export const steadyValidationModule = { viewerCommands: ['type', SteadyViewerCommands] };
