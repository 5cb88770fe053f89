import type { EntityManager } from 'typeorm';
import { compileFormValidation, formOutputStructure, resolveFormRef, userTaskForms, formIdOf, walkForm, type FormSchema, type FormValidation, type StructureSchema } from '@konstruktor/forms';
import { ApplicationEntity } from '../applications/application.entity.js';
import { ServiceVersionEntity, type PackageFile, type ServiceVersion } from '../catalogue/service-version.entity.js';
import type { Locale } from '../forms/start-form.js';
import type { Task } from '../tasks/task.entity.js';

const CACHED_FORMS = 500;

const text = (file: PackageFile | undefined) => (file?.encoding === 'utf8' ? file.content : undefined);

function json<T>(file: PackageFile | undefined): T | undefined {
  try {
    return JSON.parse(text(file) ?? '') as T;
  } catch {
    return undefined;
  }
}

/**
 * The forms of process user tasks, as the service package names them (the user task's
 * zeebe:formDefinition in its BPMN, resolved as the package check resolves it), and the check a
 * task's result passes: what the form may submit, typed by the data structure — the same
 * validator as citizens' forms. Built once per service version and task element: a published
 * version never changes.
 */
export class TaskForms {
  private readonly cache = new Map<string, Promise<TaskForm | null>>();

  /** What is wrong with `result` as the task's form sees it (paths inside the result); nothing for a task without a form. Reads through `manager`. */
  async problems(manager: EntityManager, task: Task, result: Record<string, unknown>, locale: Locale): Promise<{ path: string; message: string }[]> {
    const built = await this.formOf(manager, task);
    if (!built) return [];
    return built.validation.validate(result, { locale }).errors.map(({ path, message }) => ({ path, message }));
  }

  /** The task's form (null without one) and the top-level data keys it binds. */
  async formOf(manager: EntityManager, task: Task): Promise<TaskForm | null> {
    if (!task.applicationId || !task.elementId) return null;
    const application = await manager.getRepository(ApplicationEntity).findOneBy({ id: task.applicationId });
    if (!application) return null;
    const key = `${application.serviceVersionId}:${task.elementId}`;
    let built = this.cache.get(key);
    if (!built) {
      built = this.build(manager, application.serviceVersionId, task.elementId);
      // A failed build (the database) is not kept: the next completion tries again.
      built.catch(() => this.cache.delete(key));
      if (this.cache.size >= CACHED_FORMS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, built);
    }
    return built;
  }

  private async build(manager: EntityManager, versionId: string, elementId: string): Promise<TaskForm | null> {
    const version = await manager.getRepository(ServiceVersionEntity).findOneByOrFail({ id: versionId });
    const form = await taskForm(version, elementId);
    if (!form) return null;
    const keys = new Set<string>();
    walkForm(form.components, ({ path, kind }) => { if (kind !== 'other' && path[0]) keys.add(path[0]); });
    return { form, keys: [...keys], validation: compileFormValidation(formOutputStructure(form, json<StructureSchema>(version.files[version.card.dataStructure ?? ''])), form) };
  }
}

export interface TaskForm {
  form: FormSchema;
  /** The top-level data keys its fields bind (the process variables it shows and sets). */
  keys: string[];
  validation: FormValidation;
}

/** The form the user task `elementId` names in the version's BPMN, if the package has it. */
async function taskForm(version: ServiceVersion, elementId: string): Promise<FormSchema | undefined> {
  const files = Object.entries(version.files);
  for (const [, file] of files.filter(([name]) => name.endsWith('.bpmn'))) {
    const task = (await userTaskForms(text(file) ?? '')).find((t) => t.elementId === elementId);
    if (!task) continue;
    const forms = files.filter(([name]) => name.endsWith('.form')).map(([name, form]) => {
      const id = formIdOf(text(form) ?? '');
      return { path: name, file: form, ...(id ? { id } : {}) };
    });
    return json<FormSchema>(resolveFormRef(task.ref, forms)?.file);
  }
  return undefined;
}
