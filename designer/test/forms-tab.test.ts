import { describe, expect, it } from 'vitest';
import { generateForm } from '@konstruktor/forms';
import type { FormSchema, StructureSchema } from '@konstruktor/forms';
import { listForms, userTaskForms } from '../web/src/forms/form-list.js';
import { formProblems } from '../web/src/forms/form-problems.js';
import { syncSavedForm } from '../web/src/forms/form-sync.js';
import { formsStrings } from '../web/src/forms/strings.js';
import type { DraftPackage } from '../web/src/model/types.js';

const utf8 = (content: string) => ({ encoding: 'utf8' as const, content });
const bpmn = `<bpmn:definitions xmlns:bpmn="b" xmlns:zeebe="z">
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
  it('reads the form each user task names', () => {
    expect(userTaskForms(bpmn)).toEqual([
      { elementId: 'review', name: 'Review the application', ref: 'review-form' },
      { elementId: 'sign', ref: 'forms/sign.form' },
    ]);
  });

  it('lists the start form first, then every form with the user tasks that use it', () => {
    expect(listForms(pkg)).toEqual([
      { path: 'forms/application.form', id: 'application', start: true, userTasks: [] },
      { path: 'forms/a-review.form', id: 'review-form', start: false, userTasks: [{ file: 'process.bpmn', elementId: 'review', name: 'Review the application' }] },
      { path: 'forms/sign.form', start: false, userTasks: [{ file: 'process.bpmn', elementId: 'sign' }] },
    ]);
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
