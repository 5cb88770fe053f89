/**
 * Conditional visibility (`conditional.hide`, a FEEL unary test) evaluated as form-js 1.23 does
 * (ConditionChecker): every variable of the submission is in scope, plus `this` (the current
 * row of a repeating group, or the whole data at top level), `parent` (the enclosing scope's
 * data) and `i` (the 1-based row numbers, outermost first); `_this_`, `_parent_`, `_i_` too.
 * A field hides when the test yields true; a failing expression does not hide. Children of a
 * hidden group or list are hidden.
 */
import type { FormComponent } from '../form/types.js';
import { INPUT_TYPES, isRepeatingList, splitKey } from '../form/types.js';
import { toPointer } from '../form/walk.js';
import type { DataPath } from './data-path.js';
import { cloneJson, deleteAt, getAt } from './data-path.js';
import { feelTestHolds } from './feel.js';

interface Scope {
  this: unknown;
  parent: unknown;
  i: number[];
}

export interface Visibility {
  /** The submission without the values of hidden fields (the submission itself when none had a value). */
  data: Record<string, unknown>;
  /** JSON Pointers of hidden fields, groups and lists (rows included). */
  hidden: Set<string>;
}

function isHiddenBy(component: FormComponent, root: Record<string, unknown>, scope: Scope): boolean {
  const expression = component.conditional?.hide;
  return typeof expression === 'string' && feelTestHolds(expression, { root, this: scope.this, parent: scope.parent, i: scope.i });
}

export function applyVisibility(components: readonly FormComponent[], data: Record<string, unknown>): Visibility {
  const hidden = new Set<string>();
  // Copied on the first hidden value only; conditions always read the submission as sent.
  let copy: Record<string, unknown> | undefined;
  const drop = (path: DataPath): void => {
    if (getAt(data, path) === undefined) return;
    copy ??= cloneJson(data);
    deleteAt(copy, path);
  };
  const walk = (list: readonly FormComponent[], prefix: DataPath, scope: Scope, parentHidden: boolean): void => {
    for (const component of list) {
      const isHidden = parentHidden || isHiddenBy(component, data, scope);
      if (isRepeatingList(component)) {
        const path = [...prefix, ...splitKey(component.path)];
        if (isHidden) {
          hidden.add(toPointer(path));
          drop(path);
          continue;
        }
        const rows = getAt(data, path);
        if (!Array.isArray(rows)) continue;
        rows.forEach((row, index) => {
          walk(component.components ?? [], [...path, index], { this: row, parent: scope.this, i: [...scope.i, index + 1] }, false);
        });
      } else if (component.type === 'group' || component.type === 'dynamiclist') {
        const path = [...prefix, ...splitKey(component.path)];
        if (isHidden && component.path) hidden.add(toPointer(path));
        walk(component.components ?? [], path, scope, isHidden);
      } else if (isHidden && INPUT_TYPES.has(component.type) && component.key) {
        const path = [...prefix, ...splitKey(component.key)];
        hidden.add(toPointer(path));
        drop(path);
      }
    }
  };
  walk(components, [], { this: data, parent: null, i: [] }, false);
  return { data: copy ?? data, hidden };
}

/** Whether a pointer is a hidden field or lies inside a hidden group or list. */
export function isUnderHidden(pointer: string, hidden: ReadonlySet<string>): boolean {
  if (hidden.size === 0) return false;
  for (let end = pointer.length; end > 0; end = pointer.lastIndexOf('/', end - 1)) {
    if (hidden.has(pointer.slice(0, end))) return true;
  }
  return false;
}
