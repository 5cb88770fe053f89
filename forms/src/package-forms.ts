/**
 * The forms of a service package and the user tasks that name them, for the designer and the
 * runtime's package check alike. A user task names its form in `zeebe:formDefinition`:
 * `formId` = the `id` of a .form file (a linked form), or `formKey` = that id or the form's path
 * in the package (`forms/review.form`, or `review` for `forms/review.form`). The BPMN is read
 * with bpmn-moddle and Zeebe's extensions, which run in the browser and on the server alike.
 */
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { bpmnElements } from './bpmn-elements.js';

/** A user task and the form reference it names. */
export interface UserTaskFormRef {
  elementId: string;
  name?: string;
  /** `formId` or `formKey` as written. */
  ref: string;
}

/** A user task in one of the package's BPMN files, with the form reference it names. */
export interface FormTaskUse extends UserTaskFormRef {
  /** The BPMN file. */
  file: string;
}

/** A form of the package. */
export interface PackageForm {
  path: string;
  /** The form's `id` (what formId refers to). */
  id?: string;
}

/** What a form is checked as: the card's start form, a user task's form, or a form nothing uses. */
export type FormPurpose = 'start' | 'task' | 'unused';

export interface PackageFormUses {
  /** Every .form file (and the start form) by path, with the user tasks that name it and what it is for. */
  forms: (PackageForm & { userTasks: FormTaskUse[]; purpose: FormPurpose })[];
  /** User tasks whose form is not in the package. */
  missing: FormTaskUse[];
}

/** Job-worker user tasks may carry their form inside the BPMN (`zeebe:userTaskForm`). */
const EMBEDDED = 'camunda-forms:bpmn:';

/** What is read of a moddle element here. */
interface Element {
  $type: string;
  id?: string;
  name?: string;
  get(property: string): unknown;
}

const moddle = new BpmnModdle({ zeebe: zeebeSchema });

const extensionValues = (element: Element): Element[] => ((element.get('extensionElements') as Element | undefined)?.get('values') as Element[] | undefined) ?? [];

/**
 * Every user task of a BPMN text that names a form (formId or formKey). Forms embedded in the
 * BPMN and references that are FEEL expressions (`=…`) name no package form and are left out.
 * A text that is not BPMN names none: the package check reports it on its own.
 */
export async function userTaskForms(bpmn: string): Promise<UserTaskFormRef[]> {
  let all: Element[];
  try {
    all = bpmnElements((await moddle.fromXML(bpmn, 'bpmn:Definitions')).rootElement as unknown as Element);
  } catch {
    return [];
  }
  const embedded = new Set(all.filter((e) => e.$type === 'zeebe:UserTaskForm').map((e) => e.id));
  const tasks: UserTaskFormRef[] = [];
  for (const task of all.filter((e) => e.$type === 'bpmn:UserTask')) {
    const definition = extensionValues(task).find((value) => value.$type === 'zeebe:FormDefinition');
    const ref = (definition?.get('formId') ?? definition?.get('formKey')) as string | undefined;
    if (!task.id || !ref || ref.startsWith('=')) continue;
    if (ref.startsWith(EMBEDDED) && embedded.has(ref.slice(EMBEDDED.length))) continue;
    tasks.push({ elementId: task.id, ref, ...(task.name ? { name: task.name } : {}) });
  }
  return tasks;
}

/** The `id` of a form-js text, when it is JSON with a string id. */
export function formIdOf(text: string): string | undefined {
  try {
    const id: unknown = (JSON.parse(text) as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The package form a reference names: by its `id`, by its path, or as `forms/<ref>.form`. */
export function resolveFormRef<F extends PackageForm>(ref: string, forms: readonly F[]): F | undefined {
  const name = ref.startsWith(EMBEDDED) ? ref.slice(EMBEDDED.length) : ref;
  return forms.find((form) => form.id === name) ?? forms.find((form) => form.path === name || form.path === `forms/${name}.form`);
}

/**
 * The package's .form files — and the card's start form, when the package has it, whatever its
 * name — with the user tasks of its .bpmn files that name each and what each is for, plus the
 * user tasks whose form is not in the package. `read` gives a file's text.
 */
export async function packageFormUses(paths: Iterable<string>, read: (path: string) => string | undefined, startForm?: string): Promise<PackageFormUses> {
  const all = [...paths].sort();
  const forms = all.filter((path) => path.endsWith('.form') || path === startForm).map((path) => {
    const id = formIdOf(read(path) ?? '');
    return { path, ...(id ? { id } : {}), userTasks: [] as FormTaskUse[] };
  });
  const missing: FormTaskUse[] = [];
  for (const file of all.filter((path) => path.endsWith('.bpmn'))) {
    for (const task of await userTaskForms(read(file) ?? '')) {
      const use = { file, ...task };
      const form = resolveFormRef(task.ref, forms);
      if (form) form.userTasks.push(use);
      else missing.push(use);
    }
  }
  const purposeOf = (form: (typeof forms)[number]): FormPurpose => (form.path === startForm ? 'start' : form.userTasks.length > 0 ? 'task' : 'unused');
  return { forms: forms.map((form) => ({ ...form, purpose: purposeOf(form) })), missing };
}
