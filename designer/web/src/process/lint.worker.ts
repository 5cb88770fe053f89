/**
 * The Process tab's linter, off the main thread: a 300-element diagram takes over half a
 * second to lint, which on the main thread froze the modeler after every change.
 */
import type { LintReport } from '@camunda/linting';
import { lintDiagram } from './lint-rules.js';

export interface LintRequest { id: number; xml: string }
export type LintResponse = { id: number; reports: unknown[] } | { id: number; error: string };

const scope = self as unknown as { onmessage: ((event: MessageEvent<LintRequest>) => void) | null; postMessage(message: LintResponse): void };

scope.onmessage = async ({ data: { id, xml } }) => {
  try {
    // A report's `data` holds the diagram's moddle elements, which cannot cross to the page; the
    // linter has already turned it into the message and the properties-panel entries it needs.
    const reports = (await lintDiagram(xml) as (LintReport & { data?: unknown })[]).map(({ data: _data, ...plain }) => plain);
    scope.postMessage({ id, reports });
  } catch (error) {
    scope.postMessage({ id, error: (error as Error).message });
  }
};
