import { useEffect, useRef } from 'react';
import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import '@bpmn-io/form-js-editor/dist/assets/dragula.css';
import type { FormSchema } from '@konstruktor/forms/browser';
import type { Locale } from '../model/types.js';
import { translateDom } from '@konstruktor/forms/dom';
import { formEditorText } from './form-editor-strings.js';

interface FormField { id: string; key?: string; path?: string }
interface Selection { set(field: FormField | null): void }
interface Registry { getAll(): FormField[] }

interface Props {
  form: FormSchema;
  /** A schema saved by the editor after the user changed something. */
  onSave(form: FormSchema): void;
  locale: Locale;
  /** Form field key (or component id) to select; `n` changes to select again. */
  select?: { key: string; n: number };
}

const EXPORTER = { name: 'Konstruktor', version: '0.1.0' };

/** The form-js editor on one form: re-imports forms it did not save itself, reports its edits. */
export function FormEditorView({ form, onSave, locale, select }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<FormEditor | null>(null);
  const latest = useRef({ onSave });
  latest.current = { onSave };
  /** The last schema the editor holds, imported or saved: a prop equal to it is not re-imported. */
  const held = useRef<FormSchema | null>(null);
  const importing = useRef(false);

  useEffect(() => {
    const instance = new FormEditor({ container: container.current!, exporter: EXPORTER } as ConstructorParameters<typeof FormEditor>[0]);
    editor.current = instance;
    instance.on('changed', () => {
      if (importing.current) return;
      const saved = instance.saveSchema() as FormSchema;
      held.current = saved;
      latest.current.onSave(saved);
    });
    return () => {
      instance.destroy();
      editor.current = null;
      held.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = editor.current;
    if (!instance || form === held.current) return;
    held.current = form;
    importing.current = true;
    void instance.importSchema(form).catch((error: unknown) => console.error('form-js import failed', error)).finally(() => {
      // The editor's own 'changed' after an import is not an edit.
      setTimeout(() => { importing.current = false; }, 0);
      selectField();
    });
  }, [form]);

  // Also for English: what was drawn in another language before a switch goes back to English.
  useEffect(() => translateDom(container.current!, { translate: (text) => formEditorText(text, locale), skip: '.fjs-form, .bio-properties-panel-header-label, input, textarea' }), [locale]);

  // A selection asked for before the form is imported waits for the import.
  const wanted = useRef(select);
  wanted.current = select;
  const applied = useRef<Props['select']>(undefined);
  const selectField = () => {
    const instance = editor.current;
    const key = wanted.current?.key;
    if (!instance || !key || applied.current === wanted.current) return;
    const fields = instance.get<Registry>('formFieldRegistry').getAll();
    const field = fields.find((candidate) => candidate.key === key || candidate.path === key) ?? fields.find((candidate) => candidate.id === key);
    if (!field) return;
    applied.current = wanted.current;
    instance.get<Selection>('selection').set(field);
    container.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(field.id)}"]`)?.scrollIntoView({ block: 'center' });
  };
  useEffect(selectField, [select]);

  return <div ref={container} className="form-editor-host" data-testid="form-editor" />;
}
