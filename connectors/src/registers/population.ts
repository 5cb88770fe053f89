/** Population register connectors: a person by personal code, and his family relations. */
import { defineConnector } from '../sdk/index.js';
import { PERSONAL_CODE_PATTERN, QUERY_INPUTS, queryRegister } from './query.js';
import { ADDRESS_PROPERTIES, PERSONAL_CODE_OUTPUT, titled } from './output-titles.js';
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
    relation: titled({ type: 'string', enum: ['mother', 'father', 'child', 'spouse'] }, { en: 'Relation', lt: 'Ryšys', lv: 'Radniecība' }),
    personalCode: PERSONAL_CODE_OUTPUT,
    givenName: titled({ type: 'string' }, { en: 'Given name', lt: 'Vardas', lv: 'Vārds' }),
    familyName: titled({ type: 'string' }, { en: 'Family name', lt: 'Pavardė', lv: 'Uzvārds' }),
    birthDate: titled({ type: 'string', format: 'date' }, { en: 'Date of birth', lt: 'Gimimo data', lv: 'Dzimšanas datums' }),
    deceasedOn: titled(NULLABLE_DATE, { en: 'Date of death', lt: 'Mirties data', lv: 'Miršanas datums' }),
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
      personalCode: PERSONAL_CODE_OUTPUT, givenName: relative.properties.givenName, familyName: relative.properties.familyName, birthDate: relative.properties.birthDate,
      sex: titled({ type: 'string', enum: ['M', 'F'] }, { en: 'Sex', lt: 'Lytis', lv: 'Dzimums' }),
      citizenship: titled({ type: 'string' }, { en: 'Citizenship', lt: 'Pilietybė', lv: 'Pilsonība' }),
      address: titled({ type: ['object', 'null'], properties: ADDRESS_PROPERTIES },
        { en: 'Declared place of residence', lt: 'Deklaruota gyvenamoji vieta', lv: 'Deklarētā dzīvesvieta' }),
      deceasedOn: relative.properties.deceasedOn,
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
      personalCode: PERSONAL_CODE_OUTPUT,
      parents: titled({ type: 'array', items: relative }, { en: 'Parents', lt: 'Tėvai', lv: 'Vecāki' }),
      children: titled({ type: 'array', items: relative }, { en: 'Children', lt: 'Vaikai', lv: 'Bērni' }),
      spouse: titled({ anyOf: [relative, { type: 'null' }] }, { en: 'Spouse', lt: 'Sutuoktinis', lv: 'Laulātais' }),
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
