/**
 * Form texts in a language. `x-translations[locale]['<componentId>.<property>']` holds label,
 * description, dateLabel, timeLabel, text (text views) and `values.<value>` (option labels). Fallback: the
 * requested locale, then the text written in the form itself (the analyst's own wording), then
 * en, lt, lv — so a form without an `en` translation shows its own text, not another language.
 */
import type { Locale } from '../text.js';
import type { FormComponent, FormSchema } from './types.js';

const TEXT_PROPERTIES = ['label', 'description', 'dateLabel', 'timeLabel', 'text', 'validate.patternErrorMessage'] as const;

export function translateFormText(form: FormSchema, locale: Locale, key: string, written?: unknown): string | undefined {
  const translations = form['x-translations'];
  if (typeof written === 'string' && written !== '' && !translations?.[locale]?.[key]) return written;
  if (!translations) return undefined;
  for (const candidate of [locale, 'en', 'lt', 'lv'] as const) {
    const text = translations[candidate]?.[key];
    if (typeof text === 'string' && text !== '') return text;
  }
  return undefined;
}

function localizeComponent(form: FormSchema, component: FormComponent, locale: Locale): FormComponent {
  const result: FormComponent = { ...component };
  for (const property of TEXT_PROPERTIES) {
    const written = property === 'validate.patternErrorMessage' ? component.validate?.patternErrorMessage : component[property];
    const text = translateFormText(form, locale, `${component.id}.${property}`, written);
    if (text === undefined) continue;
    if (property === 'validate.patternErrorMessage') result.validate = { ...result.validate, patternErrorMessage: text };
    else result[property] = text;
  }
  if (component.values) {
    result.values = component.values.map((option) => ({
      ...option,
      label: translateFormText(form, locale, `${component.id}.values.${String(option.value)}`, option.label) ?? option.label,
    }));
  }
  if (component.components) result.components = component.components.map((child) => localizeComponent(form, child, locale));
  return result;
}

/** The form-js schema with every text in `locale`; translations stay attached. */
export function localizeForm(form: FormSchema, locale: Locale): FormSchema {
  return { ...form, components: form.components.map((component) => localizeComponent(form, component, locale)), 'x-locale': locale };
}
