import { stringify } from 'yaml';
import type { TestRuntime } from './support/harness.js';

let counter = 0;

/** A data structure with a nested object prefilled from the profile, a conditional repeating group and a file. */
export const PERMIT_STRUCTURE = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['applicant', 'place', 'helpers'],
  properties: {
    applicant: {
      type: 'object',
      required: ['givenName', 'personalCode'],
      properties: {
        givenName: { type: 'string', maxLength: 100, 'x-prefill': 'profile.givenName' },
        familyName: { type: 'string', maxLength: 100, 'x-prefill': 'profile.familyName' },
        personalCode: { type: 'string', format: 'lt-personal-code', 'x-prefill': 'profile.personalCode' },
      },
    },
    place: { type: 'string', maxLength: 200, 'x-title': { lt: 'Prekybos vieta', lv: 'Tirdzniecības vieta', en: 'Trading place' } },
    hasHelpers: { type: 'boolean' },
    helpers: { type: 'array', minItems: 1, maxItems: 5, items: { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 100 } } } },
    plan: { type: 'string', format: 'document' },
    firstDay: { type: 'string', format: 'date' },
  },
};

/** Its start form: two pages, helpers shown only when the applicant says he has some, a file picker for PDF or PNG up to 100 kB, an optional date. */
export const PERMIT_FORM = {
  id: 'permit', type: 'default', schemaVersion: 19,
  components: [
    {
      id: 'applicantPage', type: 'group', label: 'Applicant', path: 'applicant', properties: { page: 'true' },
      components: [
        { id: 'givenName', type: 'textfield', key: 'givenName', label: 'Given name', validate: { required: true }, properties: { prefill: 'profile.givenName' } },
        { id: 'familyName', type: 'textfield', key: 'familyName', label: 'Family name', properties: { prefill: 'profile.familyName' } },
        { id: 'personalCode', type: 'textfield', key: 'personalCode', label: 'Personal code', validate: { required: true }, properties: { prefill: 'profile.personalCode' } },
      ],
    },
    {
      id: 'tradingPage', type: 'group', label: 'Trading', properties: { page: 'true' },
      components: [
        { id: 'place', type: 'textfield', key: 'place', label: 'Trading place', validate: { required: true } },
        { id: 'hasHelpers', type: 'checkbox', key: 'hasHelpers', label: 'I will have helpers' },
        {
          id: 'helpers', type: 'dynamiclist', path: 'helpers', label: 'Helpers', isRepeating: true, allowAddRemove: true, defaultRepetitions: 1,
          conditional: { hide: '=hasHelpers != true' },
          components: [{ id: 'helperName', type: 'textfield', key: 'name', label: 'Helper', validate: { required: true } }],
        },
        { id: 'plan', type: 'filepicker', key: 'plan', label: 'Plan of the stall', accept: '.pdf,.png', properties: { maxSize: '100kB' } },
        { id: 'firstDay', type: 'datetime', subtype: 'date', key: 'firstDay', dateLabel: 'First trading day' },
      ],
    },
  ],
  'x-translations': {
    en: {
      'applicantPage.label': 'Applicant', 'givenName.label': 'Given name', 'familyName.label': 'Family name', 'personalCode.label': 'Personal code',
      'tradingPage.label': 'Trading', 'place.label': 'Trading place', 'hasHelpers.label': 'I will have helpers', 'helpers.label': 'Helpers',
      'helperName.label': 'Helper', 'plan.label': 'Plan of the stall', 'firstDay.dateLabel': 'First trading day',
    },
    lt: {
      'applicantPage.label': 'Pareiškėjas', 'givenName.label': 'Vardas', 'familyName.label': 'Pavardė', 'personalCode.label': 'Asmens kodas',
      'tradingPage.label': 'Prekyba', 'place.label': 'Prekybos vieta', 'hasHelpers.label': 'Turėsiu padėjėjų', 'helpers.label': 'Padėjėjai',
      'helperName.label': 'Padėjėjas', 'plan.label': 'Prekyvietės planas', 'firstDay.dateLabel': 'Pirmoji prekybos diena',
    },
    lv: {
      'applicantPage.label': 'Iesniedzējs', 'givenName.label': 'Vārds', 'familyName.label': 'Uzvārds', 'personalCode.label': 'Personas kods',
      'tradingPage.label': 'Tirdzniecība', 'place.label': 'Tirdzniecības vieta', 'hasHelpers.label': 'Man būs palīgi', 'helpers.label': 'Palīgi',
      'helperName.label': 'Palīgs', 'plan.label': 'Tirdzniecības vietas plāns', 'firstDay.dateLabel': 'Pirmā tirdzniecības diena',
    },
  },
};

/** Imports and publishes a service whose package has PERMIT_STRUCTURE and PERMIT_FORM; returns its code. */
export async function publishFormService(t: TestRuntime, card: Record<string, unknown> = {}): Promise<string> {
  counter += 1;
  const code = `form-service-${process.pid}-${counter}`;
  const yaml = stringify({
    code, version: '1.0.0', title: { lt: 'Leidimas prekiauti', en: 'Trading permit' }, provider: 'kaunas-city', audience: ['citizens'],
    price: 'free', interactivityLevel: 4, onlineOrder: true, startForm: 'forms/application.form', dataStructure: 'data/application.schema.json', ...card,
  });
  const analyst = await t.as('analyst');
  const files = { 'service.yaml': yaml, 'forms/application.form': JSON.stringify(PERMIT_FORM), 'data/application.schema.json': JSON.stringify(PERMIT_STRUCTURE) };
  const imported = await analyst.post('/api/service-packages', { files });
  if (imported.status !== 201) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
  const published = await analyst.post(`/api/services/${code}/versions/1.0.0/publish`);
  if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  return code;
}

/** Valid answers of the demo citizen Jonas Jonaitis. */
export const VALID_ANSWERS = { applicant: { givenName: 'Jonas', familyName: 'Jonaitis', personalCode: '38501010013' }, place: 'Laisvės al. 1', hasHelpers: false };

/** A tiny real PNG (1x1). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A tiny PDF with the right magic bytes. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
