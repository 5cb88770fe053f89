/** Immutable edits of nested field rows, addressed by the index path from the top (e.g. [2, 0]). */
import type { FieldRow } from './schema-rows.js';

export type RowPath = number[];

/** The rows with the list holding `path`'s last index replaced by `change(list)`. */
function editList(rows: FieldRow[], parent: RowPath, change: (list: FieldRow[]) => FieldRow[]): FieldRow[] {
  if (parent.length === 0) return change(rows);
  const [head, ...rest] = parent as [number, ...number[]];
  return rows.map((row, index) => (index === head ? { ...row, children: editList(row.children, rest, change) } : row));
}

export function updateRow(rows: FieldRow[], path: RowPath, change: (row: FieldRow) => FieldRow): FieldRow[] {
  const index = path.at(-1)!;
  return editList(rows, path.slice(0, -1), (list) => list.map((row, i) => (i === index ? change(row) : row)));
}

export function removeRow(rows: FieldRow[], path: RowPath): FieldRow[] {
  const index = path.at(-1)!;
  return editList(rows, path.slice(0, -1), (list) => list.filter((_, i) => i !== index));
}

/** Moves a row one place up (-1) or down (+1) among its siblings. */
export function moveRow(rows: FieldRow[], path: RowPath, by: -1 | 1): FieldRow[] {
  const index = path.at(-1)!;
  return editList(rows, path.slice(0, -1), (list) => {
    const target = index + by;
    if (target < 0 || target >= list.length) return list;
    const copy = [...list];
    [copy[index], copy[target]] = [copy[target]!, copy[index]!];
    return copy;
  });
}

/** Appends a row to the list at `parent` ([] for the top level, a row's path for its children). */
export function appendRow(rows: FieldRow[], parent: RowPath, make: (siblings: FieldRow[]) => FieldRow): FieldRow[] {
  return editList(rows, parent, (list) => [...list, make(list)]);
}
