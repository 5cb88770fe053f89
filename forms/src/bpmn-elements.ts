/** The moddle tree of a BPMN file, walked without reading its XML text. */

/** What the walk needs of a moddle element. */
export interface ModdleElement {
  $type: string;
}

/** Every element of the tree, depth first, each once: processes, flow elements, extension elements… */
export function bpmnElements<E extends ModdleElement>(root: E | null): E[] {
  const all: E[] = [];
  const seen = new Set<unknown>();
  const visit = (element: E) => {
    if (seen.has(element)) return;
    seen.add(element);
    all.push(element);
    for (const [key, value] of Object.entries(element)) {
      if (key.startsWith('$')) continue; // $parent, $attrs, $model…: not children
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as E).$type === 'string') visit(child as E);
      }
    }
  };
  if (root) visit(root);
  return all;
}
