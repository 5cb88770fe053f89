import { useEffect, useRef } from 'react';
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-viewer/dist/assets/flatpickr/light.css';
import type { FieldError } from '../api.js';
import { fieldAt, fieldsOf, type FormSchema } from './components.js';
import { translateViewer } from '@konstruktor/forms/dom';
import { viewerModules } from '@konstruktor/forms/viewer';
import { formatDay, type Lang } from '../ui/index.js';

type Data = Record<string, unknown>;
/** form-js keeps per-field messages in its state; setting them shows them under the fields, linked by aria-describedby. */
interface FormState { _getState(): { errors: object }; _setState(state: { errors: unknown }): void; _id: string }

/** The DOM id form-js gives a field (with the item indexes of repeating groups). */
export type DomIdOf = (path: string) => string | undefined;

const NO_ERRORS: FieldError[] = [];
const ignore = () => undefined;

/**
 * One page of the form, rendered by the form-js viewer; reports every change of the data.
 * `readOnly`: the answers as given, not to be changed (an official reading an application).
 */
export function FormView({ schema, lang, data, errors = NO_ERRORS, onChange = ignore, onDomIds = ignore, readOnly = false }: {
  schema: FormSchema;
  lang: Lang;
  data: Data;
  errors?: FieldError[];
  onChange?: (data: Data) => void;
  onDomIds?: (domIdOf: DomIdOf) => void;
  readOnly?: boolean;
}) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form | null>(null);
  const latest = useRef({ data, onChange });
  latest.current = { data, onChange };

  useEffect(() => {
    const stopTranslating = translateViewer(container.current!, lang);
    // Undebounced: a debounced number field in a repeating row otherwise writes a stale value
    // back after a new row was added, erasing what was typed there meanwhile.
    const viewer = new Form({ container: container.current!, debounce: false, additionalModules: viewerModules, properties: { readOnly },
      // Read-only dates in the page's language, not the browser's.
      formatDate: (isoDate: string) => formatDay(isoDate, lang) } as ConstructorParameters<typeof Form>[0]);
    form.current = viewer;
    viewer.on('changed', (event: { data: Data }) => latest.current.onChange({ ...latest.current.data, ...event.data }));
    void viewer.importSchema(schema, latest.current.data);
    const fields = fieldsOf(schema.components);
    const id = (viewer as unknown as FormState)._id;
    onDomIds((path) => {
      const at = fieldAt(fields, path);
      if (!at?.field.component.id) return undefined;
      return ['fjs-form', id, at.field.component.id].join('-') + at.indexes.map((i) => `_${i}`).join('');
    });
    return () => {
      stopTranslating();
      viewer.destroy();
      form.current = null;
    };
    // A new page or language re-imports; data changes flow out, not back in.
  }, [schema, lang, onDomIds, readOnly]);

  useEffect(() => {
    const viewer = form.current as unknown as FormState | null;
    if (!viewer) return;
    // Setting the state re-renders every field: not for a page that opens with nothing to show.
    if (errors.length === 0 && Object.keys(viewer._getState().errors).length === 0) return;
    const fields = fieldsOf(schema.components);
    const byField: Record<string, unknown> = {};
    for (const error of errors) {
      const at = fieldAt(fields, error.path);
      if (!at?.field.component.id) continue;
      let node = byField;
      const keys = [at.field.component.id, ...at.indexes.map(String)];
      keys.slice(0, -1).forEach((key) => { node = (node[key] ??= {}) as Record<string, unknown>; });
      node[keys.at(-1)!] = [error.message];
    }
    viewer._setState({ errors: byField });
  }, [errors, schema]);

  return <div ref={container} className="form-view" />;
}
