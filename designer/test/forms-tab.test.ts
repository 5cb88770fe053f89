import { describe, expect, it } from 'vitest';
import { generateForm } from '@konstruktor/forms';
import type { FormSchema, StructureSchema } from '@konstruktor/forms';
import { listForms } from '../web/src/forms/form-list.js';
import { formProblems, listProblems } from '../web/src/forms/form-problems.js';
import { syncSavedForm } from '../web/src/forms/form-sync.js';
import { formsStrings } from '../web/src/forms/strings.js';
import type { DraftPackage } from '../web/src/model/types.js';
import { fileText } from '../web/src/model/types.js';

const utf8 = (content: string) => ({ encoding: 'utf8' as const, content });
const bpmn = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0">
  <bpmn:process id="p">
    <bpmn:userTask id="review" name="Review the application">
      <bpmn:extensionElements><zeebe:formDefinition formId="review-form" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:userTask id="sign"><bpmn:extensionElements><zeebe:formDefinition formKey="forms/sign.form"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="plain" />
  </bpmn:process>
</bpmn:definitions>`;

const pkg: DraftPackage = {
  code: 's', version: '0.1.0', state: 'draft',
  files: {
    'service.yaml': utf8('code: s # the code\nstartForm: forms/application.form\ndataStructure: data/application.schema.json\n'),
    'process.bpmn': utf8(bpmn),
    'forms/application.form': utf8('{"id": "application", "type": "default", "components": []}'),
    'forms/a-review.form': utf8('{"id": "review-form", "type": "default", "components": []}'),
    'forms/sign.form': utf8('{"type": "default", "components": []}'),
    'data/application.schema.json': utf8('{}'),
  },
};

describe('form listing', () => {
  it('lists the start form first, then every form with the user tasks that use it', async () => {
    expect(await listForms(pkg)).toEqual({
      forms: [
        { path: 'forms/application.form', id: 'application', userTasks: [], purpose: 'start' },
        { path: 'forms/a-review.form', id: 'review-form', userTasks: [{ file: 'process.bpmn', elementId: 'review', name: 'Review the application', ref: 'review-form' }], purpose: 'task' },
        { path: 'forms/sign.form', userTasks: [{ file: 'process.bpmn', elementId: 'sign', ref: 'forms/sign.form' }], purpose: 'task' },
      ],
      missing: [],
    });
  });

  it('lists a start form the package lacks, and the user tasks naming a form it lacks', async () => {
    const { 'forms/application.form': _start, 'forms/sign.form': _sign, ...files } = pkg.files;
    expect(await listForms({ ...pkg, files })).toEqual({
      forms: [
        { path: 'forms/application.form', userTasks: [], purpose: 'start' },
        { path: 'forms/a-review.form', id: 'review-form', userTasks: [expect.objectContaining({ elementId: 'review' })], purpose: 'task' },
      ],
      missing: [{ file: 'process.bpmn', elementId: 'sign', ref: 'forms/sign.form' }],
    });
  });
});

describe('form consistency as problems', () => {
  const structure: StructureSchema = { type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'] };
  const t = formsStrings('en');

  it('names the form field key of an unknown key', () => {
    const form = generateForm(structure);
    form.components.push({ id: 'Field_x', type: 'textfield', key: 'nickname', label: 'Nickname' });
    const problems = formProblems('forms/application.form', JSON.stringify(form), structure, t);
    expect(problems).toEqual([expect.objectContaining({ source: 'forms', file: 'forms/application.form', field: 'nickname', severity: 'error' })]);
  });

  it('checks a user task form for its own variables loosely, but what it binds from the structure strictly', () => {
    const review = {
      type: 'default', schemaVersion: 19,
      components: [
        { id: 'Field_decision', type: 'radio', key: 'decision', label: 'Decision', values: [{ label: 'Grant', value: 'grant' }] },
        { id: 'Field_reason', type: 'textarea', key: 'reason', label: 'Reason' },
      ],
    } satisfies FormSchema;
    expect(formProblems('forms/review.form', JSON.stringify(review), structure, t, 'task')).toEqual([]);
    // As a start form, the same form binds unknown keys and leaves the required e-mail empty.
    expect(formProblems('forms/review.form', JSON.stringify(review), structure, t, 'start').map((p) => p.field)).toEqual(['decision', 'reason', 'email']);
    const wrongType = { ...review, components: [...review.components, { id: 'Field_email', type: 'number', key: 'email', label: 'E-mail' }] };
    expect(formProblems('forms/review.form', JSON.stringify(wrongType), structure, t, 'task')).toEqual([
      { source: 'forms', file: 'forms/review.form', field: 'email', message: 'A number cannot hold the structure\'s string "email"', severity: 'error' },
    ]);
  });

  it('warns about a form nothing uses, in the designer\'s language', () => {
    expect(formProblems('forms/old.form', JSON.stringify(generateForm(structure)), structure, t, 'unused')).toEqual([
      { source: 'forms', file: 'forms/old.form', message: 'Neither the card nor any user task uses this form.', severity: 'warning' },
    ]);
    expect(formProblems('forms/old.form', '{}', structure, formsStrings('lt'), 'unused')[0]!.message).toBe('Šios formos nenaudoja nei kortelė, nei jokia užduotis.');
  });

  it('checks every form of the package for its use, and points at a user task whose form is missing in the process', async () => {
    const files: DraftPackage['files'] = {
      ...pkg.files,
      'forms/application.form': utf8(JSON.stringify({ ...generateForm(structure), id: 'application' })),
      'forms/a-review.form': utf8(JSON.stringify({ id: 'review-form', type: 'default', components: [{ id: 'Field_decision', type: 'textfield', key: 'decision', label: 'Decision' }] })),
      'forms/old.form': utf8('{"type": "default", "components": []}'),
      'process.bpmn': utf8(bpmn.replace('forms/sign.form', 'signature')),
    };
    const { 'forms/sign.form': _sign, ...rest } = files;
    const draft = { ...pkg, files: rest };
    const problems = listProblems(await listForms(draft), (path) => fileText(draft, path), structure, t);
    expect(problems).toEqual([
      { source: 'process', file: 'process.bpmn', elementId: 'sign', message: 'The user task names form "signature" (zeebe:formDefinition), which is not in the package.', severity: 'error' },
      { source: 'forms', file: 'forms/old.form', message: 'Neither the card nor any user task uses this form.', severity: 'warning' },
    ]);
    expect(listProblems(await listForms(draft), (path) => fileText(draft, path), structure, formsStrings('lt'))[0]!.message)
      .toBe('Užduotyje nurodyta forma „signature“ (zeebe:formDefinition), kurios pakete nėra.');
  });

  it('reports a form that is not JSON', () => {
    expect(formProblems('forms/x.form', '{', structure, t)).toEqual([expect.objectContaining({ message: expect.stringContaining('not valid JSON'), severity: 'error' })]);
  });
});

describe('saving the editor schema', () => {
  it('keeps keys the editor dropped and follows label edits in the form language translations', () => {
    const previous = generateForm({ type: 'object', properties: { name: { type: 'string', 'x-title': { lt: 'Vardas', en: 'Name' } } } }, { locale: 'lt' });
    previous['x-structure'] = 'https://konstruktor.eu/structures/x/1.0.0';
    const { 'x-structure': _dropped, 'x-translations': translations, ...rest } = structuredClone(previous);
    const saved: FormSchema = { ...rest, 'x-translations': translations, components: rest.components.map((c) => ({ ...c, label: 'Vardas ir pavardė' })) };
    const written = syncSavedForm(previous, saved);
    expect(written['x-structure']).toBe('https://konstruktor.eu/structures/x/1.0.0');
    const id = previous.components[0]!.id;
    expect(written['x-translations']!.lt![`${id}.label`]).toBe('Vardas ir pavardė');
    expect(written['x-translations']!.en![`${id}.label`]).toBe('Name');
    expect(syncSavedForm(previous, structuredClone(previous))).toEqual(previous);
  });
});
