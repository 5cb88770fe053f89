/** Legal entities register connectors: a company by code, and "may person P represent company C". */
import { defineConnector } from '../sdk/index.js';
import { COMPANY_CODE_PATTERN, PERSONAL_CODE_PATTERN, QUERY_INPUTS, queryRegister } from './query.js';
import { ADDRESS_PROPERTIES, COMPANY_CODE_OUTPUT, PERSONAL_CODE_OUTPUT, titled } from './output-titles.js';
import { registerSecretNames } from './settings.js';

const COMPANY_CODE = { type: 'string', pattern: COMPANY_CODE_PATTERN, title: 'Company code', description: 'Legal entity code: 9 digits (LT) or 11 digits (LV)' };
const NULLABLE_DATE = { type: ['string', 'null'], format: 'date' };

const COMPANY_NOT_FOUND = { code: 'COMPANY_NOT_FOUND', description: 'No legal entity with this code in the register' };

export const companyLookup = defineConnector<{ companyCode: string; purpose: string; requestedBy: string }, Record<string, unknown>>({
  id: 'konstruktor:legal-entities:company',
  version: 1,
  title: { en: 'Legal entities register: company', lt: 'Juridinių asmenų registras: įmonė', lv: 'Uzņēmumu reģistrs: uzņēmums' },
  description: 'Name, legal form, status, registered address and managers of a legal entity, by code (X-Road)',
  category: 'State registers',
  inputSchema: {
    type: 'object',
    required: ['companyCode', 'purpose', 'requestedBy'],
    properties: { companyCode: COMPANY_CODE, ...QUERY_INPUTS },
    additionalProperties: false,
  },
  outputSchema: {
    type: 'object',
    properties: {
      code: COMPANY_CODE_OUTPUT,
      name: titled({ type: 'string' }, { en: 'Name', lt: 'Pavadinimas', lv: 'Nosaukums' }),
      legalForm: titled({
        type: 'object',
        properties: {
          code: titled({ type: 'string' }, { en: 'Code', lt: 'Kodas', lv: 'Kods' }),
          title: titled({ type: 'string' }, { en: 'Name', lt: 'Pavadinimas', lv: 'Nosaukums' }),
        },
      }, { en: 'Legal form', lt: 'Teisinė forma', lv: 'Juridiskā forma' }),
      status: titled({ type: 'string', enum: ['registered', 'in liquidation', 'deregistered'] }, { en: 'Status', lt: 'Statusas', lv: 'Statuss' }),
      registeredOn: titled({ type: 'string', format: 'date' }, { en: 'Registered on', lt: 'Įregistruotas', lv: 'Reģistrēts' }),
      deregisteredOn: titled(NULLABLE_DATE, { en: 'Deregistered on', lt: 'Išregistruotas', lv: 'Izslēgts no reģistra' }),
      address: titled({ type: 'object', properties: ADDRESS_PROPERTIES }, { en: 'Registered office', lt: 'Buveinė', lv: 'Juridiskā adrese' }),
      managers: titled({
        type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, role: { type: 'string' }, since: { type: 'string', format: 'date' } } },
      }, { en: 'Managers', lt: 'Vadovai', lv: 'Amatpersonas' }),
    },
  },
  secrets: registerSecretNames('legalEntitiesRegister'),
  errors: [COMPANY_NOT_FOUND, { code: 'INVALID_COMPANY_CODE', description: 'The register refused the company code as malformed' }],
  timeoutMs: 15_000,
  handler: (input, context) => queryRegister(context, {
    register: 'legalEntitiesRegister', serviceCode: 'company', path: [input.companyCode],
    purpose: input.purpose, requestedBy: input.requestedBy, subject: { type: 'company', id: input.companyCode },
    errors: { notFound: 'COMPANY_NOT_FOUND', invalid: 'INVALID_COMPANY_CODE' },
  }),
});

export const representationCheck = defineConnector<{ companyCode: string; personalCode: string; purpose: string; requestedBy: string }, Record<string, unknown>>({
  id: 'konstruktor:legal-entities:representation',
  version: 1,
  title: { en: 'Legal entities register: may a person represent a company', lt: 'Juridinių asmenų registras: ar asmuo gali atstovauti įmonei', lv: 'Uzņēmumu reģistrs: vai persona drīkst pārstāvēt uzņēmumu' },
  description: 'Whether the person may act for the legal entity (alone or jointly), with the basis: office held or power of attorney (X-Road)',
  category: 'State registers',
  inputSchema: {
    type: 'object',
    required: ['companyCode', 'personalCode', 'purpose', 'requestedBy'],
    properties: {
      companyCode: COMPANY_CODE,
      personalCode: { type: 'string', pattern: PERSONAL_CODE_PATTERN, title: 'Personal code', description: 'The person who wants to act for the company, e.g. =applicant.personalCode' },
      ...QUERY_INPUTS,
    },
    additionalProperties: false,
  },
  outputSchema: {
    type: 'object',
    properties: {
      companyCode: COMPANY_CODE_OUTPUT,
      companyName: titled({ type: 'string' }, { en: 'Company name', lt: 'Juridinio asmens pavadinimas', lv: 'Uzņēmuma nosaukums' }),
      personalCode: PERSONAL_CODE_OUTPUT,
      mayRepresent: titled({ type: 'boolean', description: 'The person holds a current right to represent the company' },
        { en: 'May represent the company', lt: 'Gali atstovauti juridiniam asmeniui', lv: 'Drīkst pārstāvēt uzņēmumu' }),
      alone: titled({ type: 'boolean', description: 'He may act alone; false with mayRepresent means only jointly' },
        { en: 'May act alone', lt: 'Gali veikti vienas', lv: 'Drīkst rīkoties viens' }),
      jointlyWith: titled({ type: 'array', items: { type: 'string' }, description: 'Names of those he must act together with' },
        { en: 'Acts jointly with', lt: 'Veikia kartu su', lv: 'Rīkojas kopā ar' }),
      basis: titled({ type: 'string', description: 'Office or power of attorney the answer rests on, or why he may not' },
        { en: 'Basis', lt: 'Pagrindas', lv: 'Pamats' }),
      validUntil: titled(NULLABLE_DATE, { en: 'Valid until', lt: 'Galioja iki', lv: 'Derīgs līdz' }),
    },
  },
  secrets: registerSecretNames('legalEntitiesRegister'),
  errors: [COMPANY_NOT_FOUND, { code: 'INVALID_CODE', description: 'The register refused the company code or the personal code as malformed' }],
  timeoutMs: 15_000,
  handler: (input, context) => queryRegister(context, {
    register: 'legalEntitiesRegister', serviceCode: 'representation', path: [input.companyCode, input.personalCode],
    purpose: input.purpose, requestedBy: input.requestedBy, subject: { type: 'company', id: input.companyCode },
    errors: { notFound: 'COMPANY_NOT_FOUND', invalid: 'INVALID_CODE' }, auditDetails: { person: input.personalCode },
  }),
});
