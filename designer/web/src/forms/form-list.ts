/**
 * The forms of a package and what uses each: the card's start form and the user tasks whose
 * zeebe:formDefinition names it (formId = the form's `id`, or formKey = its id or path), and the
 * user tasks naming a form the package does not have. The user tasks are found and their forms
 * resolved by `packageFormUses` of @konstruktor/forms, as the runtime's package check does.
 */
import { packageFormUses } from '@konstruktor/forms/browser';
import type { FormTaskUse, PackageFormUses } from '@konstruktor/forms/browser';
import { cardRefs } from '../card/card-read.js';
import type { DraftPackage } from '../model/types.js';
import { fileText } from '../model/types.js';

/** A user task (its BPMN file and element) and the form reference it names. */
export type FormUse = FormTaskUse;

/** A form of the package: its path, its `id` (what formId refers to), the user tasks naming it, what it is checked as. */
export type FormEntry = PackageFormUses['forms'][number];

export interface FormList {
  /** The start form first, then the other forms by path. */
  forms: FormEntry[];
  /** User tasks whose form is not in the package. */
  missing: FormUse[];
}

export async function listForms(pkg: DraftPackage): Promise<FormList> {
  const { startForm } = cardRefs(fileText(pkg, 'service.yaml'));
  const { forms, missing } = await packageFormUses(Object.keys(pkg.files), (path) => fileText(pkg, path), startForm);
  // A start form the package lacks is still listed, so it can be generated.
  if (startForm && !forms.some((form) => form.purpose === 'start')) forms.push({ path: startForm, userTasks: [], purpose: 'start' });
  const first = (form: FormEntry) => Number(form.purpose === 'start');
  forms.sort((a, b) => first(b) - first(a) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { forms, missing };
}
