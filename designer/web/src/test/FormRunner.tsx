import { useEffect, useRef } from 'react';
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

/** A form-js schema rendered by the viewer; the submit button validates and hands over the data. */
export function FormRunner({ schema, submitLabel, disabled, onSubmit }: {
  schema: object;
  submitLabel: string;
  disabled: boolean;
  onSubmit(data: Record<string, unknown>): void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form | null>(null);

  useEffect(() => {
    const viewer = new Form({ container: container.current! });
    form.current = viewer;
    void viewer.importSchema(schema as Parameters<Form['importSchema']>[0]);
    return () => {
      viewer.destroy();
      form.current = null;
    };
  }, [schema]);

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
