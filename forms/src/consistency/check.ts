/**
 * Lint of a form against its data structure, for the designer: keys the structure does not
 * have, widgets that cannot hold the structure's type, required structure fields the form
 * cannot fill. Paths use `*` for any row of a repeating group.
 *
 * A user task's form (`purpose: 'task'`) is checked more loosely: it may bind variables of its
 * own (an official's `decision`, `reason`) and need not fill the structure's required fields;
 * what it binds from the structure must still fit the structure's type.
 */
import type { FormComponent, FormSchema } from '../form/types.js';
import type { BoundComponent } from '../form/walk.js';
import { toPointer, walkForm } from '../form/walk.js';
import type { StructureRegistry } from '../structure/registry.js';
import type { ResolvedSchema } from '../structure/resolve.js';
import { SchemaResolver } from '../structure/resolve.js';
import type { JsonType, StructureSchema } from '../structure/schema.js';
import { codeList, schemaType } from '../structure/schema.js';
import { nullComparedTextFields, nullComparisonMessage } from './null-text.js';

export interface ConsistencyProblem {
  severity: 'error' | 'warning';
  /** The form component concerned; null for a structure field no component fills. */
  componentId: string | null;
  key?: string;
  path: string;
  message: string;
}

/** Widgets whose empty value is "". */
const TEXT_WIDGETS = new Set(['textfield', 'textarea']);

/** Widgets that can hold each JSON type. */
const WIDGETS: Record<JsonType, string[]> = {
  string: ['textfield', 'textarea', 'select', 'radio', 'datetime', 'filepicker'],
  number: ['number', 'select', 'radio'],
  integer: ['number', 'select', 'radio'],
  boolean: ['checkbox'],
  array: ['checklist', 'taglist', 'filepicker'],
  object: [],
  null: [],
};

function childOf(resolver: SchemaResolver, parent: ResolvedSchema, segment: string): ResolvedSchema | undefined {
  const { schema, base } = resolver.deref(parent.schema, parent.base);
  if (segment === '*') return schema.items ? resolver.deref(schema.items, base) : undefined;
  const property = schema.properties?.[segment];
  return property ? resolver.deref(property, base) : undefined;
}

function lookup(resolver: SchemaResolver, root: ResolvedSchema, path: readonly string[]): ResolvedSchema | undefined {
  let current: ResolvedSchema | undefined = root;
  for (const segment of path) {
    if (!current) return undefined;
    current = childOf(resolver, current, segment);
  }
  return current;
}

function allowsAnyProperty(schema: StructureSchema): boolean {
  return schema.additionalProperties === true || (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null);
}

function checkComponent(bound: BoundComponent, target: ResolvedSchema, problems: ConsistencyProblem[]): void {
  const { component, path } = bound;
  const schema = target.schema;
  const type = schemaType(schema);
  const problem = (severity: ConsistencyProblem['severity'], message: string): void => {
    problems.push({ severity, componentId: component.id, ...(component.key ? { key: component.key } : {}), path: toPointer(path), message });
  };
  if (bound.kind === 'list') {
    const items = schema.items;
    if (type !== 'array' || !items) problem('error', `Repeating group "${component.path}" needs a list in the structure, found ${type ?? 'no type'}`);
    return;
  }
  if (bound.kind === 'group') {
    if (type !== 'object') problem('error', `Group path "${component.path}" needs an object in the structure, found ${type ?? 'no type'}`);
    return;
  }
  if (!type) return;
  if (!WIDGETS[type].includes(component.type)) {
    problem('error', `A ${component.type} cannot hold the structure's ${type} "${path.join('.')}"`);
    return;
  }
  const documentItems = type === 'array' && schema.items?.format === 'document';
  if (component.type === 'filepicker' && schema.format !== 'document' && !documentItems) {
    problem('error', `A file picker stores document references: "${path.join('.')}" needs format "document"`);
  }
  if (component.type !== 'filepicker' && (schema.format === 'document' || documentItems)) {
    problem('error', `"${path.join('.')}" holds document references: use a file picker`);
  }
  if (component.type === 'datetime' && (component.subtype ?? 'date') === 'date' && schema.format !== 'date') {
    problem('warning', `A date picker stores YYYY-MM-DD: give "${path.join('.')}" format "date"`);
  }
  if (component.values) {
    const listed = codeList(type === 'array' && schema.items ? schema.items : schema);
    const allowed = new Set(listed?.map((entry) => entry.value));
    for (const option of component.values) {
      if (listed && !allowed.has(option.value)) problem('error', `Option "${String(option.value)}" is not in the structure's code list`);
    }
  }
  const pattern = component.validate?.pattern;
  if (pattern) {
    try {
      new RegExp(pattern);
    } catch {
      problem('error', `Pattern "${pattern}" is not a valid regular expression`);
    }
  }
}

function requiredProblems(resolver: SchemaResolver, root: ResolvedSchema, bound: BoundComponent[], problems: ConsistencyProblem[]): void {
  const filled = new Map<string, FormComponent>();
  const covered = new Set<string>();
  for (const entry of bound) {
    if (entry.kind === 'other') continue;
    const pointer = toPointer(entry.path);
    filled.set(pointer, entry.component);
    for (let end = 1; end <= entry.path.length; end++) covered.add(toPointer(entry.path.slice(0, end)));
  }
  const visit = (node: ResolvedSchema, path: string[], depth: number): void => {
    if (depth > 32) return;
    const { schema, base } = resolver.deref(node.schema, node.base);
    const type = schemaType(schema);
    if (type === 'array' && schema.items && covered.has(toPointer(path))) {
      visit(resolver.deref(schema.items, base), [...path, '*'], depth + 1);
      return;
    }
    if (type !== 'object') return;
    const required = new Set(schema.required ?? []);
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      const childPath = [...path, key];
      const pointer = toPointer(childPath);
      if (required.has(key) && !covered.has(pointer)) {
        problems.push({ severity: 'error', componentId: null, key, path: pointer, message: `Required field "${childPath.join('.')}" has no form field to fill it` });
      }
      const component = filled.get(pointer);
      if (required.has(key) && component?.conditional?.hide) {
        problems.push({ severity: 'warning', componentId: component.id, key, path: pointer, message: `Required field "${childPath.join('.')}" can be hidden; while hidden it is not required` });
      }
      if (covered.has(pointer)) visit(resolver.deref(property, base), childPath, depth + 1);
    }
  };
  visit(root, [], 0);
}

/** Hide conditions that compare a text field with null, which form-js never leaves it. */
function nullTextProblems(bound: BoundComponent[], problems: ConsistencyProblem[]): void {
  const textFields = new Set(
    bound.filter((entry) => TEXT_WIDGETS.has(entry.component.type) && !entry.path.includes('*')).map((entry) => entry.path.join('.')),
  );
  for (const { component, path } of bound) {
    const hide = component.conditional?.hide;
    if (!hide?.startsWith('=')) continue;
    for (const comparison of nullComparedTextFields(hide.slice(1), textFields)) {
      problems.push({ severity: 'warning', componentId: component.id, ...(component.key ? { key: component.key } : {}), path: toPointer(path), message: `Hide condition: ${nullComparisonMessage(comparison)}` });
    }
  }
}

export interface ConsistencyOptions {
  /** For a structure that `$ref`s others. */
  registry?: StructureRegistry;
  /**
   * What the form is for: 'start' (default) fills the structure; 'task' is a user task's form,
   * whose keys outside the structure are the task's own output variables.
   */
  purpose?: 'start' | 'task';
}

export function checkConsistency(structure: StructureSchema, form: FormSchema, options: ConsistencyOptions = {}): ConsistencyProblem[] {
  const task = options.purpose === 'task';
  const resolver = new SchemaResolver(options.registry ? options.registry.bundle(structure) : structure);
  const root = resolver.deref(resolver.root, resolver.rootBase);
  const problems: ConsistencyProblem[] = [];
  const bound: BoundComponent[] = [];
  walkForm(form.components, (entry) => bound.push(entry));
  const seen = new Map<string, string>();
  for (const entry of bound) {
    if (entry.kind === 'other' || (entry.kind === 'group' && !entry.component.path)) continue;
    const pointer = toPointer(entry.path);
    if (entry.kind === 'input') {
      const other = seen.get(pointer);
      if (other) problems.push({ severity: 'error', componentId: entry.component.id, key: entry.component.key, path: pointer, message: `Field "${entry.path.join('.')}" is also bound by ${other}` });
      seen.set(pointer, entry.component.id);
    }
    let target: ResolvedSchema | undefined;
    try {
      target = lookup(resolver, root, entry.path);
    } catch (error) {
      problems.push({ severity: 'error', componentId: entry.component.id, path: pointer, message: (error as Error).message });
      continue;
    }
    if (!target) {
      if (task) continue;
      const parent = lookup(resolver, root, entry.path.slice(0, -1));
      const open = parent ? allowsAnyProperty(resolver.deref(parent.schema, parent.base).schema) : false;
      problems.push({
        severity: open ? 'warning' : 'error',
        componentId: entry.component.id,
        ...(entry.component.key ? { key: entry.component.key } : {}),
        path: pointer,
        message: `"${entry.path.join('.')}" is not in the data structure`,
      });
      continue;
    }
    checkComponent(entry, target, problems);
  }
  if (!task) requiredProblems(resolver, root, bound, problems);
  nullTextProblems(bound, problems);
  return problems;
}
