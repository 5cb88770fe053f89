/** Walking a form-js schema: which component holds which data path, and what its label is. */
import { walkForm, type FormComponent } from '@konstruktor/forms/browser';

export interface Component {
  id?: string;
  type: string;
  key?: string;
  path?: string;
  label?: string;
  dateLabel?: string;
  timeLabel?: string;
  isRepeating?: boolean;
  components?: Component[];
  values?: { label: string; value: unknown }[];
  [property: string]: unknown;
}

export interface FormSchema { type?: string; id?: string; components: Component[]; [property: string]: unknown }

export interface FieldInfo {
  component: Component;
  /** Data path segments; `*` stands for an item index of a repeating group. */
  pattern: string[];
}

/**
 * Every component that holds or groups data, with its data path pattern — walked as the
 * validator walks the form, so its error paths land on the same components.
 */
export function fieldsOf(components: Component[]): FieldInfo[] {
  const found: FieldInfo[] = [];
  walkForm(components as FormComponent[], ({ component, path, kind }) => {
    if (kind === 'input' || (kind !== 'other' && component.path)) found.push({ component: component as Component, pattern: path });
  });
  return found;
}

/** Splits `/a/0/b`, `a[0].b` or `a.0.b` into segments. */
export function pathSegments(path: string): string[] {
  return path.replace(/\[(\d+)\]/g, '.$1').split(/[/.]/).filter(Boolean);
}

/** The component an error path points at and the item indexes on the way, or undefined. */
export function fieldAt(fields: FieldInfo[], path: string): { field: FieldInfo; indexes: number[] } | undefined {
  const segments = pathSegments(path);
  for (let length = segments.length; length > 0; length--) {
    const part = segments.slice(0, length);
    const field = fields.find((f) => f.pattern.length === part.length && f.pattern.every((p, i) => p === part[i] || (p === '*' && /^\d+$/.test(part[i]!))));
    if (field) return { field, indexes: field.pattern.flatMap((p, i) => (p === '*' ? [Number(part[i])] : [])) };
  }
  return undefined;
}

/** The value at a data path (`['address', 'city']`). */
export function getIn(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** A copy of `data` with `value` at `path`, objects created on the way. */
export function setIn(data: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [key, ...rest] = path;
  if (key === undefined) return data;
  const child = data[key];
  return { ...data, [key]: rest.length ? setIn(child && typeof child === 'object' ? (child as Record<string, unknown>) : {}, rest, value) : value };
}

/**
 * The answers as submitted: form-js keeps an untouched field as '' or null, which means "not
 * answered", so those keys are left out (in repeating rows too).
 */
export function answered(data: Record<string, unknown>): Record<string, unknown> {
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') return answered(value as Record<string, unknown>);
    return value;
  };
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== '' && v !== undefined).map(([k, v]) => [k, clean(v)]));
}
