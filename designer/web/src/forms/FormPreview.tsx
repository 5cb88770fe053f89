import { useEffect, useRef } from 'react';
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-viewer/dist/assets/flatpickr/light.css';
import { localizeForm } from '@konstruktor/forms/browser';
import type { FormSchema, Locale as FormLocale } from '@konstruktor/forms/browser';
import { translateViewer } from '@konstruktor/forms/dom';
import { viewerModules } from '@konstruktor/forms/viewer';

/** The form as a citizen sees it in one language: its texts from x-translations, the viewer's own strings too. */
export function FormPreview({ form, language }: { form: FormSchema; language: FormLocale }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = container.current!;
    const stop = translateViewer(host, language);
    const viewer = new Form({ container: host, additionalModules: viewerModules });
    void viewer.importSchema(localizeForm(form, language), {}).catch((error: unknown) => console.error('form-js preview failed', error));
    return () => {
      stop();
      viewer.destroy();
    };
  }, [form, language]);
  return <div ref={container} className="form-preview" lang={language} data-testid="form-preview" />;
}
