/**
 * The forms checks as designer problems, the rules of the runtime's package check (both call
 * @konstruktor/forms' checkConsistency and packageFormUses): the start form against the card's data structure,
 * a user task's form more loosely (its own output variables are not in the structure), a form
 * nothing uses, and a user task naming a form the package lacks.
 */
import { checkConsistency } from '@konstruktor/forms/browser';
import type { FormSchema, StructureSchema } from '@konstruktor/forms/browser';
import type { Problem } from '../model/types.js';
import type { FormPurpose } from '@konstruktor/forms/browser';
import type { FormList } from './form-list.js';
import type { FormsStrings } from './strings.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseJson<T>(text: string): Parsed<T> {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'not an object' };
    return { ok: true, value: value as T };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/**
 * Problems of one form; `field` is the form field key (the component id when it has none).
 * A start form is checked as the one that fills the structure, a user task's form with
 * `purpose: 'task'`; a form nothing uses is only read.
 */
export function formProblems(path: string, formText: string, structure: StructureSchema | undefined, t: FormsStrings, purpose: FormPurpose = 'start'): Problem[] {
  const form = parseJson<FormSchema>(formText);
  if (!form.ok) return [{ source: 'forms', file: path, message: t.badForm(form.error), severity: 'error' }];
  if (purpose === 'unused') return [{ source: 'forms', file: path, message: t.unusedForm, severity: 'warning' }];
  if (!structure) return [];
  return checkConsistency(structure, form.value, { purpose }).map((problem) => {
    const field = problem.key ?? problem.componentId ?? undefined;
    return { source: 'forms', file: path, ...(field ? { field } : {}), message: problem.message, severity: problem.severity };
  });
}

/**
 * Every form of the list checked for its purpose, and an error on each user task whose form is
 * not in the package: source 'process' with the element, so a click opens the Process tab on it.
 */
export function listProblems(list: FormList, text: (path: string) => string, structure: StructureSchema | undefined, t: FormsStrings): Problem[] {
  return [
    ...list.missing.map((task): Problem => ({ source: 'process', file: task.file, elementId: task.elementId, message: t.missingForm(task.ref), severity: 'error' })),
    ...list.forms.flatMap((entry) => formProblems(entry.path, text(entry.path), structure, t, entry.purpose)),
  ];
}
