/** Generates a form-js form from a data structure: one widget per field, pages for large structures. */
import type { StructureRegistry } from '../structure/registry.js';
import { SchemaResolver } from '../structure/resolve.js';
import type { StructureSchema } from '../structure/schema.js';
import { codeList, schemaType } from '../structure/schema.js';
import type { Locale, LocalizedText } from '../text.js';
import { LOCALES, pickText } from '../text.js';
import type { FormComponent, FormSchema, FormTranslations, FormValidate } from './types.js';
import { FORM_SCHEMA_VERSION, labelProperty } from './types.js';

export interface GenerateFormOptions {
  /** Language of the plain `label`s (translations for every language go to `x-translations`). */
  locale?: Locale;
  /** Split into pages when the structure has more top-level fields than this, or any nested object or list. */
  pageThreshold?: number;
  /** Fields per page for runs of plain top-level fields. */
  fieldsPerPage?: number;
  /** Code lists with at most this many values become radio buttons, longer ones a select. */
  radioLimit?: number;
  id?: string;
  /** Resolves `$ref`s to other registered structures. */
  registry?: StructureRegistry;
}

interface Context {
  resolver: SchemaResolver;
  locale: Locale;
  radioLimit: number;
  translations: Required<FormTranslations>;
  ids: Set<string>;
}

function componentId(ctx: Context, prefix: string, path: string[]): string {
  const base = `${prefix}_${path.join('_').replace(/[^A-Za-z0-9_]/g, '_')}`;
  let id = base;
  for (let n = 2; ctx.ids.has(id); n++) id = `${base}_${n}`;
  ctx.ids.add(id);
  return id;
}

function translate(ctx: Context, key: string, texts: LocalizedText | undefined, plain: string | undefined): void {
  for (const locale of LOCALES) {
    const text = pickText(texts, locale, plain);
    if (text !== undefined) ctx.translations[locale][key] = text;
  }
}

function withTexts(ctx: Context, component: FormComponent, schema: StructureSchema, key: string): FormComponent {
  const property = labelProperty(component);
  component[property] = pickText(schema['x-title'], ctx.locale, schema.title) ?? key;
  translate(ctx, `${component.id}.${property}`, schema['x-title'], schema.title ?? key);
  const patternMessage = pickText(schema['x-pattern-message'], ctx.locale);
  if (patternMessage !== undefined && component.validate?.pattern) {
    component.validate.patternErrorMessage = patternMessage;
    translate(ctx, `${component.id}.validate.patternErrorMessage`, schema['x-pattern-message'], undefined);
  }
  const description = pickText(schema['x-description'], ctx.locale, schema.description);
  if (description !== undefined) {
    component.description = description;
    translate(ctx, `${component.id}.description`, schema['x-description'], schema.description);
  }
  return component;
}

function validateOf(schema: StructureSchema, required: boolean): FormValidate | undefined {
  const validate: FormValidate = {};
  if (required) validate.required = true;
  if (typeof schema.minLength === 'number') validate.minLength = schema.minLength;
  if (typeof schema.maxLength === 'number') validate.maxLength = schema.maxLength;
  if (typeof schema.pattern === 'string') validate.pattern = schema.pattern;
  if (typeof schema.minimum === 'number') validate.min = schema.minimum;
  if (typeof schema.maximum === 'number') validate.max = schema.maximum;
  return Object.keys(validate).length > 0 ? validate : undefined;
}

function options(ctx: Context, id: string, schema: StructureSchema): FormComponent['values'] {
  return codeList(schema)?.map((entry) => {
    translate(ctx, `${id}.values.${String(entry.value)}`, entry.title, entry.label);
    return { label: pickText(entry.title, ctx.locale, entry.label)!, value: entry.value };
  });
}

function fieldFor(ctx: Context, key: string, path: string[], raw: StructureSchema, base: string, required: boolean): FormComponent | undefined {
  const { schema, base: innerBase } = ctx.resolver.deref(raw, base);
  const type = schemaType(schema);
  const extra: Partial<FormComponent> = {};
  if (schema['x-prefill']) extra.properties = { prefill: schema['x-prefill'] };
  const validate = validateOf(schema, required);
  if (validate) extra.validate = validate;
  const accept = schema['x-accept'] ?? (schema.items && ctx.resolver.deref(schema.items, innerBase).schema['x-accept']);
  if (accept) extra.accept = accept;

  if (type === 'object') {
    const id = componentId(ctx, 'Group', path);
    const group: FormComponent = { id, type: 'group', path: key, showOutline: true, components: [] };
    group.components = objectFields(ctx, schema, innerBase, path);
    return withTexts(ctx, group, schema, key);
  }
  if (type === 'array') {
    const items = schema.items ? ctx.resolver.deref(schema.items, innerBase) : undefined;
    const itemType = items ? schemaType(items.schema) : undefined;
    if (items && itemType === 'object') {
      const id = componentId(ctx, 'List', path);
      const list: FormComponent = {
        id,
        type: 'dynamiclist',
        path: key,
        isRepeating: true,
        allowAddRemove: true,
        // As many rows as the data must have: an optional list starts empty, or a citizen with nothing to list must fill in a row.
        defaultRepetitions: Math.max(schema.minItems ?? 0, required ? 1 : 0),
        showOutline: true,
        components: objectFields(ctx, items.schema, items.base, [...path, '*']),
      };
      return withTexts(ctx, list, schema, key);
    }
    if (items?.schema.format === 'document') {
      const id = componentId(ctx, 'Files', path);
      return withTexts(ctx, { id, type: 'filepicker', key, multiple: true, ...extra }, schema, key);
    }
    if (items && codeList(items.schema)) {
      const id = componentId(ctx, 'Field', path);
      const { validate: _none, ...rest } = extra;
      const field: FormComponent = { id, type: 'checklist', key, values: options(ctx, id, items.schema), ...rest };
      if (required) field.validate = { required: true };
      return withTexts(ctx, field, schema, key);
    }
    // A list of plain values has no form-js widget; the consistency check reports it if required.
    return undefined;
  }

  const id = componentId(ctx, 'Field', path);
  const values = options(ctx, id, schema);
  let component: FormComponent;
  if (values) {
    const widget = schema['x-widget'] === 'radio' || schema['x-widget'] === 'select' ? schema['x-widget'] : values.length <= ctx.radioLimit ? 'radio' : 'select';
    component = { id, type: widget, key, values, ...extra };
  } else if (type === 'boolean') {
    // A required checkbox in form-js must be ticked: only a consent (`const: true`) asks for that.
    const { validate: _required, ...rest } = extra;
    component = { id, type: 'checkbox', key, ...rest };
    if (schema.const === true) component.validate = { required: true };
  } else if (type === 'number' || type === 'integer') {
    component = { id, type: 'number', key, ...extra };
    if (type === 'integer') component.decimalDigits = 0;
  } else if (schema.format === 'date') {
    component = { id, type: 'datetime', subtype: 'date', key, ...extra };
  } else if (schema.format === 'document') {
    component = { id, type: 'filepicker', key, multiple: false, ...extra };
  } else if (schema['x-widget'] === 'textarea' || (schema.maxLength ?? 0) > 255) {
    component = { id, type: 'textarea', key, ...extra };
  } else {
    component = { id, type: 'textfield', key, ...extra };
  }
  return withTexts(ctx, component, schema, key);
}

function objectFields(ctx: Context, schema: StructureSchema, base: string, path: string[]): FormComponent[] {
  const required = new Set(schema.required ?? []);
  const fields: FormComponent[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const field = fieldFor(ctx, key, [...path, key], property, base, required.has(key));
    if (field) fields.push(field);
  }
  return fields;
}

/**
 * Pages: each nested object is a page of its own (its group becomes the page, so the data keeps
 * its shape), each repeating list sits alone on a page, runs of plain fields are cut into pages
 * of `fieldsPerPage`.
 */
function paginate(ctx: Context, fields: FormComponent[], title: string | undefined, titles: LocalizedText | undefined, fieldsPerPage: number): FormComponent[] {
  const pages: FormComponent[] = [];
  const run: FormComponent[] = [];
  const newPage = (components: FormComponent[], copyTextsFrom?: string): void => {
    const id = componentId(ctx, 'Page', [String(pages.length + 1)]);
    const page: FormComponent = { id, type: 'group', showOutline: false, properties: { page: 'true' }, components };
    if (copyTextsFrom) {
      for (const locale of LOCALES) {
        const text = ctx.translations[locale][`${copyTextsFrom}.label`];
        if (text !== undefined) ctx.translations[locale][`${id}.label`] = text;
      }
      page.label = components[0]?.label;
    } else {
      const number = pages.length + 1;
      const stepTitles = { lt: `${number} žingsnis`, lv: `${number}. solis`, en: `Step ${number}` };
      page.label = pickText(titles, ctx.locale, title) ?? stepTitles[ctx.locale];
      translate(ctx, `${id}.label`, titles ?? (title ? undefined : stepTitles), title);
    }
    pages.push(page);
  };
  const flush = (): void => {
    while (run.length > 0) newPage(run.splice(0, fieldsPerPage));
  };
  for (const field of fields) {
    if (field.type === 'group' && field.path) {
      flush();
      pages.push({ ...field, properties: { ...field.properties, page: 'true' } });
    } else if (field.type === 'dynamiclist') {
      flush();
      newPage([field], field.id);
    } else {
      run.push(field);
    }
  }
  flush();
  return pages;
}

/**
 * A form-js form for a (bundled) data structure. Labels, descriptions and option labels are
 * written in `options.locale` (default en) and in every language under `x-translations`;
 * structure constraints are copied to `validate`; `x-prefill` goes to `properties.prefill`.
 */
export function generateForm(structure: StructureSchema, options: GenerateFormOptions = {}): FormSchema {
  const resolver = new SchemaResolver(options.registry ? options.registry.bundle(structure) : structure);
  const ctx: Context = {
    resolver,
    locale: options.locale ?? 'en',
    radioLimit: options.radioLimit ?? 4,
    translations: { lt: {}, lv: {}, en: {} },
    ids: new Set(),
  };
  const { schema: root, base } = resolver.deref(resolver.root, resolver.rootBase);
  if (schemaType(root) !== 'object') throw new Error('A form is generated from a structure whose root is an object');
  let components = objectFields(ctx, root, base, []);
  const threshold = options.pageThreshold ?? 10;
  const nested = components.some((component) => component.type === 'group' || component.type === 'dynamiclist');
  if (components.length > threshold || nested) {
    components = paginate(ctx, components, root.title, root['x-title'], options.fieldsPerPage ?? 8);
  }
  const form: FormSchema = {
    id: options.id ?? (structure.$id ? `form-${structure.$id.split('/').slice(-2).join('-')}` : 'form'),
    type: 'default',
    schemaVersion: FORM_SCHEMA_VERSION,
    exporter: { name: 'Konstruktor', version: '0.1.0' },
    components,
    'x-translations': ctx.translations,
  };
  if (structure.$id) form['x-structure'] = structure.$id;
  return form;
}
