import { useEffect, useRef } from 'react';
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { localizeForm, type FormSchema } from '@konstruktor/forms/browser';
import { translateViewer } from '@konstruktor/forms/dom';
import { viewerModules } from '@konstruktor/forms/viewer';
import type { Locale } from '../model/types.js';

/** A form-js schema rendered by the viewer in the designer's language; the submit button validates and hands over the data. */
export function FormRunner({ schema, locale, submitLabel, disabled, onSubmit }: {
  schema: object;
  locale: Locale;
  submitLabel: string;
  disabled: boolean;
  onSubmit(data: Record<string, unknown>): void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form | null>(null);

  useEffect(() => {
    const host = container.current!;
    // The viewer's own strings (Field is required., Add new, …) in the designer's language too.
    const stop = translateViewer(host, locale);
    const viewer = new Form({ container: host, additionalModules: viewerModules });
    form.current = viewer;
    // The form's own x-translations give its texts in the designer's language.
    void viewer.importSchema(localizeForm(schema as FormSchema, locale) as Parameters<Form['importSchema']>[0]);
    return () => {
      stop();
      viewer.destroy();
      form.current = null;
    };
  }, [schema, locale]);

  function submit() {
    const result = form.current?.submit();
    // form-js shows its validation messages under the fields itself.
    if (result && Object.keys(result.errors).length === 0) onSubmit(result.data as Record<string, unknown>);
  }

  return (
    <div className="kt-form-runner">
      <div ref={container} />
      <button type="button" onClick={submit} disabled={disabled}>{submitLabel}</button>
    </div>
  );
}
