import { describe, expect, it } from 'vitest';
import { compileFormValidation, createStructureRegistry, generateForm } from '@konstruktor/forms';
import { applicationStructure, personStructure, withConditions } from './support/structures.js';

const registry = createStructureRegistry([personStructure]);
const form = withConditions(generateForm(applicationStructure, { registry }));
const validation = compileFormValidation(applicationStructure, form, { registry });

const valid = {
  applicant: { givenName: 'Ona', personalCode: '48506150018' },
  payout: 'bank',
  iban: 'LT121000011101001000',
  hasPartner: false,
  children: [{ name: 'Jonas', birthDate: '2020-05-01', disabled: false }],
};

function paths(result: { errors: Array<{ path: string }> }): string[] {
  return result.errors.map((error) => error.path).sort();
}

describe('server validation', () => {
  it('accepts a complete application and returns it unchanged', () => {
    const result = validation.validate(valid);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.data).toEqual(valid);
  });

  it('drops values of hidden fields and never requires them', () => {
    const result = validation.validate({ ...valid, payout: 'post', iban: 'not an iban', partnerCode: '123' });
    expect(result.errors).toEqual([]);
    expect(result.data).not.toHaveProperty('iban');
    expect(result.data).not.toHaveProperty('partnerCode');
  });

  it('requires a field once its condition shows it', () => {
    const result = validation.validate({ ...valid, hasPartner: true });
    expect(result.errors).toEqual([{ path: '/partnerCode', code: 'required', message: 'This field is required.' }]);
  });

  it('evaluates conditions inside repeating groups with the row as `this`', () => {
    const children = [
      { name: 'Jonas', birthDate: '2020-05-01', disabled: false, disabilityCertificate: 'ffffffff-ffff-4fff-8fff-ffffffffffff' },
      { name: 'Ieva', birthDate: '2021-06-01', disabled: true },
    ];
    const result = validation.validate({ ...valid, children });
    expect(paths(result)).toEqual(['/children/1/disabilityCertificate']);
    expect((result.data.children as any[])[0]).not.toHaveProperty('disabilityCertificate');
  });

  it('names every wrong value by its JSON Pointer, in the language asked for', () => {
    const result = validation.validate(
      { ...valid, applicant: { givenName: 'Ona', personalCode: '48506150019' }, children: [{ name: 'J', birthDate: '2020-02-30' }], payout: 'cash' },
      { locale: 'lt' },
    );
    expect(paths(result)).toEqual(['/applicant/personalCode', '/children/0/birthDate', '/children/0/name', '/payout']);
    expect(result.errors.find((error) => error.path === '/applicant/personalCode')?.message).toBe('Įveskite teisingą reikšmę: Lietuvos asmens kodas.');
    const lv = validation.validate({ ...valid, payout: 'cash' }, { locale: 'lv' });
    expect(lv.errors).toEqual([{ path: '/payout', code: 'choice', message: 'Izvēlieties vienu no piedāvātajām vērtībām.' }]);
  });

  it('reports unknown fields and wrong types', () => {
    const result = validation.validate({ ...valid, isAdmin: true, hasPartner: 'yes', children: [{ ...valid.children[0], extra: 1 }] });
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: '/isAdmin', code: 'unknown', message: 'This field is not part of the form.' },
        { path: '/hasPartner', code: 'type', message: 'Wrong kind of value: expected yes or no.' },
        { path: '/children/0/extra', code: 'unknown', message: 'This field is not part of the form.' },
      ]),
    );
  });

  it('refuses a 5 MB string with a clear error instead of checking it', () => {
    const result = validation.validate({ ...valid, email: 'a'.repeat(5 * 1024 * 1024) });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([{ path: '/email', code: 'tooLong', message: 'The text is longer than 20000 characters.' }]);
    expect(result.data).toEqual({});
  });

  it('refuses nesting 1000 deep without a stack overflow', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 1000; i++) deep = (deep.a = {}) as Record<string, unknown>;
    const result = validation.validate(JSON.parse(JSON.stringify({ ...valid, nested: root })));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code: 'tooDeep', message: 'The data is nested deeper than 32 levels.' });
    expect(result.errors[0]!.path.startsWith('/nested/a/a')).toBe(true);
  });

  it('refuses submissions that are not objects and keys that reach prototypes', () => {
    expect(validation.validate([valid]).errors).toEqual([{ path: '', code: 'notObject', message: 'The submission must be a JSON object.' }]);
    expect(validation.validate(null).valid).toBe(false);
    const polluted = JSON.parse(`{"__proto__": {"admin": true}, "payout": "post"}`);
    expect(validation.validate(polluted).errors).toEqual([{ path: '/__proto__', code: 'forbiddenKey', message: 'The field name "__proto__" is not allowed.' }]);
  });

  it('stores script tags as plain text unless a pattern forbids them', () => {
    const script = '<script>alert(1)</script>';
    const result = validation.validate({ ...valid, children: [{ name: script, birthDate: '2020-05-01' }] });
    expect(result.errors).toEqual([]);
    expect((result.data.children as any[])[0].name).toBe(script);
    const strict = structuredClone(form);
    const list = strict.components.flatMap((page) => page.components ?? []).find((c) => c.type === 'dynamiclist')!;
    list.components!.find((c) => c.key === 'name')!.validate!.pattern = '^[^<>]*$';
    const refused = compileFormValidation(applicationStructure, strict, { registry }).validate({ ...valid, children: [{ name: script, birthDate: '2020-05-01' }] });
    expect(refused.errors).toEqual([{ path: '/children/0/name', code: 'pattern', message: 'The value does not have the required form.' }]);
  });

  it('applies the form\'s own constraints beyond the structure', () => {
    const stricter = structuredClone(form);
    const page = stricter.components.find((c) => c.components?.some((child) => child.key === 'email'))!;
    page.components!.find((c) => c.key === 'email')!.validate = { required: true, maxLength: 10 };
    const check = compileFormValidation(applicationStructure, stricter, { registry });
    expect(check.validate(valid).errors).toEqual([{ path: '/email', code: 'required', message: 'This field is required.' }]);
    expect(paths(check.validate({ ...valid, email: 'someone@example.lt' }))).toEqual(['/email']);
  });
});

describe('the analyst\'s pattern message', () => {
  it('is shown in the citizen\'s language instead of the generic one, from both the structure and the form', () => {
    const structure = {
      type: 'object',
      properties: {
        plate: {
          type: 'string',
          title: 'Number plate',
          pattern: '^[A-Z]{3}[0-9]{3}$',
          'x-pattern-message': { lt: 'Įveskite numerį, pvz. ABC123.', lv: 'Ievadiet numuru, piem., ABC123.', en: 'Enter a plate like ABC123.' },
        },
        scan: { type: 'string', format: 'document', 'x-accept': 'application/pdf,image/*' },
      },
    } as const;
    const form = generateForm(structure);
    expect(form.components.find((c) => c.key === 'scan')?.accept).toBe('application/pdf,image/*');
    const check = compileFormValidation(structure, form);
    expect(check.validate({ plate: 'abc' }, { locale: 'lt' }).errors).toEqual([{ path: '/plate', code: 'pattern', message: 'Įveskite numerį, pvz. ABC123.' }]);
    expect(check.validate({ plate: 'abc' }, { locale: 'lv' }).errors[0]!.message).toBe('Ievadiet numuru, piem., ABC123.');
    expect(check.validate({ plate: 'abc' }).errors[0]!.message).toBe('Enter a plate like ABC123.');
    expect(check.validate({ plate: 'ABC123' }).errors).toEqual([]);
  });
});

describe('size limits', () => {
  it('refuses a list of a million values at once and lets the limits be set per form', () => {
    const huge = validation.validate({ ...valid, children: new Array(1_000_000).fill(0) });
    expect(huge.errors).toEqual([{ path: '', code: 'tooLarge', message: 'The submission has more than 20000 values.' }]);
    const roomy = compileFormValidation(applicationStructure, form, { registry, limits: { maxStringLength: 100_000 } });
    const long = roomy.validate({ ...valid, email: 'a'.repeat(50_000) });
    expect(long.errors.map((error) => error.code)).toEqual(['format']);
  });
});

describe('structure conventions', () => {
  it('treats a field named like a keyword as a field and refuses unknown formats by name', () => {
    const structure = { type: 'object', properties: { properties: { type: 'string' }, format: { type: 'string', format: 'lt-company-code' } } } as const;
    const check = compileFormValidation(structure, generateForm(structure));
    expect(check.validate({ properties: 'x', format: '188710061' }).errors).toEqual([]);
    expect(check.validate({ additionalProperties: 1 }).errors.map((error) => error.path)).toEqual(['/additionalProperties']);
    const typo = { type: 'object', properties: { code: { type: 'string', format: 'lt-personal-cod' } } } as const;
    expect(() => compileFormValidation(typo, generateForm(typo))).toThrow(/Unknown format "lt-personal-cod" at \/properties\/code/);
  });
});
