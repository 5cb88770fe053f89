/** Legal entities register connectors: a company by code, and "may person P represent company C". */
import { defineConnector } from '../sdk/index.js';
import { COMPANY_CODE_PATTERN, PERSONAL_CODE_PATTERN, QUERY_INPUTS, queryRegister } from './query.js';
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
      code: { type: 'string' }, name: { type: 'string' },
      legalForm: { type: 'object', properties: { code: { type: 'string' }, title: { type: 'string' } } },
      status: { type: 'string', enum: ['registered', 'in liquidation', 'deregistered'] },
      registeredOn: { type: 'string', format: 'date' }, deregisteredOn: NULLABLE_DATE,
      address: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' }, postalCode: { type: 'string' }, country: { type: 'string' } } },
      managers: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, role: { type: 'string' }, since: { type: 'string', format: 'date' } } } },
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
      companyCode: { type: 'string' }, companyName: { type: 'string' }, personalCode: { type: 'string' },
      mayRepresent: { type: 'boolean', description: 'The person holds a current right to represent the company' },
      alone: { type: 'boolean', description: 'He may act alone; false with mayRepresent means only jointly' },
      jointlyWith: { type: 'array', items: { type: 'string' }, description: 'Names of those he must act together with' },
      basis: { type: 'string', description: 'Office or power of attorney the answer rests on, or why he may not' },
      validUntil: NULLABLE_DATE,
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
