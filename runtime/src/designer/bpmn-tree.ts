import type { BpmnElement } from './bpmn-element.js';

/** Reading a BPMN file's moddle tree (bpmn-lint.ts `readBpmn`): never the XML text. */

/** Every element of the tree, depth first, each once: processes, flow elements, extension elements… */
export function bpmnElements(root: BpmnElement | null): BpmnElement[] {
  const all: BpmnElement[] = [];
  const seen = new Set<unknown>();
  const visit = (element: BpmnElement) => {
    if (seen.has(element)) return;
    seen.add(element);
    all.push(element);
    for (const [key, value] of Object.entries(element)) {
      if (key.startsWith('$')) continue; // $parent, $attrs, $model…: not children
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as BpmnElement).$type === 'string') visit(child as BpmnElement);
      }
    }
  };
  if (root) visit(root);
  return all;
}

/** The ids of the file's processes. */
export function processIds(definitions: BpmnElement | null): string[] {
  return ((definitions?.get('rootElements') as BpmnElement[] | undefined) ?? []).filter((e) => e.$type === 'bpmn:Process').map((e) => e.id!);
}

/** The job types the file's tasks name (zeebe:taskDefinition), leaving out those given as expressions. */
export function jobTypes(definitions: BpmnElement | null): string[] {
  return bpmnElements(definitions).filter((e) => e.$type === 'zeebe:TaskDefinition')
    .map((e) => e.get('type') as string | undefined).filter((type): type is string => !!type && !type.startsWith('='));
}
