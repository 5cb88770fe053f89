import { createElement, lazy, useState, type ComponentType } from 'react';
import type { EditorProps, Locale, ProblemSource } from '../model/types.js';
import { whenIdle } from '../model/idle.js';

export type TabId = 'process' | 'forms' | 'data' | 'card' | 'test' | 'publish';

export interface TabDef {
  id: TabId;
  Component: ComponentType<EditorProps>;
}

type Tab = ComponentType<EditorProps>;

/**
 * A tab loaded when it first shows, or ahead by `preload`. A preloaded tab renders at once:
 * React.lazy would still suspend on its first render, and React keeps a fallback it has shown
 * for up to 300 ms before it reveals what replaced it.
 */
function lazyTab<Module>(load: () => Promise<Module>, tabOf: (module: Module) => Tab): { Component: Tab; preload(): Promise<Module> } {
  let loaded: Tab | undefined;
  const preload = () => load().then((module) => { loaded = tabOf(module); return module; });
  const Lazy = lazy(() => preload().then((module) => ({ default: tabOf(module) })));
  function LazyTab(props: EditorProps) {
    // Chosen once per mount: turning from Lazy to the loaded tab later would mount it anew.
    const [Chosen] = useState<Tab>(() => loaded ?? Lazy);
    return createElement(Chosen, props);
  }
  return { Component: LazyTab, preload };
}

/**
 * The editor's tabs, each its own chunk: bpmn-js, form-js and monaco load when their tab first
 * opens, not with the shell.
 */
const processTab = lazyTab(() => import('../process/ProcessTab.js'), (m) => m.ProcessTab);
const loadProcessTab = processTab.preload;

export const TABS: TabDef[] = [
  { id: 'process', Component: processTab.Component },
  { id: 'forms', Component: lazyTab(() => import('../forms/FormsTab.js'), (m) => m.FormsTab).Component },
  { id: 'data', Component: lazyTab(() => import('../data/DataTab.js'), (m) => m.DataTab).Component },
  { id: 'card', Component: lazyTab(() => import('../card/CardTab.js'), (m) => m.CardTab).Component },
  { id: 'test', Component: lazyTab(() => import('../test-runs/TestTab.js'), (m) => m.TestTab).Component },
  { id: 'publish', Component: lazyTab(() => import('../publish/PublishTab.js'), (m) => m.PublishTab).Component },
];

/** The tab that shows (and fixes) a problem from this source. */
export const TAB_OF_SOURCE: Record<ProblemSource, TabId> = {
  process: 'process', forms: 'forms', data: 'data', card: 'card', scenarios: 'test',
};

export function tabId(value: string): TabId {
  return TABS.some((tab) => tab.id === value) ? (value as TabId) : 'process';
}

/**
 * Fetches and runs the modeler's code (the tab an analyst opens first) while the browser is
 * idle, from the first page on: it needs no session, so it loads while the analyst logs in.
 * It is still no part of the initial JavaScript.
 */
export function prefetchProcessCode(): void {
  whenIdle(() => { loadProcessTab().catch(() => undefined); });
}

/** Once logged in, what opening a service would otherwise wait for: the connector templates and a modeler (ProcessTab's prefetch). */
export function prefetchProcessTab(locale: Locale): void {
  whenIdle(() => { loadProcessTab().then((m) => m.prefetch(locale), () => undefined); });
}
