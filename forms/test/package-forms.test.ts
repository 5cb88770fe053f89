import { describe, expect, it } from 'vitest';
import { packageFormUses, resolveFormRef, userTaskForms } from '@konstruktor/forms';
import * as browser from '@konstruktor/forms/browser';

const bpmn = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0">
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
    <!-- <bpmn:userTask id="old"><bpmn:extensionElements><zeebe:formDefinition formId="gone" /></bpmn:extensionElements></bpmn:userTask> -->
    <bpmn:userTask id="quoted" name="Check &gt; approve"><bpmn:extensionElements><zeebe:formDefinition formId="review-form" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:extensionElements><zeebe:userTaskForm id="Form_1">{"components": []}</zeebe:userTaskForm></bpmn:extensionElements>
  </bpmn:process>
  <process id="other" xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
    <userTask id="unprefixed"><extensionElements><zeebe:formDefinition formId="application" /></extensionElements></userTask>
  </process>
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
  it('reads the form each user task names as XML is read, leaving out forms embedded in the BPMN, expressions and comments', async () => {
    expect(await userTaskForms(bpmn)).toEqual([
      { elementId: 'review', name: 'Review the application', ref: 'review-form' },
      { elementId: 'sign', ref: 'forms/sign.form' },
      { elementId: 'decide', ref: 'decision' },
      { elementId: 'lost', ref: 'nowhere' },
      { elementId: 'quoted', name: 'Check > approve', ref: 'review-form' },
      { elementId: 'unprefixed', ref: 'application' },
    ]);
    expect(await userTaskForms('<bpmn:userTask id="x"')).toEqual([]);
  });

  it('resolves a reference by form id, by path and as forms/<ref>.form', () => {
    const forms = [{ path: 'forms/a.form', id: 'review' }, { path: 'forms/review.form' }, { path: 'other/x.form' }];
    expect(resolveFormRef('review', forms)).toBe(forms[0]);
    expect(resolveFormRef('other/x.form', forms)?.path).toBe('other/x.form');
    expect(resolveFormRef('x', forms)).toBeUndefined();
    expect(resolveFormRef('camunda-forms:bpmn:review', forms)).toBe(forms[0]);
  });

  it('lists every form with its user tasks, and the user tasks whose form is not in the package', async () => {
    const uses = await packageFormUses(Object.keys(files), (path) => files[path]);
    expect(uses.forms).toEqual([
      {
        path: 'forms/a-review.form', id: 'review-form', purpose: 'task', userTasks: [
          { file: 'process.bpmn', elementId: 'review', name: 'Review the application', ref: 'review-form' },
          { file: 'process.bpmn', elementId: 'quoted', name: 'Check > approve', ref: 'review-form' },
        ],
      },
      { path: 'forms/application.form', id: 'application', userTasks: [{ file: 'process.bpmn', elementId: 'unprefixed', ref: 'application' }], purpose: 'task' },
      { path: 'forms/broken.form', userTasks: [], purpose: 'unused' },
      { path: 'forms/decision.form', userTasks: [{ file: 'process.bpmn', elementId: 'decide', ref: 'decision' }], purpose: 'task' },
      { path: 'forms/sign.form', userTasks: [{ file: 'process.bpmn', elementId: 'sign', ref: 'forms/sign.form' }], purpose: 'task' },
    ]);
    // Named as the card's start form, a form is the start form, even when its name does not end in .form.
    const asStart = await packageFormUses([...Object.keys(files), 'forms/start.json'], (path) => files[path] ?? '{}', 'forms/start.json');
    expect(asStart.forms.filter((form) => form.purpose === 'start').map((form) => form.path)).toEqual(['forms/start.json']);
    expect(uses.missing).toEqual([{ file: 'process.bpmn', elementId: 'lost', ref: 'nowhere' }]);
  });

  it('is in the browser entry too', () => {
    expect(browser.packageFormUses).toBe(packageFormUses);
  });
});
