/**
 * `npm run bench:forms`, browser side: renders a form with the form-js viewer as the portal does
 * and reports the milliseconds from importing the viewer to a rendered form that takes input;
 * then how long each keystroke in its last text field takes to reach the screen.
 */
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

declare global {
  interface Window {
    renderForm(schema: unknown): Promise<{ renderMs: number; fields: number; phases: Record<string, number> }>;
    typeKeys(count: number): Promise<number[]>;
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** The rendered form's last text field, the farthest from where rendering starts. */
function lastTextField(): HTMLInputElement {
  const inputs = document.querySelectorAll<HTMLInputElement>('#form input[type="text"]');
  return inputs[inputs.length - 1]!;
}

/** What a keystroke does to the field, as the form sees it. */
function type(field: HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

window.renderForm = async (schema) => {
  const started = performance.now();
  const [{ Form }, { viewerModules }] = await Promise.all([import('@bpmn-io/form-js-viewer'), import('@konstruktor/forms/viewer')]);
  const imported = performance.now();
  // As the portal creates it (undebounced input, Konstruktor's viewer modules).
  const form = new Form({ container: document.getElementById('form')!, debounce: false, additionalModules: viewerModules } as ConstructorParameters<typeof Form>[0]);
  await form.importSchema(schema as Parameters<typeof form.importSchema>[0], {});
  const schemaImported = performance.now();
  await nextFrame();
  const rendered = performance.now();
  // Interactive: typing into the last field reaches the form's data.
  const last = lastTextField();
  const changed = new Promise<void>((resolve) => form.on('changed', () => resolve()));
  last.focus();
  type(last, 'x');
  await changed;
  await nextFrame();
  const done = performance.now();
  return {
    renderMs: done - started, fields: document.querySelectorAll('#form .fjs-form-field').length,
    phases: { import: imported - started, importSchema: schemaImported - imported, firstFrame: rendered - schemaImported, input: done - rendered },
  };
};

/** Types `count` characters into the last text field of the rendered form, one per frame: the milliseconds from each input to the next frame. */
window.typeKeys = async (count) => {
  const last = lastTextField();
  const times: number[] = [];
  for (let key = 0; key < count; key++) {
    const started = performance.now();
    type(last, `${last.value}x`);
    await nextFrame();
    times.push(performance.now() - started);
  }
  return times;
};
