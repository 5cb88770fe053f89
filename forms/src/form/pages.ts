/**
 * Pages of a form. form-js has no pages, so a page is a top-level `group` with
 * `properties: { page: 'true' }`. Each page renders as its own form-js schema on the same data
 * (a page group may carry a `path`, which keeps the data shape).
 */
import type { FormComponent, FormSchema } from './types.js';
import { isPage } from './types.js';

export interface FormPage {
  id: string;
  label: string | undefined;
  /** A form-js schema with only this page's components. */
  schema: FormSchema;
}

/** The pages of a form; top-level components outside a page group form pages of their own runs. */
export function formPages(form: FormSchema): FormPage[] {
  const pages: FormPage[] = [];
  let run: FormComponent[] = [];
  const push = (id: string, label: string | undefined, components: FormComponent[]): void => {
    pages.push({ id, label, schema: { ...form, id: `${form.id ?? 'form'}#${id}`, components } });
  };
  const flush = (): void => {
    if (run.length > 0) push(`page-${pages.length + 1}`, undefined, run);
    run = [];
  };
  for (const component of form.components) {
    if (isPage(component)) {
      flush();
      push(component.id, component.label, [component]);
    } else {
      run.push(component);
    }
  }
  flush();
  return pages;
}
