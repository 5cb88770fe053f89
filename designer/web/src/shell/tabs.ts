import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { EditorProps, Locale, ProblemSource } from '../model/types.js';

export type TabId = 'process' | 'forms' | 'data' | 'card' | 'test' | 'publish';

export interface TabDef {
  id: TabId;
  Component: LazyExoticComponent<ComponentType<EditorProps>>;
}

/**
 * The editor's tabs, each its own chunk: bpmn-js, form-js and monaco load when their tab first
 * opens, not with the shell.
 */
const loadProcessTab = () => import('../process/ProcessTab.js');

export const TABS: TabDef[] = [
  { id: 'process', Component: lazy(() => loadProcessTab().then((m) => ({ default: m.ProcessTab }))) },
  { id: 'forms', Component: lazy(() => import('../forms/FormsTab.js').then((m) => ({ default: m.FormsTab }))) },
  { id: 'data', Component: lazy(() => import('../data/DataTab.js').then((m) => ({ default: m.DataTab }))) },
  { id: 'card', Component: lazy(() => import('../card/CardTab.js').then((m) => ({ default: m.CardTab }))) },
  { id: 'test', Component: lazy(() => import('../test/TestTab.js').then((m) => ({ default: m.TestTab }))) },
  { id: 'publish', Component: lazy(() => import('../publish/PublishTab.js').then((m) => ({ default: m.PublishTab }))) },
];

/** The tab that shows (and fixes) a problem from this source. */
export const TAB_OF_SOURCE: Record<ProblemSource, TabId> = {
  process: 'process', forms: 'forms', data: 'data', card: 'card', scenarios: 'test',
};

export function tabId(value: string): TabId {
  return TABS.some((tab) => tab.id === value) ? (value as TabId) : 'process';
}

const whenIdle = (run: () => void) => (window.requestIdleCallback ?? ((later: () => void) => setTimeout(later, 200)))(run);

/**
 * Fetches and runs the modeler's code (the tab an analyst opens first) while the browser is
 * idle, from the first page on: it needs no session, so it loads while the analyst logs in.
 * It is still no part of the initial JavaScript.
 */
export function prefetchProcessCode(): void {
  whenIdle(() => { loadProcessTab().catch(() => undefined); });
}

/** Once logged in, the connector templates the modeler shows, so opening a service does not wait for them. */
export function prefetchProcessTab(locale: Locale): void {
  whenIdle(() => { loadProcessTab().then((m) => m.prefetch(locale), () => undefined); });
}
