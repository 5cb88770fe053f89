/** The consistency check of every form against the card's data structure, as designer problems. */
import { checkConsistency } from '@konstruktor/forms/browser';
import type { FormSchema, StructureSchema } from '@konstruktor/forms/browser';
import type { Problem } from '../model/types.js';
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

/** Problems of one form; `field` is the form field key (the component id when it has none). */
export function formProblems(path: string, formText: string, structure: StructureSchema | undefined, t: FormsStrings): Problem[] {
  const form = parseJson<FormSchema>(formText);
  if (!form.ok) return [{ source: 'forms', file: path, message: t.badForm(form.error), severity: 'error' }];
  if (!structure) return [];
  return checkConsistency(structure, form.value).map((problem) => {
    const field = problem.key ?? problem.componentId ?? undefined;
    return { source: 'forms', file: path, ...(field ? { field } : {}), message: problem.message, severity: problem.severity };
  });
}
