/** The parts of the form-js 1.23 schema Konstruktor reads and writes. */
import type { Locale } from '../text.js';

export interface FormValidate {
  required?: boolean;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  patternErrorMessage?: string;
  validationType?: 'email' | 'phone' | 'custom';
}

export interface FormComponent {
  id: string;
  type: string;
  key?: string;
  /** Data path of a group or dynamic list (form-js `path`). */
  path?: string;
  label?: string;
  description?: string;
  dateLabel?: string;
  timeLabel?: string;
  subtype?: string;
  components?: FormComponent[];
  values?: Array<{ label: string; value: string | number | boolean }>;
  validate?: FormValidate;
  conditional?: { hide?: string };
  isRepeating?: boolean;
  allowAddRemove?: boolean;
  defaultRepetitions?: number;
  multiple?: boolean | string;
  accept?: string;
  decimalDigits?: number;
  /** form-js custom properties (string values only); Konstruktor uses `page` and `prefill`. */
  properties?: Record<string, string>;
  [property: string]: unknown;
}

/** Translations kept with the form: locale -> `<componentId>.<property>` -> text (see README). */
export type FormTranslations = Partial<Record<Locale, Record<string, string>>>;

export interface FormSchema {
  id?: string;
  type: 'default';
  schemaVersion: number;
  components: FormComponent[];
  exporter?: { name: string; version: string };
  'x-translations'?: FormTranslations;
  /** `$id` of the data structure the form was generated from. */
  'x-structure'?: string;
  [property: string]: unknown;
}

/** Schema version form-js 1.23 writes (`schemaVersion` export of @bpmn-io/form-js-viewer). */
export const FORM_SCHEMA_VERSION = 19;

/** Types that store a value under `key`. */
export const INPUT_TYPES = new Set([
  'textfield',
  'textarea',
  'number',
  'checkbox',
  'checklist',
  'radio',
  'select',
  'taglist',
  'datetime',
  'filepicker',
]);

/** Where form-js keeps a component's label: a date field's is `dateLabel`. */
export function labelProperty(component: Pick<FormComponent, 'type'>): 'label' | 'dateLabel' {
  return component.type === 'datetime' ? 'dateLabel' : 'label';
}

/** What a component is called on screen (a time field's label is `timeLabel`). */
export function labelOf(component: Pick<FormComponent, 'type' | 'label' | 'dateLabel' | 'timeLabel'>): string | undefined {
  return component.type === 'datetime' ? component.dateLabel ?? component.timeLabel : component.label;
}

export function isPage(component: FormComponent): boolean {
  return component.type === 'group' && component.properties?.page === 'true';
}

export function isRepeatingList(component: FormComponent): boolean {
  return component.type === 'dynamiclist' && component.isRepeating !== false;
}

/** Splits a form-js key or path (`address.city`) into data path segments. */
export function splitKey(key: string | undefined): string[] {
  return key ? key.split('.').filter((segment) => segment !== '') : [];
}
