import type { LintReport } from '@camunda/linting';

export type { LintReport };

/**
 * @camunda/linting with its rule plugins takes over half a second to load: it is loaded when a
 * package is first checked or described, not at every runtime start.
 */
const linter = () => import('./camunda-linter.js');

/** Lints one BPMN file by Camunda's 8.6 compatibility rules, whatever execution platform the file declares. */
export async function lintBpmn(xml: string): Promise<LintReport[]> {
  return (await linter()).lintBpmn(xml);
}

/** A BPMN file as a moddle tree (the linter's moddle, Zeebe extensions included). */
export async function readBpmn(xml: string): Promise<BpmnElement> {
  return (await linter()).readBpmn(xml);
}

/** What the application reads of a moddle element. */
export interface BpmnElement {
  $type: string;
  id?: string;
  name?: string;
  $attrs?: Record<string, string>;
  modelerTemplate?: string;
  get(name: string): unknown;
  [property: string]: unknown;
}
