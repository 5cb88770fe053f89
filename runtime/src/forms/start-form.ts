import {
  buildBrowserValidatorModule, compileFormValidation, FORM_SCHEMA_VERSION, formPages, generateForm, localizeForm, VIEWER_STRINGS, walkForm,
  type FormPage, type FormSchema, type FormValidation, type StructureSchema,
} from '@konstruktor/forms';
import type { FieldError } from '../http/problem.js';
import { DEFAULT_UPLOAD_LIMITS, MAX_UPLOAD_BYTES, type UploadLimits } from '../documents/upload-check.js';
import { compileDraftCheck } from './draft-check.js';
import { documentReferences, fieldSchema, type DocumentReference } from './document-references.js';
import type { JsonObject, VersionForm } from './version-form.js';

export type Locale = 'lt' | 'lv' | 'en';

/** Where a structure without a form, or a service with neither, is checked against: any object within the size limits. */
const ANY_OBJECT: StructureSchema = { type: 'object' };
const NO_FIELDS: FormSchema = { type: 'default', schemaVersion: FORM_SCHEMA_VERSION, components: [] };

/** The start form as the portal renders it in one language. */
export interface LocalizedStartForm {
  form: FormSchema;
  pages: FormPage[];
  /** The form-js viewer's own strings (buttons, its messages) in the language, keyed by their English text. */
  viewerTranslations?: Record<string, string>;
}

interface FormComponent {
  type?: string;
  key?: string;
  path?: string;
  accept?: string;
  properties?: Record<string, string>;
  components?: FormComponent[];
}

const EXTENSION_TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/** `5242880`, `500kB` or `5MB` as bytes. */
function bytes(text: string | undefined): number | undefined {
  const match = text === undefined ? null : /^\s*(\d+)\s*(kB|KB|MB)?\s*$/.exec(text);
  if (!match) return undefined;
  const unit = match[2] === 'MB' ? 1024 * 1024 : match[2] ? 1024 : 1;
  return Number(match[1]) * unit;
}

/** The form generated from a structure; none when its root is not an object (nothing to ask then). */
function generatedForm(structure: StructureSchema): FormSchema {
  try {
    return generateForm(structure);
  } catch {
    return NO_FIELDS;
  }
}

/** The form's filepicker for a data key (`attachments` or `documents.plan`). */
function filepicker(components: FormComponent[] | undefined, key: string, prefix = ''): FormComponent | undefined {
  for (const component of components ?? []) {
    const own = component.key ?? component.path;
    const full = own ? (prefix ? `${prefix}.${own}` : own) : prefix;
    if (component.type === 'filepicker' && full === key) return component;
    const inner = filepicker(component.components, key, component.type === 'filepicker' ? prefix : full);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * The start form of one service version, built once: everything the runtime checks and serves
 * about it. A package with a data structure but no form gets the form generated from it (as the
 * portal shows it); with neither, data are only held to the size limits.
 */
export class StartForm {
  readonly structure: JsonObject | undefined;
  readonly form: FormSchema;
  readonly checksum: string;
  private readonly draftCheck: ReturnType<typeof compileDraftCheck>;
  private readonly validation: FormValidation;
  private browserModule: string | undefined;
  private readonly localized = new Map<Locale, LocalizedStartForm>();

  constructor(source: VersionForm) {
    this.structure = source.structure;
    this.checksum = source.checksum;
    const structure = (source.structure ?? ANY_OBJECT) as StructureSchema;
    this.form = (source.form as FormSchema | undefined) ?? generatedForm(structure);
    this.validation = compileFormValidation(structure, this.form);
    this.draftCheck = compileDraftCheck(source.structure);
  }

  /**
   * A submission checked as the browser checks it: the cleaned data (values of hidden fields
   * dropped) and every problem, with paths under /data and messages in `locale`.
   */
  validate(data: unknown, locale: Locale): { data: Record<string, unknown>; errors: FieldError[] } {
    const result = this.validation.validate(data, { locale });
    return { data: result.data, errors: result.errors.map((e) => ({ in: 'body', path: `/data${e.path}`, message: e.message })) };
  }

  /** The structure check as an ES module for the browser (ajv standalone code; no eval there). */
  validatorModule(): string {
    this.browserModule ??= buildBrowserValidatorModule((this.structure ?? ANY_OBJECT) as StructureSchema);
    return this.browserModule;
  }

  inLocale(locale: Locale): LocalizedStartForm {
    let localized = this.localized.get(locale);
    if (!localized) {
      const form = localizeForm(this.form, locale);
      const viewerTranslations = locale === 'en' ? undefined : Object.fromEntries(Object.entries(VIEWER_STRINGS).map(([english, texts]) => [english, texts[locale]]));
      localized = { form, pages: formPages(form), ...(viewerTranslations ? { viewerTranslations } : {}) };
      this.localized.set(locale, localized);
    }
    return localized;
  }

  /** Fields filled from platform data: data key (dotted) -> source such as `profile.personalCode`. Not inside repeating groups. */
  prefillFields(): Record<string, string> {
    const fields: Record<string, string> = {};
    walkForm(this.form.components, ({ component, path, kind }) => {
      if (kind !== 'input' || path.includes('*')) return;
      const key = path.join('.');
      const source = component.properties?.prefill ?? fieldSchema(this.structure, key)?.['x-prefill'];
      if (typeof source === 'string') fields[key] = source;
    });
    return fields;
  }

  /** A draft's data: shapes and sizes only (see draft-check.ts). */
  draftErrors(data: unknown, locale: Locale): FieldError[] {
    return this.draftCheck(data, locale);
  }

  documentReferences(data: unknown): DocumentReference[] {
    return documentReferences(this.structure, data, '/data');
  }

  /**
   * Limits of uploads for the field at `key`: the filepicker's `accept` and `properties.maxSize`,
   * else the structure's `contentMediaType` and `x-maxSize`; undefined when it is not a file field.
   */
  uploadLimits(key: string): UploadLimits | undefined {
    const schema = fieldSchema(this.structure, key);
    const picker = filepicker(this.form.components as FormComponent[], key.replace(/\//g, '.'));
    if (!picker && schema?.format !== 'document') return undefined;
    const accepted = (picker?.accept ?? (typeof schema?.contentMediaType === 'string' ? schema.contentMediaType : ''))
      .split(',').map((type) => type.trim().toLowerCase()).filter(Boolean)
      .map((type) => EXTENSION_TYPES[type] ?? type);
    const maxBytes = bytes(picker?.properties?.maxSize) ?? (typeof schema?.['x-maxSize'] === 'number' ? schema['x-maxSize'] : undefined);
    return {
      maxBytes: Math.min(maxBytes ?? DEFAULT_UPLOAD_LIMITS.maxBytes, MAX_UPLOAD_BYTES),
      mediaTypes: accepted.length ? accepted : DEFAULT_UPLOAD_LIMITS.mediaTypes,
    };
  }
}
