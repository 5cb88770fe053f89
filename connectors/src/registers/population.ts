/** Population register connectors: a person by personal code, and his family relations. */
import { defineConnector } from '../sdk/index.js';
import { PERSONAL_CODE_PATTERN, QUERY_INPUTS, queryRegister } from './query.js';
import { registerSecretNames } from './settings.js';

export interface PersonQueryInput {
  personalCode: string;
  purpose: string;
  requestedBy: string;
}

const personInput = {
  type: 'object',
  required: ['personalCode', 'purpose', 'requestedBy'],
  properties: {
    personalCode: { type: 'string', pattern: PERSONAL_CODE_PATTERN, title: 'Personal code', description: 'LT (11 digits) or LV (DDMMYY-NNNNN) personal code of the person' },
    ...QUERY_INPUTS,
  },
  additionalProperties: false,
};

const NULLABLE_DATE = { type: ['string', 'null'], format: 'date' };
const relative = {
  type: 'object',
  properties: {
    relation: { type: 'string', enum: ['mother', 'father', 'child', 'spouse'] },
    personalCode: { type: 'string' }, givenName: { type: 'string' }, familyName: { type: 'string' },
    birthDate: { type: 'string', format: 'date' }, deceasedOn: NULLABLE_DATE,
  },
};

const POPULATION_ERRORS = [
  { code: 'PERSON_NOT_FOUND', description: 'No person with this personal code in the population register' },
  { code: 'INVALID_PERSONAL_CODE', description: 'The register refused the personal code as malformed (date or check digit)' },
];

const errors = { notFound: 'PERSON_NOT_FOUND', invalid: 'INVALID_PERSONAL_CODE' };

export const personLookup = defineConnector<PersonQueryInput, Record<string, unknown>>({
  id: 'konstruktor:population:person',
  version: 1,
  title: { en: 'Population register: person', lt: 'Gyventojų registras: asmuo', lv: 'Iedzīvotāju reģistrs: persona' },
  description: 'Names, birth date, sex, citizenship and declared address of a person, by personal code (X-Road)',
  category: 'State registers',
  inputSchema: personInput,
  outputSchema: {
    type: 'object',
    properties: {
      personalCode: { type: 'string' }, givenName: { type: 'string' }, familyName: { type: 'string' },
      birthDate: { type: 'string', format: 'date' }, sex: { type: 'string', enum: ['M', 'F'] }, citizenship: { type: 'string' },
      address: {
        type: ['object', 'null'],
        properties: { street: { type: 'string' }, city: { type: 'string' }, postalCode: { type: 'string' }, country: { type: 'string' } },
      },
      deceasedOn: NULLABLE_DATE,
    },
  },
  secrets: registerSecretNames('populationRegister'),
  errors: POPULATION_ERRORS,
  timeoutMs: 15_000,
  handler: (input, context) => queryRegister(context, {
    register: 'populationRegister', serviceCode: 'person', path: [input.personalCode],
    purpose: input.purpose, requestedBy: input.requestedBy, subject: { type: 'person', id: input.personalCode }, errors,
  }),
});

export const familyRelations = defineConnector<PersonQueryInput, Record<string, unknown>>({
  id: 'konstruktor:population:family-relations',
  version: 1,
  title: { en: 'Population register: family relations', lt: 'Gyventojų registras: šeimos ryšiai', lv: 'Iedzīvotāju reģistrs: ģimenes saites' },
  description: 'Parents, children and spouse of a person, by personal code (X-Road)',
  category: 'State registers',
  inputSchema: personInput,
  outputSchema: {
    type: 'object',
    properties: {
      personalCode: { type: 'string' },
      parents: { type: 'array', items: relative },
      children: { type: 'array', items: relative },
      spouse: { anyOf: [relative, { type: 'null' }] },
    },
  },
  secrets: registerSecretNames('populationRegister'),
  errors: POPULATION_ERRORS,
  timeoutMs: 15_000,
  handler: (input, context) => queryRegister(context, {
    register: 'populationRegister', serviceCode: 'family-relations', path: [input.personalCode],
    purpose: input.purpose, requestedBy: input.requestedBy, subject: { type: 'person', id: input.personalCode }, errors,
  }),
});
