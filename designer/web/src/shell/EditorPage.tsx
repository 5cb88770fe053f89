import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DraftPackage, Problem, ProblemSource } from '../model/types.js';
import { useTexts } from './i18n.js';
import { BASE, editorPath, navigate, onLinkClick } from './router.js';
import { readOnlyState, shellApi } from './services-api.js';
import { TAB_OF_SOURCE, TABS, tabId, type TabId } from './tabs.js';
import { ProblemsPanel } from './ProblemsPanel.js';
import { ErrorNote } from './ErrorNote.js';
import { TabErrorBoundary } from './TabErrorBoundary.js';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: unknown };

/**
 * One version of a service in its tabs. The shell holds the package's files (the tabs change
 * them through onChange), saves them in one PUT, and lists every tab's problems.
 */
export function EditorPage({ code, version, tab }: { code: string; version: string; tab: string }) {
  const { t, locale } = useTexts();
  const active = tabId(tab);
  const [pkg, setPkg] = useState<DraftPackage>();
  const [loadError, setLoadError] = useState<unknown>();
  const [dirty, setDirty] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [problems, setProblems] = useState<Partial<Record<ProblemSource, Problem[]>>>({});
  const [focus, setFocus] = useState<Problem>();
  // Tabs stay mounted once opened, so a modeler keeps its undo history and selection.
  const [visited, setVisited] = useState<Set<TabId>>(() => new Set([active]));
  const tabRefs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});

  const load = useCallback(() => {
    setLoadError(undefined);
    shellApi.load(code, version).then((loaded) => { setPkg(loaded); setDirty(false); }, setLoadError);
  }, [code, version]);
  useEffect(load, [load]);
  useEffect(() => { setVisited((seen) => (seen.has(active) ? seen : new Set([...seen, active]))); }, [active]);

  const readOnly = pkg ? readOnlyState(pkg.state) : true;
  const onChange = useCallback((path: string, content: string) => {
    setPkg((current) => {
      if (!current || readOnlyState(current.state)) return current;
      const before = current.files[path];
      if (before?.encoding === 'utf8' && before.content === content) return current;
      setDirty(true);
      setSave({ kind: 'idle' });
      return { ...current, files: { ...current.files, [path]: { encoding: 'utf8', content } } };
    });
  }, []);
  const onProblems = useCallback((source: ProblemSource, list: Problem[]) => {
    setProblems((current) => ({ ...current, [source]: list }));
  }, []);

  const doSave = useCallback(async () => {
    if (!pkg || readOnly || save.kind === 'saving') return;
    setSave({ kind: 'saving' });
    try {
      await shellApi.save(pkg);
      setDirty(false);
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'failed', error });
    }
  }, [pkg, readOnly, save.kind]);

  // Ctrl+S / Cmd+S saves; leaving with unsaved changes asks first.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void doSave();
      }
    };
    const onLeave = (event: BeforeUnloadEvent) => { if (dirty) event.preventDefault(); };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onLeave);
    return () => { window.removeEventListener('keydown', onKey); window.removeEventListener('beforeunload', onLeave); };
  }, [doSave, dirty]);

  const openTab = (id: TabId) => navigate(editorPath(code, version, id), true);
  const openProblem = useCallback((problem: Problem) => {
    // A fresh object each click, so clicking the same problem again focuses it again.
    setFocus({ ...problem });
    navigate(editorPath(code, version, TAB_OF_SOURCE[problem.source]), true);
  }, [code, version]);
  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : step ? (index + step + TABS.length) % TABS.length : -1;
    if (to < 0) return;
    event.preventDefault();
    const id = TABS[to]!.id;
    openTab(id);
    tabRefs.current[id]?.focus();
  };
  const allProblems = useMemo(() => Object.values(problems).flat(), [problems]);

  // Leaving for the list with unsaved changes asks first (a reload or closing asks through beforeunload).
  const leave = (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (dirty && !window.confirm(t.leaveUnsaved)) event.preventDefault();
    else onLinkClick(event);
  };

  if (loadError) return <><a href={BASE} onClick={onLinkClick}>← {t.back}</a><ErrorNote error={loadError} /></>;
  if (!pkg) return <p>{t.loading}</p>;
  return (
    <div className="editor">
      <div className="editor-bar">
        <a href={BASE} onClick={leave}>← {t.back}</a>
        <h1>{code} <span className="version">{version}</span> <span className={`state state-${pkg.state}`}>{t.states[pkg.state] ?? pkg.state}</span></h1>
        <div className="save" aria-live="polite">
          {dirty && <span className="unsaved">{t.unsaved}</span>}
          {save.kind === 'saved' && !dirty && <span className="saved">{t.saved}</span>}
          {!readOnly && <button type="button" className="primary" onClick={() => void doSave()} disabled={save.kind === 'saving' || !dirty} aria-keyshortcuts="Control+S">{save.kind === 'saving' ? t.saving : t.save}</button>}
        </div>
      </div>
      {readOnly && <p className="notice">{t.readOnly}</p>}
      {save.kind === 'failed' && <ErrorNote error={save.error} />}
      <div role="tablist" aria-label={`${code} ${version}`} className="tabs">
        {TABS.map(({ id }, index) => {
          const count = id === 'test' ? problems.scenarios?.length : (problems as Record<string, Problem[] | undefined>)[id]?.length;
          return (
            <button key={id} type="button" role="tab" id={`tab-${id}`} aria-controls={`panel-${id}`} aria-selected={id === active}
              tabIndex={id === active ? 0 : -1} ref={(el) => { tabRefs.current[id] = el; }}
              onClick={() => openTab(id)} onKeyDown={(e) => onTabKey(e, index)}>
              {t.tabs[id]}{count ? <span className="badge" aria-label={`${count} ${t.problems}`}>{count}</span> : null}
            </button>
          );
        })}
      </div>
      <div className="editor-body">
        {TABS.filter(({ id }) => visited.has(id)).map(({ id, Component }) => (
          <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={id !== active} className="panel">
            <TabErrorBoundary>
              <Suspense fallback={<p>{t.loading}</p>}>
                <Component pkg={pkg} onChange={onChange} onProblems={onProblems} readOnly={readOnly} locale={locale}
                  unsaved={dirty} onReload={load} onOpenProblem={openProblem} {...(focus && TAB_OF_SOURCE[focus.source] === id ? { focus } : {})} />
              </Suspense>
            </TabErrorBoundary>
          </div>
        ))}
        <ProblemsPanel problems={allProblems} onOpen={openProblem} />
      </div>
    </div>
  );
}
