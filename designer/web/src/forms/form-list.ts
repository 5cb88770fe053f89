/**
 * The forms of a package and what uses each: the card's start form and the user tasks whose
 * zeebe:formDefinition names it (formId = the form's `id`, or formKey = its id or path), and the
 * user tasks naming a form the package does not have. The user tasks are found and their forms
 * resolved by `packageFormUses` of @konstruktor/forms, as the runtime's package check does.
 */
import { packageFormUses } from '@konstruktor/forms/browser';
import type { FormTaskUse } from '@konstruktor/forms/browser';
import { cardRefs } from '../card/card-read.js';
import type { DraftPackage } from '../model/types.js';
import { fileText } from '../model/types.js';

/** A user task (its BPMN file and element) and the form reference it names. */
export type FormUse = FormTaskUse;

export interface FormEntry {
  path: string;
  /** The form's `id` (what formId refers to). */
  id?: string;
  start: boolean;
  userTasks: FormUse[];
}

export interface FormList {
  /** The start form first, then the other forms by path. */
  forms: FormEntry[];
  /** User tasks whose form is not in the package. */
  missing: FormUse[];
}

/** What a form is checked as: the start form, a user task's form, or a form nothing uses. */
export type FormPurpose = 'start' | 'task' | 'unused';

export function formPurpose(entry: FormEntry): FormPurpose {
  return entry.start ? 'start' : entry.userTasks.length > 0 ? 'task' : 'unused';
}

export function listForms(pkg: DraftPackage): FormList {
  const { startForm } = cardRefs(fileText(pkg, 'service.yaml'));
  const uses = packageFormUses(Object.keys(pkg.files), (path) => fileText(pkg, path));
  const forms: FormEntry[] = uses.forms.map((form) => ({ ...form, start: form.path === startForm }));
  // A start form the package lacks is still listed, so it can be generated.
  if (startForm && !forms.some((form) => form.path === startForm)) forms.push({ path: startForm, start: true, userTasks: [] });
  forms.sort((a, b) => Number(b.start) - Number(a.start) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { forms, missing: uses.missing };
}
