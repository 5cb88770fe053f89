import { labelOf, loadBrowserValidation, type FormSchema as FormsSchema, type StructureCheckFactory } from '@konstruktor/forms/browser';
import { api, ok, type Answer, type FieldError } from '../api.js';
import { localized, type Lang, type Localized } from '../ui/index.js';
import { fieldsOf, type Component, type FormSchema } from './components.js';

type Data = Record<string, unknown>;

/** One page: its heading, the form-js components to render and the file fields the portal renders itself. */
export interface FormPage {
  title: string;
  components: Component[];
  /** Every component of the page, file fields included, for "Check your answers". */
  answers: Component[];
  files: { component: Component; path: string[] }[];
}

export interface Prefilled { key: string; label: string; value: unknown; source: string }

export interface OrderForm {
  title: Localized;
  /** The service's fee as its card states it ("free" or an amount). */
  price: Answer<'get', '/api/services/{code}'>['price'];
  form: FormSchema;
  pages: FormPage[];
  prefill: Record<string, { value: unknown; source: string }>;
  /** The prefilled answers nested as the form holds its data: what a new order opens with. */
  prefilledData: Data;
  /** The verdict the server will give on this data: errors with their paths. */
  validate(data: Data): Promise<FieldError[]>;
  prefilledOn(page: number): Prefilled[];
}

/** A page of GET /api/services/{code}/form: the form in the language asked for, split by the forms package's formPages. */
type ServedPage = Answer<'get', '/api/services/{code}/form'>['pages'][number];

/** File fields are taken out of a list of components, to upload as documents. */
function withoutFiles(components: Component[], prefix: string[]): { rest: Component[]; files: FormPage['files'] } {
  const files = components.filter((c) => c.type === 'filepicker' && c.key).map((component) => ({ component, path: [...prefix, ...component.key!.split('.')] }));
  return { rest: components.filter((c) => c.type !== 'filepicker'), files };
}

/** A page group's label is the page heading, so the group itself renders without one. */
function toPage(page: ServedPage, formTitle: string): FormPage {
  const components = page.schema.components as Component[];
  const group = components.length === 1 && components[0]!.type === 'group' ? components[0]! : undefined;
  if (!group) {
    const { rest, files } = withoutFiles(components, []);
    return { title: page.label ?? formTitle, components: rest, answers: components, files };
  }
  const { label: _label, ...unlabelled } = group;
  const { rest, files } = withoutFiles(group.components ?? [], group.path ? group.path.split('.') : []);
  return { title: page.label ?? formTitle, components: [{ ...unlabelled, label: '', components: rest }], answers: [unlabelled], files };
}

/** The service's start form in a language, with its pages, prefill and the browser validator. */
export async function loadOrderForm(service: string, lang: Lang): Promise<OrderForm & { cardTitle?: Localized }> {
  const [loaded, card] = await Promise.all([
    ok(api.GET('/api/services/{code}/form', { params: { path: { code: service }, query: { lang } } })),
    ok(api.GET('/api/services/{code}', { params: { path: { code: service } } })),
  ]);
  // The structure check compiled on the server to plain code: no eval here, so the CSP holds.
  const module = (await import(/* @vite-ignore */ loaded.validator)) as { default: StructureCheckFactory };
  const validation = loadBrowserValidation(module.default, loaded.form as FormsSchema);
  const pages = loaded.pages.map((page) => toPage(page, localized(card.title, lang)));
  const { prefill } = loaded;
  return {
    title: card.title,
    price: card.price,
    // The API calls it a form-js schema and no more; FormSchema is what the portal reads of one.
    form: loaded.form as FormSchema,
    pages,
    prefill,
    prefilledData: loaded.data,
    async validate(data) {
      return validation.validate(data, { locale: lang }).errors;
    },
    prefilledOn(page) {
      const fields = fieldsOf(pages[page]?.components ?? []);
      return fields.flatMap(({ component, pattern }) => {
        const key = pattern.join('.');
        const given = prefill[key];
        return given ? [{ key, label: labelOf(component) ?? key, value: given.value, source: given.source }] : [];
      });
    },
  };
}
