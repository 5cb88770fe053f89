import { describe, expect, it } from 'vitest';
import type { FormComponent, FormSchema, StructureSchema } from '@konstruktor/forms';
import { createStructureRegistry, FORM_SCHEMA_VERSION, formPages, generateForm, localizeForm, structureId, translateViewerText, viewerString } from '@konstruktor/forms';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { applicationStructure, personStructure } from './support/structures.js';

function all(form: FormSchema): FormComponent[] {
  const out: FormComponent[] = [];
  const visit = (components: FormComponent[]): void => {
    for (const component of components) {
      out.push(component);
      if (component.components) visit(component.components);
    }
  };
  visit(form.components);
  return out;
}

/** The viewer needs a DOM to load, so its schema version is read from its bundle. */
const viewerSchemaVersion = Number(/const schemaVersion = (\d+);/.exec(readFileSync(createRequire(import.meta.url).resolve('@bpmn-io/form-js-viewer'), 'utf8'))![1]);

const byKey = (form: FormSchema, key: string): FormComponent => all(form).find((c) => c.key === key || c.path === key)!;

describe('generateForm', () => {
  const flat: StructureSchema = {
    type: 'object',
    required: ['name', 'count'],
    properties: {
      name: { type: 'string', title: 'Name', minLength: 2, maxLength: 50, pattern: '^[A-Z]' },
      notes: { type: 'string', maxLength: 2000 },
      count: { type: 'integer', minimum: 1, maximum: 9 },
      share: { type: 'number' },
      agree: { type: 'boolean' },
      born: { type: 'string', format: 'date' },
      colour: { type: 'string', enum: ['red', 'green'] },
      county: { type: 'string', enum: ['a', 'b', 'c', 'd', 'e'] },
      languages: { type: 'array', items: { type: 'string', enum: ['lt', 'lv'] } },
      scan: { type: 'string', format: 'document' },
      scans: { type: 'array', items: { type: 'string', format: 'document' } },
      consent: { type: 'boolean', const: true },
    },
  };

  it('writes a form-js 1.23 schema with one sensible widget per type and constraints in validate', () => {
    const form = generateForm(flat);
    expect(form.type).toBe('default');
    expect(form.schemaVersion).toBe(FORM_SCHEMA_VERSION);
    expect(FORM_SCHEMA_VERSION).toBe(viewerSchemaVersion);
    const widgets = Object.fromEntries(all(form).filter((c) => c.key).map((c) => [c.key, c.type]));
    expect(widgets).toEqual({
      name: 'textfield', notes: 'textarea', count: 'number', share: 'number', agree: 'checkbox', born: 'datetime',
      colour: 'radio', county: 'select', languages: 'checklist', scan: 'filepicker', scans: 'filepicker', consent: 'checkbox',
    });
    expect(byKey(form, 'agree').validate).toBeUndefined();
    expect(byKey(form, 'consent').validate).toEqual({ required: true });
    expect(byKey(form, 'name').validate).toEqual({ required: true, minLength: 2, maxLength: 50, pattern: '^[A-Z]' });
    expect(byKey(form, 'count')).toMatchObject({ decimalDigits: 0, validate: { required: true, min: 1, max: 9 } });
    expect(byKey(form, 'born')).toMatchObject({ subtype: 'date', dateLabel: 'born' });
    expect(byKey(form, 'scans').multiple).toBe(true);
    expect(byKey(form, 'scan').multiple).toBe(false);
    expect(byKey(form, 'colour').values).toEqual([{ label: 'red', value: 'red' }, { label: 'green', value: 'green' }]);
    expect(formPages(form).map((page) => page.schema.components[0]!.components!.length)).toEqual([8, 4]);
    expect(formPages(generateForm(flat, { pageThreshold: 20 }))).toHaveLength(1);
  });

  it('resolves referenced structures, makes groups of objects and dynamic lists of arrays, one page each', () => {
    const registry = createStructureRegistry([personStructure]);
    const form = generateForm(applicationStructure, { registry });
    const applicant = byKey(form, 'applicant');
    expect(applicant).toMatchObject({ type: 'group', path: 'applicant', label: 'Applicant', properties: { page: 'true' } });
    expect(applicant.components!.map((c) => c.key)).toEqual(['givenName', 'personalCode']);
    expect(applicant.components![0]!.properties).toEqual({ prefill: 'profile.givenName' });
    const children = byKey(form, 'children');
    expect(children).toMatchObject({ type: 'dynamiclist', isRepeating: true, allowAddRemove: true, defaultRepetitions: 1 });
    expect(children.components!.map((c) => [c.key, c.type])).toEqual([
      ['name', 'textfield'], ['birthDate', 'datetime'], ['disabled', 'checkbox'], ['disabilityCertificate', 'filepicker'],
    ]);
    const pages = formPages(form);
    expect(pages.map((page) => page.label)).toEqual(['Applicant', 'Child benefit application', 'Children']);
    expect(pages.every((page) => page.schema.type === 'default' && page.schema.components.length === 1)).toBe(true);
    expect(pages[1]!.schema.components[0]!.components!.map((c) => c.key)).toEqual(['payout', 'iban', 'hasPartner', 'partnerCode', 'email']);
  });

  it('starts a list with as many rows as the data must have: none for an optional one', () => {
    const row = { type: 'object', properties: { name: { type: 'string' } } } as const;
    const form = generateForm({ type: 'object', required: ['owners'], properties: { helpers: { type: 'array', items: row }, owners: { type: 'array', items: row }, heirs: { type: 'array', items: row, minItems: 2 } } });
    expect([byKey(form, 'helpers'), byKey(form, 'owners'), byKey(form, 'heirs')].map((list) => list.defaultRepetitions)).toEqual([0, 1, 2]);
  });

  it('splits many plain fields into pages', () => {
    const properties: Record<string, StructureSchema> = Object.fromEntries(Array.from({ length: 20 }, (_v, i) => [`f${i}`, { type: 'string' }]));
    const pages = formPages(generateForm({ type: 'object', properties }, { fieldsPerPage: 8 }));
    expect(pages.map((page) => page.schema.components[0]!.components!.length)).toEqual([8, 8, 4]);
    expect(pages.map((page) => page.label)).toEqual(['Step 1', 'Step 2', 'Step 3']);
  });

  it('refuses a $ref to a structure the registry does not hold, naming it', () => {
    const broken: StructureSchema = { type: 'object', properties: { who: { $ref: structureId('nobody', '1.0.0') } } };
    expect(() => generateForm(broken)).toThrow(/nobody\/1\.0\.0/);
    expect(() => createStructureRegistry().bundle(broken)).toThrow(/nobody\/1\.0\.0/);
  });
});

describe('translations', () => {
  const registry = createStructureRegistry([personStructure]);
  const form = generateForm(applicationStructure, { registry });

  it('keeps labels and option labels in every language with the form and switches them', () => {
    const lt = localizeForm(form, 'lt');
    expect(byKey(lt, 'givenName').label).toBe('Vardas');
    expect(byKey(lt, 'payout').values!.map((o) => o.label)).toEqual(['Į banko sąskaitą', 'Paštu']);
    expect(byKey(lt, 'applicant').label).toBe('Pareiškėjas');
    const lv = localizeForm(form, 'lv');
    expect(byKey(lv, 'personalCode').label).toBe('Personas kods');
    expect(formPages(lv)[1]!.label).toBe('Pieteikums bērna pabalstam');
    // No Latvian text: the plain title is used.
    expect(byKey(lv, 'email').label).toBe('E-mail');
    expect(byKey(localizeForm(form, 'en'), 'givenName').label).toBe('Given name');
  });

  it('shows the form\'s own wording, not another language, when the requested one is missing', () => {
    const written: FormSchema = {
      type: 'default', id: 'own', schemaVersion: FORM_SCHEMA_VERSION,
      components: [{ id: 'place', key: 'place', type: 'textfield', label: 'Trading place' }],
      'x-translations': { lt: { 'place.label': 'Prekybos vieta' } },
    } as FormSchema;
    expect(byKey(localizeForm(written, 'en'), 'place').label).toBe('Trading place');
    expect(byKey(localizeForm(written, 'lv'), 'place').label).toBe('Trading place');
    expect(byKey(localizeForm(written, 'lt'), 'place').label).toBe('Prekybos vieta');
  });

  it('switches the labels of date and time fields, which form-js keeps apart from label', () => {
    const written: FormSchema = {
      type: 'default', id: 'when', schemaVersion: FORM_SCHEMA_VERSION,
      components: [
        { id: 'day', key: 'day', type: 'datetime', subtype: 'date', dateLabel: 'First trading day' },
        { id: 'opens', key: 'opens', type: 'datetime', subtype: 'time', timeLabel: 'Opening time' },
      ],
      'x-translations': { lt: { 'day.dateLabel': 'Pirmoji prekybos diena', 'opens.timeLabel': 'Atidarymo laikas' } },
    } as FormSchema;
    const lt = localizeForm(written, 'lt');
    expect(byKey(lt, 'day').dateLabel).toBe('Pirmoji prekybos diena');
    expect(byKey(lt, 'opens').timeLabel).toBe('Atidarymo laikas');
  });

  it('translates the viewer\'s own strings, numbers included', () => {
    expect(translateViewerText('Add new', 'lt')).toBe('Pridėti');
    expect(translateViewerText('3 files selected', 'lv')).toBe('Izvēlēti faili: 3');
    expect(translateViewerText('Field must have minimum length of 2.', 'lt')).toBe('Mažiausias ilgis: 2 simb.');
    expect(translateViewerText('Something else', 'lt')).toBe('Something else');
    expect(viewerString('Remove list item {n}', 'en', { n: 2 })).toBe('Remove list item 2');
  });
});
