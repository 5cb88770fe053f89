/**
 * The forms of a package and what uses each: the card's start form and the user tasks whose
 * zeebe:formDefinition names it (formId = the form's `id`, or formKey = its id or path).
 */
import { cardRefs } from '../card/card-read.js';
import type { DraftPackage } from '../model/types.js';
import { fileText } from '../model/types.js';

export interface FormUse {
  /** The BPMN file and the user task in it. */
  file: string;
  elementId: string;
  name?: string;
}

export interface FormEntry {
  path: string;
  /** The form's `id` (what formId refers to). */
  id?: string;
  start: boolean;
  userTasks: FormUse[];
}

const attribute = (attributes: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];

/** Every user task of a BPMN text with the form it names (formId or formKey). */
export function userTaskForms(bpmn: string): { elementId: string; name?: string; ref: string }[] {
  const tasks: { elementId: string; name?: string; ref: string }[] = [];
  for (const match of bpmn.matchAll(/<(?:[\w-]+:)?userTask\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w-]+:)?userTask>)/g)) {
    const [, attributes = '', body = ''] = match;
    const elementId = attribute(attributes, 'id');
    const definition = /<(?:[\w-]+:)?formDefinition\b([^>]*)>/.exec(body)?.[1] ?? '';
    const ref = attribute(definition, 'formId') ?? attribute(definition, 'formKey');
    const name = attribute(attributes, 'name');
    if (elementId && ref) tasks.push({ elementId, ref, ...(name ? { name } : {}) });
  }
  return tasks;
}

function formId(text: string): string | undefined {
  try {
    const id: unknown = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The start form first, then the other forms by path. */
export function listForms(pkg: DraftPackage): FormEntry[] {
  const { startForm } = cardRefs(fileText(pkg, 'service.yaml'));
  const paths = new Set(Object.keys(pkg.files).filter((path) => path.endsWith('.form')));
  if (startForm) paths.add(startForm);
  const entries = [...paths].sort().map((path): FormEntry => {
    const id = formId(fileText(pkg, path));
    return { path, start: path === startForm, userTasks: [], ...(id ? { id } : {}) };
  });
  for (const file of Object.keys(pkg.files).filter((path) => path.endsWith('.bpmn')).sort()) {
    for (const task of userTaskForms(fileText(pkg, file))) {
      const entry = entries.find((form) => form.id === task.ref || form.path === task.ref || form.path === `forms/${task.ref}.form`);
      if (entry) entry.userTasks.push({ file, elementId: task.elementId, ...(task.name ? { name: task.name } : {}) });
    }
  }
  return entries.sort((a, b) => Number(b.start) - Number(a.start));
}
