import { useEffect, useMemo, useRef, useState } from 'react';
import { generateForm } from '@konstruktor/forms/browser';
import type { FormSchema, Locale as FormLocale, StructureSchema } from '@konstruktor/forms/browser';
import { cardRefs } from '../card/card-read.js';
import { useReportProblems } from '../data/use-problems.js';
import type { DraftPackage, EditorProps, Problem } from '../model/types.js';
import { fileText } from '../model/types.js';
import { FormEditorView } from './FormEditorView.js';
import { listForms } from './form-list.js';
import type { FormEntry, FormList } from './form-list.js';
import { listProblems, parseJson } from './form-problems.js';
import { FORM_LOCALE, syncSavedForm } from './form-sync.js';
import { FormPreview } from './FormPreview.js';
import { formsStrings } from './strings.js';
import type { FormsStrings } from './strings.js';
import './forms.css';

const PREVIEW_LANGUAGES: FormLocale[] = ['lt', 'lv', 'en'];
const toText = (form: FormSchema) => `${JSON.stringify(form, null, 2)}\n`;

function describe(entry: FormEntry, t: FormsStrings): string {
  const uses = [...(entry.purpose === 'start' ? [t.startForm] : []), ...entry.userTasks.map((task) => t.userTask(task.name ?? task.elementId))];
  return uses.length ? `${entry.path} (${uses.join(', ')})` : entry.path;
}

/**
 * The package's forms and what uses each, read again when the package changes (reading its BPMN
 * is asynchronous); the last list stays meanwhile, undefined only before the first is read.
 */
function useFormList(pkg: DraftPackage): FormList | undefined {
  const [list, setList] = useState<FormList | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void listForms(pkg).then((next) => { if (current) setList(next); });
    return () => { current = false; };
  }, [pkg]);
  return list;
}

/**
 * The package's forms in the form-js editor, checked live against the card's data structure:
 * the start form as the one that fills it, user task forms as a task's (own output variables
 * allowed); also forms nothing uses and user tasks naming a form the package lacks.
 */
export function FormsTab({ pkg, onChange, onProblems, onOpenProblem, readOnly, locale, focus }: EditorProps) {
  const t = formsStrings(locale);
  const list = useFormList(pkg);
  const forms = list?.forms ?? [];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const path = chosen && forms.some((entry) => entry.path === chosen) ? chosen : forms[0]?.path;
  const text = path ? fileText(pkg, path) : '';
  const parsed = useMemo(() => parseJson<FormSchema>(text), [text]);

  const structurePath = cardRefs(fileText(pkg, 'service.yaml')).dataStructure;
  const structureText = structurePath ? fileText(pkg, structurePath) : '';
  const structure = useMemo(() => (structureText ? parseJson<StructureSchema>(structureText) : undefined), [structureText]);

  // A user task naming a missing form is reported with source 'process': a click opens the Process tab on it.
  const problems: Problem[] | undefined = list && listProblems(list, (file) => fileText(pkg, file), structure?.ok ? structure.value : undefined, t);
  useReportProblems('forms', problems, onProblems);
  const shown = (problems ?? []).filter((problem) => problem.file === path || problem.source === 'process');

  // The form the editor shows: the same object while the text is the one it saved, so it is not re-imported.
  const saved = useRef<{ text: string; form: FormSchema } | null>(null);
  const form = parsed.ok ? (saved.current?.text === text ? saved.current.form : parsed.value) : undefined;

  const save = (next: FormSchema) => {
    if (!path || !parsed.ok || readOnly) return;
    const written = syncSavedForm(parsed.value, next);
    const nextText = toText(written);
    saved.current = { text: nextText, form: next };
    if (nextText !== text) onChange(path, nextText);
  };

  const generate = () => {
    if (!path || !structure?.ok) return;
    const current = parsed.ok ? parsed.value : undefined;
    if (current && current.components?.length > 0 && !window.confirm(t.confirmReplace)) return;
    const id = current?.id ?? path.replace(/^.*\//, '').replace(/\.form$/, '');
    onChange(path, toText({ ...generateForm(structure.value, { locale: FORM_LOCALE }), id }));
  };

  // A clicked problem opens its form and selects the field in the editor.
  const [select, setSelect] = useState<{ key: string; n: number } | undefined>(undefined);
  useEffect(() => {
    if (focus?.source !== 'forms') return;
    if (forms.some((entry) => entry.path === focus.file)) setChosen(focus.file);
    if (focus.field) setSelect((old) => ({ key: focus.field!, n: (old?.n ?? 0) + 1 }));
    // forms follows pkg; a focus is acted on once, when it is set.
  }, [focus]);

  const [showPreview, setShowPreview] = useState(false);
  const [language, setLanguage] = useState<FormLocale>('lt');

  if (!list) return <p className="forms-tab" aria-busy="true" />;
  if (!path) return <p className="forms-tab">{t.noForms}</p>;

  return (
    <div className="forms-tab">
      <div className="forms-toolbar">
        <label>
          {t.form}{' '}
          <select value={path} onChange={(e) => setChosen(e.target.value)}>
            {forms.map((entry) => <option key={entry.path} value={entry.path}>{describe(entry, t)}</option>)}
          </select>
        </label>
        <button type="button" onClick={generate} disabled={readOnly || !structure?.ok} title={structurePath ? undefined : t.noStructure}>
          {t.generate}
        </button>
        <button type="button" aria-expanded={showPreview} onClick={() => setShowPreview(!showPreview)}>
          {showPreview ? t.hidePreview : t.showPreview}
        </button>
      </div>
      {!structurePath && <p className="forms-note">{t.noStructure}</p>}
      {structure && !structure.ok && <p role="alert" className="forms-error">{t.badStructure(structure.error)}</p>}
      {readOnly && <p className="forms-note">{t.readOnly}</p>}
      {!parsed.ok && <p role="alert" className="forms-error">{t.badForm(parsed.error)}</p>}
      <section className="forms-problems" aria-label={t.problems}>
        <h3>{t.problems}</h3>
        {shown.length === 0 ? (
          <p>{t.noProblems}</p>
        ) : (
          <ul>
            {shown.map((problem, index) => (
              <li key={index} className={problem.severity}>
                {problem.elementId ? (
                  <button type="button" className="link" title={t.openElement(problem.elementId)} onClick={() => onOpenProblem?.(problem)}>
                    {problem.elementId}
                  </button>
                ) : problem.field ? (
                  <button type="button" className="link" onClick={() => setSelect((old) => ({ key: problem.field!, n: (old?.n ?? 0) + 1 }))}>
                    {problem.field}
                  </button>
                ) : null}{' '}
                {problem.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className={showPreview ? 'forms-panes with-preview' : 'forms-panes'}>
        {form && <FormEditorView key={`${path} ${locale}`} form={form} onSave={save} locale={locale} {...(select ? { select } : {})} />}
        {showPreview && (
          <section className="forms-preview" aria-label={t.preview}>
            <fieldset className="preview-languages">
              <legend>{t.previewLanguage}</legend>
              {PREVIEW_LANGUAGES.map((code) => (
                <label key={code}>
                  <input type="radio" name="preview-language" value={code} checked={language === code} onChange={() => setLanguage(code)} /> {code.toUpperCase()}
                </label>
              ))}
            </fieldset>
            {parsed.ok && <FormPreview form={parsed.value} language={language} />}
          </section>
        )}
      </div>
    </div>
  );
}
