/**
 * What the form-js editor's saved schema needs before it goes back into the package: the form's
 * own top-level keys the editor does not keep, and `x-translations` following label edits (the
 * preview and the portal read a language's text from the translations first, so an edited label
 * would otherwise keep showing its old wording there).
 */
import type { FormComponent, FormSchema } from '@konstruktor/forms/browser';

/** The language the form's own texts are written in (generateForm is asked for it). */
export const FORM_LOCALE = 'lt';

const TEXT_PROPERTIES = ['label', 'description', 'dateLabel', 'text'] as const;

function componentsById(components: FormComponent[] | undefined, into = new Map<string, FormComponent>()): Map<string, FormComponent> {
  for (const component of components ?? []) {
    if (component.id) into.set(component.id, component);
    componentsById(component.components, into);
  }
  return into;
}

export function syncSavedForm(previous: FormSchema, saved: FormSchema): FormSchema {
  const result: FormSchema = { ...saved };
  for (const [key, value] of Object.entries(previous)) {
    if (!(key in result)) (result as Record<string, unknown>)[key] = value;
  }
  const translations = previous['x-translations'];
  const own = translations?.[FORM_LOCALE];
  if (!translations || !own) return result;
  const before = componentsById(previous.components);
  const updated = { ...own };
  let changed = false;
  for (const [id, component] of componentsById(saved.components)) {
    for (const property of TEXT_PROPERTIES) {
      const text = component[property];
      if (typeof text !== 'string' || text === before.get(id)?.[property]) continue;
      updated[`${id}.${property}`] = text;
      changed = true;
    }
  }
  if (changed) result['x-translations'] = { ...translations, [FORM_LOCALE]: updated };
  return result;
}
