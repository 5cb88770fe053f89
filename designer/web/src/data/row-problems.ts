/** What is wrong with a field table: names that cannot be form keys, duplicates, empty code lists. */
import type { DataStrings } from './strings.js';
import type { FieldRow } from './schema-rows.js';

export interface RowProblem {
  /** Dot path of the field, e.g. applicant.email. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
  /** True when the rows cannot be written as JSON without losing a field. */
  blocking: boolean;
}

/** Form keys and FEEL variable names: a letter or _, then letters, digits, _. */
export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function rowProblems(rows: FieldRow[], t: DataStrings, prefix = ''): RowProblem[] {
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const path = prefix + (row.name || `#${index + 1}`);
    if (row.name === '') problems.push({ path, message: t.emptyName, severity: 'error', blocking: true });
    else if (seen.has(row.name)) problems.push({ path, message: t.duplicate(row.name), severity: 'error', blocking: true });
    else if (!FIELD_NAME.test(row.name)) problems.push({ path, message: t.invalidName(row.name), severity: 'error', blocking: false });
    seen.add(row.name);
    if (row.type === 'code') {
      if (row.codes.length === 0) problems.push({ path, message: t.noCodes(row.name), severity: 'error', blocking: false });
      const values = new Set<string>();
      for (const code of row.codes) {
        if (values.has(code.value)) problems.push({ path, message: t.duplicateCode(row.name, code.value), severity: 'error', blocking: true });
        values.add(code.value);
      }
    }
    if (row.type === 'object') problems.push(...rowProblems(row.children, t, `${path}.`));
  });
  return problems;
}
