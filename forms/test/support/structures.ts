/** Structures and forms the forms tests share. */
import type { FormSchema, StructureSchema } from '@konstruktor/forms';
import { structureId } from '@konstruktor/forms';

export const personStructure: StructureSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: structureId('person', '1.0.0'),
  type: 'object',
  required: ['givenName', 'personalCode'],
  properties: {
    givenName: { type: 'string', title: 'Given name', 'x-title': { lt: 'Vardas', lv: 'Vārds', en: 'Given name' }, maxLength: 100, 'x-prefill': 'profile.givenName' },
    personalCode: { type: 'string', format: 'lt-personal-code', title: 'Personal code', 'x-title': { lt: 'Asmens kodas', lv: 'Personas kods' } },
  },
};

/** A child benefit application: a person, a code list, a condition, a repeating group, a file. */
export const applicationStructure: StructureSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: structureId('child-benefit-application', '1.0.0'),
  title: 'Child benefit application',
  'x-title': { lt: 'Prašymas skirti išmoką vaikui', lv: 'Pieteikums bērna pabalstam', en: 'Child benefit application' },
  type: 'object',
  required: ['applicant', 'payout', 'hasPartner', 'children'],
  properties: {
    applicant: { $ref: structureId('person', '1.0.0'), title: 'Applicant', 'x-title': { lt: 'Pareiškėjas', lv: 'Pieteicējs' } },
    payout: {
      type: 'string',
      title: 'Payout',
      'x-title': { lt: 'Išmokėjimo būdas', lv: 'Izmaksas veids' },
      oneOf: [
        { const: 'bank', title: 'To a bank account', 'x-title': { lt: 'Į banko sąskaitą', lv: 'Uz bankas kontu' } },
        { const: 'post', title: 'By post', 'x-title': { lt: 'Paštu', lv: 'Pa pastu' } },
      ],
    },
    iban: { type: 'string', format: 'iban', title: 'IBAN' },
    hasPartner: { type: 'boolean', title: 'I live with a partner' },
    partnerCode: { type: 'string', format: 'lt-personal-code', title: "Partner's personal code" },
    email: { type: 'string', format: 'email', title: 'E-mail', 'x-prefill': 'profile.email' },
    children: {
      type: 'array',
      title: 'Children',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'birthDate'],
        properties: {
          name: { type: 'string', title: 'Name', minLength: 2, maxLength: 100 },
          birthDate: { type: 'string', format: 'date', title: 'Date of birth' },
          disabled: { type: 'boolean', title: 'Has a disability' },
          disabilityCertificate: { type: 'string', format: 'document', title: 'Disability certificate' },
        },
      },
    },
  },
};

/** The generated form with the analyst's conditions added. */
export function withConditions(form: FormSchema): FormSchema {
  const copy = structuredClone(form);
  const visit = (components: FormSchema['components']): void => {
    for (const component of components) {
      if (component.key === 'iban') {
        component.conditional = { hide: '=payout != "bank"' };
        component.validate = { ...component.validate, required: true };
      }
      if (component.key === 'partnerCode') {
        component.conditional = { hide: '=hasPartner != true' };
        component.validate = { ...component.validate, required: true };
      }
      if (component.key === 'disabilityCertificate') {
        component.conditional = { hide: '=this.disabled != true' };
        component.validate = { required: true };
      }
      if (component.components) visit(component.components);
    }
  };
  visit(copy.components);
  return copy;
}
