import { describe, expect, it } from 'vitest';
import { compileFormValidation, formOutputStructure, type FormSchema, type StructureSchema } from '@konstruktor/forms';

const structure: StructureSchema = {
  type: 'object',
  $defs: { amount: { type: 'integer', minimum: 0, maximum: 1000 } },
  properties: {
    decision: { type: 'string', enum: ['approve', 'reject'] },
    fee: { $ref: '#/$defs/amount' },
    applicant: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
  },
  required: ['decision', 'applicant'],
};

// A reviewer's form: a decision from the structure, a reason of its own, and a list of conditions.
const form: FormSchema = {
  type: 'default', schemaVersion: 19, id: 'review',
  components: [
    { id: 'd', type: 'radio', key: 'decision', label: 'Decision', values: [{ label: 'Approve', value: 'approve' }, { label: 'Reject', value: 'reject' }], validate: { required: true } },
    { id: 'f', type: 'number', key: 'fee', label: 'Fee' },
    { id: 'r', type: 'textarea', key: 'reason', label: 'Reason', validate: { maxLength: 20 } },
    { id: 'c', type: 'dynamiclist', path: 'conditions', label: 'Conditions', isRepeating: true, components: [{ id: 't', type: 'textfield', key: 'text', label: 'Text' }] },
  ],
} as FormSchema;

describe('what a form may submit', () => {
  const validation = compileFormValidation(formOutputStructure(form, structure), form);
  const errors = (data: unknown) => validation.validate(data).errors.map((e) => e.path);

  it('takes the fields the form binds, typed by the data structure where it defines them', () => {
    expect(validation.validate({ decision: 'approve', fee: 15, reason: 'ok', conditions: [{ text: 'keep it clean' }] }).errors).toEqual([]);
    expect(errors({ decision: 'maybe' })).toEqual(['/decision']);
    expect(errors({ decision: 'approve', fee: 5000 })).toEqual(['/fee']);
    expect(errors({ decision: 'approve', reason: 'far too long a reason for this' })).toEqual(['/reason']);
  });

  it('refuses keys the form does not ask for, at any depth, and does not ask for what the structure requires elsewhere', () => {
    expect(errors({ decision: 'approve', approved: true })).toEqual(['/approved']);
    expect(errors({ decision: 'approve', conditions: [{ text: 'x', extra: 1 }] })).toEqual(['/conditions/0/extra']);
    expect(errors({})).toEqual(['/decision']);
  });

  it('holds a choice the structure does not define to the options of its field', () => {
    const outcome = {
      type: 'default', schemaVersion: 19, id: 'outcome',
      components: [
        { id: 'o', type: 'radio', key: 'outcome', label: 'Outcome', values: [{ label: 'Approve', value: 'approve' }, { label: 'Ask for more', value: 'request-information' }] },
        { id: 'l', type: 'checklist', key: 'asked', label: 'Fields asked for', values: [{ label: 'Place', value: 'place' }, { label: 'Goods', value: 'goods' }] },
        { id: 'k', type: 'select', key: 'keyed', label: 'Options from a variable', valuesKey: 'options' },
      ],
    } as FormSchema;
    const check = compileFormValidation(formOutputStructure(outcome, structure), outcome);
    expect(check.validate({ outcome: 'request-information', asked: ['place', 'goods'], keyed: 'anything' }).errors).toEqual([]);
    expect(check.validate({ outcome: 'approved', asked: ['place', 'price'] }).errors.map((e) => `${e.path} ${e.code}`)).toEqual(['/outcome choice', '/asked/1 choice']);
  });

  it('without a data structure checks by the form alone: its fields, their kinds, its rules', () => {
    const alone = compileFormValidation(formOutputStructure(form), form);
    expect(alone.validate({ decision: 'approve', fee: 'free', approved: true }).errors.map((e) => e.path).sort()).toEqual(['/approved', '/fee']);
    expect(alone.validate({ fee: 3 }).errors.map((e) => e.path)).toEqual(['/decision']);
  });
});
