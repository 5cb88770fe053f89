/** What the application reads of a moddle element (bpmn-lint.ts and the linter it loads both use it). */
export interface BpmnElement {
  $type: string;
  id?: string;
  name?: string;
  $attrs?: Record<string, string>;
  modelerTemplate?: string;
  get(name: string): unknown;
  [property: string]: unknown;
}
