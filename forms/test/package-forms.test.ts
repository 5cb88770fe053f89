import { describe, expect, it } from 'vitest';
import { packageFormUses, resolveFormRef, userTaskForms } from '@konstruktor/forms';
import * as browser from '@konstruktor/forms/browser';

const bpmn = `<bpmn:definitions xmlns:bpmn="b" xmlns:zeebe="z">
  <bpmn:process id="p">
    <bpmn:userTask id="review" name="Review the application">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="review-form" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:userTask id="sign"><bpmn:extensionElements><zeebe:formDefinition formKey='forms/sign.form'/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="plain" />
    <bpmn:userTask id="decide"><bpmn:extensionElements><zeebe:formDefinition formKey="decision" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="lost"><bpmn:extensionElements><zeebe:formDefinition formId="nowhere" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="computed"><bpmn:extensionElements><zeebe:formDefinition formKey="=formName" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="inline"><bpmn:extensionElements><zeebe:formDefinition formKey="camunda-forms:bpmn:Form_1" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:extensionElements><zeebe:userTaskForm id="Form_1">{"components": []}</zeebe:userTaskForm></bpmn:extensionElements>
  </bpmn:process>
</bpmn:definitions>`;

const files: Record<string, string> = {
  'process.bpmn': bpmn,
  'forms/application.form': '{"id": "application", "components": []}',
  'forms/a-review.form': '{"id": "review-form", "components": []}',
  'forms/sign.form': '{"components": []}',
  'forms/decision.form': '{"components": []}',
  'forms/broken.form': '{',
  'data/application.schema.json': '{}',
};

describe('the forms of a package and the user tasks naming them', () => {
  it('reads the form each user task names, leaving out forms embedded in the BPMN and expressions', () => {
    expect(userTaskForms(bpmn)).toEqual([
      { elementId: 'review', name: 'Review the application', ref: 'review-form' },
      { elementId: 'sign', ref: 'forms/sign.form' },
      { elementId: 'decide', ref: 'decision' },
      { elementId: 'lost', ref: 'nowhere' },
    ]);
  });

  it('resolves a reference by form id, by path and as forms/<ref>.form', () => {
    const forms = [{ path: 'forms/a.form', id: 'review' }, { path: 'forms/review.form' }, { path: 'other/x.form' }];
    expect(resolveFormRef('review', forms)).toBe(forms[0]);
    expect(resolveFormRef('other/x.form', forms)?.path).toBe('other/x.form');
    expect(resolveFormRef('x', forms)).toBeUndefined();
    expect(resolveFormRef('camunda-forms:bpmn:review', forms)).toBe(forms[0]);
  });

  it('lists every form with its user tasks, and the user tasks whose form is not in the package', () => {
    const uses = packageFormUses(Object.keys(files), (path) => files[path]);
    expect(uses.forms).toEqual([
      { path: 'forms/a-review.form', id: 'review-form', userTasks: [{ file: 'process.bpmn', elementId: 'review', name: 'Review the application', ref: 'review-form' }], purpose: 'task' },
      { path: 'forms/application.form', id: 'application', userTasks: [], purpose: 'unused' },
      { path: 'forms/broken.form', userTasks: [], purpose: 'unused' },
      { path: 'forms/decision.form', userTasks: [{ file: 'process.bpmn', elementId: 'decide', ref: 'decision' }], purpose: 'task' },
      { path: 'forms/sign.form', userTasks: [{ file: 'process.bpmn', elementId: 'sign', ref: 'forms/sign.form' }], purpose: 'task' },
    ]);
    // Named as the card's start form, a form is the start form, even when its name does not end in .form.
    const asStart = packageFormUses([...Object.keys(files), 'forms/start.json'], (path) => files[path] ?? '{}', 'forms/start.json');
    expect(asStart.forms.filter((form) => form.purpose === 'start').map((form) => form.path)).toEqual(['forms/start.json']);
    expect(uses.missing).toEqual([{ file: 'process.bpmn', elementId: 'lost', ref: 'nowhere' }]);
  });

  it('is in the browser entry too', () => {
    expect(browser.packageFormUses).toBe(packageFormUses);
  });
});
