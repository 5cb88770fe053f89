import type { LintReport } from '@camunda/linting';
import type { BpmnElement } from './bpmn-element.js';

export type { BpmnElement, LintReport };

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
