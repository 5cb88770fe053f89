import { useEffect, useRef, useState } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import type { LintReport } from '@camunda/linting';
import { api, ok } from '../model/api.js';
import { fileText, type EditorProps, type Locale } from '../model/types.js';
import { attachModeler, createModeler, service, type ElementTemplate } from './modeler.js';
import { makeSpareModeler, takeSpareModeler } from './spare-modeler.js';
import { lintDiagram, reportsToProblems } from './lint.js';
import { processFile } from './process-file.js';
import { readOnlyPanel } from './read-only-panel.js';
import { processStrings } from './strings.js';
import { TemplateChooser } from './TemplateChooser.js';

/** Lint and write-back run this long after the last change, not on every drag step. */
const DEBOUNCE_MS = 300;

/** The connector templates in the editor's language, fetched once per language. */
const templatesByLocale = new Map<Locale, Promise<ElementTemplate[]>>();
function connectorTemplates(locale: Locale): Promise<ElementTemplate[]> {
  let found = templatesByLocale.get(locale);
  if (!found) {
    found = ok(api.GET('/api/connectors/templates', { params: { query: { locale } } })).then((r) => r.items);
    found.catch(() => templatesByLocale.delete(locale));
    templatesByLocale.set(locale, found);
  }
  return found;
}

/** Warms what the tab needs before it opens (the shell calls it once logged in): the templates, then a modeler. */
export function prefetch(locale: Locale): void {
  connectorTemplates(locale).then((templates) => makeSpareModeler(locale, templates), () => undefined);
}

/**
 * The Process tab: bpmn-js with the Zeebe properties panel and the connectors' element
 * templates. Each change writes the diagram back to the package and lints it (Camunda 8.6
 * rules); the lint reports are the tab's problems, shown on the canvas too.
 */
export function ProcessTab({ pkg, onChange, onProblems, readOnly, locale, focus }: EditorProps) {
  const t = processStrings(locale);
  const file = processFile(pkg);
  const xml = fileText(pkg, file);
  const canvasRef = useRef<HTMLDivElement>(null);
  const propertiesRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Modeler | null>(null);
  /** The XML the modeler holds now, so the tab's own write-back does not import it again. */
  const shownXml = useRef<string | null>(null);
  const reports = useRef<LintReport[]>([]);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [error, setError] = useState<string>();
  const [templatesError, setTemplatesError] = useState(false);
  const [chooser, setChooser] = useState<{ element: unknown; templates: ElementTemplate[] }>();

  // The file as the package holds it now, for the modeler being made.
  const fileTextNow = useRef(xml);
  fileTextNow.current = xml;
  // The latest props for the modeler's listeners, which live as long as the modeler.
  const latest = useRef({ onChange, onProblems, file, readOnly });
  latest.current = { onChange, onProblems, file, readOnly };

  const lint = async (diagram: string) => {
    const started = performance.now();
    const found = await lintDiagram(diagram).catch(() => [] as LintReport[]);
    // The bench reads how long a lint of the diagram takes.
    performance.measure('konstruktor:process-lint', { start: started, end: performance.now() });
    reports.current = found;
    if (modelerRef.current) service(modelerRef.current, 'linting').setErrors(found);
    latest.current.onProblems('process', reportsToProblems(found, latest.current.file));
  };

  const open = async (modeler: Modeler, diagram: string) => {
    performance.mark('konstruktor:process-import-start');
    await modeler.importXML(diagram);
    service(modeler, 'canvas').zoom('fit-viewport');
    performance.measure('konstruktor:process-import', 'konstruktor:process-import-start');
    shownXml.current = diagram;
    setStatus('ready');
    void lint(diagram);
  };

  // The language the modeler is made in; later switches reach it by the effect below.
  const localeNow = useRef(locale);
  localeNow.current = locale;
  /** The language whose connector templates the modeler holds. */
  const templatesLocale = useRef<Locale | null>(null);

  // One modeler for the tab's life: a language switch keeps it, its diagram and its undo history.
  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setStatus('loading');
    const modeler = (async () => {
      const made = localeNow.current;
      const templates = await connectorTemplates(made).catch(() => { setTemplatesError(true); return [] as ElementTemplate[]; });
      if (disposed) return null;
      const m = takeSpareModeler(made) ?? createModeler({ locale: made, templates });
      service(m, 'readOnly').set(latest.current.readOnly);
      attachModeler(m, canvasRef.current!, propertiesRef.current!);
      templatesLocale.current = made;
      modelerRef.current = m;
      m.on('commandStack.changed', () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const { xml: saved } = await m.saveXML({ format: true });
          if (disposed || !saved) return;
          shownXml.current = saved;
          if (!latest.current.readOnly) latest.current.onChange(latest.current.file, saved);
          void lint(saved);
        }, DEBOUNCE_MS);
      });
      m.on('elementTemplates.select', ({ element }: { element: unknown }) => {
        setChooser({ element, templates: service(m, 'elementTemplates').getLatest(element) });
      });
      try {
        await open(m, fileTextNow.current);
      } catch (e) {
        setError((e as Error).message);
        setStatus('failed');
      }
      return m;
    })();
    return () => {
      disposed = true;
      clearTimeout(timer);
      void modeler.then((m) => { m?.destroy(); if (modelerRef.current === m) modelerRef.current = null; });
      prefetch(localeNow.current);
    };
    // The diagram itself is imported by the effect below when it changes from outside.
  }, []);

  // The designer's language: the modeler's strings and the connector templates' names follow it.
  useEffect(() => {
    const m = modelerRef.current;
    if (!m || status !== 'ready') return;
    service(m, 'language').set(locale);
    if (templatesLocale.current === locale) return;
    let current = true;
    connectorTemplates(locale).then((templates) => {
      if (!current || modelerRef.current !== m) return;
      service(m, 'elementTemplates').set(templates);
      templatesLocale.current = locale;
    }, () => setTemplatesError(true));
    return () => { current = false; };
  }, [locale, status]);

  // A change from elsewhere (a reload, another tab): show it.
  useEffect(() => {
    const m = modelerRef.current;
    if (!m || shownXml.current === null || xml === shownXml.current) return;
    open(m, xml).catch((e: unknown) => { setError((e as Error).message); setStatus('failed'); });
  }, [xml]);

  // A version that became read-only (published) or editable (a reload): switch the modeler over.
  useEffect(() => {
    if (modelerRef.current) service(modelerRef.current, 'readOnly').set(readOnly);
  }, [readOnly, status]);

  // Keep the canvas sized to its box (the tab may have been hidden while the window changed).
  useEffect(() => {
    const observer = new ResizeObserver(() => { if (modelerRef.current) service(modelerRef.current, 'canvas').resized(); });
    observer.observe(canvasRef.current!);
    return () => observer.disconnect();
  }, []);

  // A clicked problem: select its element, scroll to it and open its properties entry.
  useEffect(() => {
    const m = modelerRef.current;
    if (!m || !focus?.elementId || status !== 'ready') return;
    const report = reports.current.find((r) => r.id === focus.elementId && r.message === focus.message) ?? reports.current.find((r) => r.id === focus.elementId);
    if (report) {
      service(m, 'linting').showError(report);
      return;
    }
    const element = service(m, 'elementRegistry').get(focus.elementId);
    if (element) {
      service(m, 'canvas').scrollToElement(element);
      service(m, 'selection').select(element);
    }
  }, [focus, status]);

  // A read-only version's properties can be read, not changed.
  useEffect(() => (readOnly ? readOnlyPanel(propertiesRef.current!) : undefined), [readOnly]);

  return (
    <div className={`process-tab${readOnly ? ' read-only' : ''}`} data-status={status}>
      {status === 'loading' && <p className="process-status">{t.loading}</p>}
      {error && <p role="alert" className="error">{t.importFailed}: {error}</p>}
      {templatesError && <p className="error">{t.templatesFailed}</p>}
      <div className="process-body">
        <div ref={canvasRef} className="process-canvas" role="application" aria-label={`${t.canvas}: ${file}`} />
        <aside ref={propertiesRef} className="process-properties" aria-label={t.properties} />
      </div>
      {chooser && (
        <TemplateChooser templates={chooser.templates} t={t.chooser}
          onClose={() => setChooser(undefined)}
          onApply={(template) => {
            if (modelerRef.current) service(modelerRef.current, 'elementTemplates').applyTemplate(chooser.element, template);
            setChooser(undefined);
          }} />
      )}
    </div>
  );
}
