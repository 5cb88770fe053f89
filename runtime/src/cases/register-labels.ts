/**
 * The names of what a register step brought, as an official reads them: each value shown under
 * the name the register connector gives that field of its answer (`x-title`), in his language.
 */
import { propertyTitle, type JsonSchema } from '@konstruktor/connectors';
import type { Locale } from '../forms/start-form.js';
import type { RegisterVariable } from './case-elements.js';

/** The values the case view lists: an object's fields one by one, a list or a plain value as one line. */
function leaves(value: unknown, path: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [path];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key]));
}

/**
 * Labels keyed by the value's path in the step's data (`representation.mayRepresent`). A nested
 * field reads as its parents' names and its own (`Declared place of residence › City`). A value
 * the connector does not name (an expression's result, a field without a title) gets none: the
 * workspace then shows its key.
 */
export function registerLabels(variables: RegisterVariable[], data: Record<string, unknown>, answerSchema: JsonSchema, locale: Locale): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const { name, from } of variables) {
    if (from === null || !(name in data)) continue;
    for (const rest of leaves(data[name])) {
      const field = [...from, ...rest];
      const names = field.map((_, i) => propertyTitle(answerSchema, field.slice(0, i + 1), locale));
      if (field.length && names.every((n) => n !== undefined)) labels[[name, ...rest].join('.')] = names.join(' › ');
    }
  }
  return labels;
}
