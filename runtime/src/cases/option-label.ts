import { LOCALES, translateFormText, walkForm, type FormSchema } from '@konstruktor/forms';
import type { LocalizedText } from '../common/schemas.js';

/**
 * How the task's form names the option `value` of its top-level field `key` (the radio or
 * select the official chose the outcome with), in every language; undefined when the form has
 * no such option (no form, options from a variable, a value the form does not list).
 */
export function optionLabel(form: FormSchema | null | undefined, key: string, value: string): LocalizedText | undefined {
  let label: LocalizedText | undefined;
  if (!form) return label;
  walkForm(form.components, ({ component, path, kind }) => {
    if (label || kind !== 'input' || path.length !== 1 || path[0] !== key) return;
    const option = component.values?.find((o) => String(o.value) === value);
    if (!option) return;
    const texts = LOCALES.flatMap((locale) => {
      const text = translateFormText(form, locale, `${component.id}.values.${value}`, option.label);
      return text ? [[locale, text] as const] : [];
    });
    if (texts.length) label = Object.fromEntries(texts) as LocalizedText;
  });
  return label;
}
