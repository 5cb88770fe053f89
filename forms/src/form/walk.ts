/** Walks the components of a form with the data path each one binds. */
import type { FormComponent } from './types.js';
import { INPUT_TYPES, isRepeatingList, splitKey } from './types.js';

/** One component and where its value lives; `*` stands for any row of a repeating group. */
export interface BoundComponent {
  component: FormComponent;
  /** Data path segments; for groups and dynamic lists the path of the object or array. */
  path: string[];
  kind: 'input' | 'group' | 'list' | 'other';
  /** Components hiding this one when their condition holds, outermost first. */
  ancestors: FormComponent[];
}

export function walkForm(components: readonly FormComponent[], visit: (bound: BoundComponent) => void): void {
  const walk = (list: readonly FormComponent[], prefix: string[], ancestors: FormComponent[]): void => {
    for (const component of list) {
      if (isRepeatingList(component)) {
        const path = [...prefix, ...splitKey(component.path)];
        visit({ component, path, kind: 'list', ancestors });
        walk(component.components ?? [], [...path, '*'], [...ancestors, component]);
      } else if (component.type === 'group' || component.type === 'dynamiclist') {
        const path = [...prefix, ...splitKey(component.path)];
        visit({ component, path, kind: 'group', ancestors });
        walk(component.components ?? [], path, [...ancestors, component]);
      } else if (INPUT_TYPES.has(component.type) && component.key) {
        visit({ component, path: [...prefix, ...splitKey(component.key)], kind: 'input', ancestors });
      } else {
        visit({ component, path: prefix, kind: 'other', ancestors });
      }
    }
  };
  walk(components, [], []);
}

/** Data path segments as a JSON Pointer (`['a', 'b~c']` -> `/a/b~0c`). */
export function toPointer(path: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of path) {
    const text = String(segment);
    pointer += '/' + (text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text);
  }
  return pointer;
}
