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
import { get } from 'min-dash';

/** What form-js's FormField hands to `updateFieldInstanceValidation`. */
interface FieldInstance { id: string; indexes?: Record<string, number> }

interface Validator { validateFieldInstance(fieldInstance: FieldInstance, value: unknown): string[] }
interface FormState { _getState(): { errors: Record<string, unknown> } }

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
    // Where form-js keeps a field instance's messages: errors[id][index]…
    const shown: unknown = get(this.form._getState().errors, [fieldInstance.id, ...Object.values(fieldInstance.indexes ?? {})]);
    if (sameMessages(shown, next)) return;
    super.updateFieldInstanceValidation(fieldInstance, value);
  }
}

/** `new Form({ additionalModules: [steadyValidationModule] })`: replaces form-js's `viewerCommands`. */
export const steadyValidationModule = { viewerCommands: ['type', SteadyViewerCommands] };
