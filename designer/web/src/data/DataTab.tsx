import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { StructureSchema } from '@konstruktor/forms/browser';
import type { EditorProps, Problem } from '../model/types.js';
import { fileText } from '../model/types.js';
import { FieldTable } from './FieldTable.js';
import { rowProblems } from './row-problems.js';
import { rowsToSchema, schemaToRows } from './schema-rows.js';
import type { FieldRow } from './schema-rows.js';
import { dataStrings } from './strings.js';
import type { DataStrings } from './strings.js';
import { parseStructure, structureFiles } from './structure-files.js';
import { useReportProblems } from './use-problems.js';
import './data.css';

// Monaco is big: its chunk is fetched only when the JSON view is opened.
const JsonView = lazy(() => import('./JsonView.js').then((module) => ({ default: module.JsonView })));

/** The table shown for one file, derived from a text of it (kept while that text is invalid JSON). */
interface View {
  file: string;
  text: string;
  base: StructureSchema;
  rows: FieldRow[];
}

const toText = (schema: StructureSchema) => `${JSON.stringify(schema, null, 2)}\n`;

function fileProblems(file: string, text: string, rows: FieldRow[] | undefined, t: DataStrings): Problem[] {
  const parsed = parseStructure(text);
  const problems: Problem[] = [];
  if (!parsed.ok) problems.push({ source: 'data', file, message: parsed.notObject ? t.notObject : t.badJson(parsed.error), severity: 'error' });
  const table = rows ?? (parsed.ok ? schemaToRows(parsed.schema as StructureSchema) : []);
  for (const problem of rowProblems(table, t)) problems.push({ source: 'data', file, field: problem.path, message: problem.message, severity: problem.severity });
  return problems;
}

/** Data structures: a field table and the JSON Schema beside it, each editing the other. */
export function DataTab({ pkg, onChange, onProblems, readOnly, locale, focus }: EditorProps) {
  const t = dataStrings(locale);
  const files = structureFiles(pkg);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const file = chosen && files.includes(chosen) ? chosen : files[0];
  const text = file ? fileText(pkg, file) : '';
  const parsed = useMemo(() => parseStructure(text), [text]);
  const [view, setView] = useState<View | null>(null);
  const [showJson, setShowJson] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  // A new file or a text the table did not write (JSON view, generate, load) re-renders the
  // table; invalid JSON leaves it as it was.
  if (file && parsed.ok && (view?.file !== file || view.text !== text)) {
    setView({ file, text, base: parsed.schema as StructureSchema, rows: schemaToRows(parsed.schema as StructureSchema) });
  }
  const current = view && view.file === file ? view : null;

  const problems = useMemo(() => rowProblems(current?.rows ?? [], t), [current?.rows, t]);
  const blocked = problems.some((problem) => problem.blocking);
  const invalid = useMemo(() => new Set(problems.map((problem) => problem.path)), [problems]);

  useReportProblems('data', files.flatMap((path) => fileProblems(path, fileText(pkg, path), path === current?.file ? current.rows : undefined, t)), onProblems);

  // A clicked problem opens its file and puts the cursor on the field's name (once per click).
  const pendingFocus = useRef<Problem | undefined>(undefined);
  useEffect(() => {
    pendingFocus.current = focus?.source === 'data' ? focus : undefined;
  }, [focus]);
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    if (target.file !== file && files.includes(target.file)) {
      setChosen(target.file);
      return;
    }
    pendingFocus.current = undefined;
    if (target.field) root.current?.querySelector<HTMLInputElement>(`input[data-field="${CSS.escape(target.field)}"]`)?.focus();
    // files follows pkg; what matters is a new focus or the file it opened.
  }, [focus, file, current]);

  const editRows = (rows: FieldRow[]) => {
    if (!current || !file) return;
    // Names the JSON cannot hold (empty, twice) stay in the table until fixed.
    if (rowProblems(rows, t).some((problem) => problem.blocking)) {
      setView({ ...current, rows });
      return;
    }
    const schema = rowsToSchema(current.base, rows);
    const written = toText(schema);
    setView({ file, text: written, base: schema, rows });
    onChange(file, written);
  };

  if (!file) return <p className="data-tab">{t.noFiles}</p>;

  return (
    <div className="data-tab" ref={root}>
      <div className="data-toolbar">
        <label>
          {t.file}{' '}
          <select value={file} onChange={(e) => setChosen(e.target.value)}>
            {files.map((path) => <option key={path} value={path}>{path}</option>)}
          </select>
        </label>
        <button type="button" aria-expanded={showJson} onClick={() => setShowJson(!showJson)}>
          {showJson ? t.hideJson : t.showJson}
        </button>
      </div>
      <div className={showJson ? 'data-panes with-json' : 'data-panes'}>
        <div className="data-table-pane">
          {!parsed.ok && (
            <p role="alert" className="data-error">
              {t.jsonInvalid}: {parsed.notObject ? t.notObject : parsed.error}
            </p>
          )}
          {blocked && <p role="alert" className="data-error">{t.unsaved}</p>}
          {current && <FieldTable rows={current.rows} onRows={editRows} readOnly={readOnly} t={t} invalid={invalid} />}
        </div>
        {showJson && (
          <section className="data-json-pane" aria-label={t.jsonTitle}>
            <h3>{t.jsonTitle}</h3>
            <p className="hint">{t.jsonHint}</p>
            <Suspense fallback={<p role="status">{t.jsonLoading}</p>}>
              <JsonView value={text} onChange={(next) => onChange(file, next)} readOnly={readOnly} label={`${t.jsonTitle}: ${file}`} loading={t.jsonLoading} />
            </Suspense>
          </section>
        )}
      </div>
    </div>
  );
}
