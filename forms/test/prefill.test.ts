import { describe, expect, it } from 'vitest';
import type { FormSchema, StructureSchema } from '@konstruktor/forms';
import { compileFormValidation, generateForm, prefilledData } from '@konstruktor/forms';

/** A start form with the applicant's contact details in a group, as the street trading permit has. */
const structure: StructureSchema = {
  type: 'object',
  required: ['contact', 'place'],
  properties: {
    contact: {
      type: 'object',
      required: ['givenName', 'email'],
      properties: {
        givenName: { type: 'string', 'x-prefill': 'profile.givenName' },
        email: { type: 'string', format: 'email', 'x-prefill': 'profile.email' },
      },
    },
    place: { type: 'string' },
  },
};
const form: FormSchema = generateForm(structure);
const prefill = { 'contact.givenName': 'Jonas', 'contact.email': 'jonas@example.lt' };

describe('prefilled values as form data', () => {
  it('nests dotted keys, so the prefilled answers are the fields of the group and the order passes', () => {
    const data = prefilledData(prefill);
    expect(data).toEqual({ contact: { givenName: 'Jonas', email: 'jonas@example.lt' } });
    const validation = compileFormValidation(structure, form);
    expect(validation.validate({ ...data, place: 'Rotušės a. 1' }).errors).toEqual([]);
  });

  it('is what the validator needs: the same values under their dotted names are fields the form does not have', () => {
    const validation = compileFormValidation(structure, form);
    const paths = validation.validate({ ...prefill, place: 'Rotušės a. 1' }).errors.map((e) => `${e.path} ${e.code}`);
    expect(paths).toEqual(expect.arrayContaining(['/contact.givenName unknown', '/contact required']));
  });

  it('keeps top-level keys, merges siblings and never writes through a prototype', () => {
    const data = prefilledData({ email: 'a@b.lt', 'a.b.c': 1, 'a.b.d': 2, '__proto__.polluted': 'yes', 'x..y': 3 });
    expect(data).toEqual({ email: 'a@b.lt', a: { b: { c: 1, d: 2 } } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
