import { stringify } from 'yaml';
import { generateForm } from '@konstruktor/forms';
import type { TestRuntime } from '../../support/harness.js';

/**
 * A data structure with everything a citizen form exercises: prefilled fields, a code list, a
 * date, a nested object (its own page), a repeating group (its own page) and a file reference.
 */
export const MARKET_STALL_STRUCTURE = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://konstruktor.example/structures/market-stall/1.0.0',
  type: 'object',
  title: 'Market stall permit',
  'x-title': { lt: 'Leidimas prekiauti turguje', lv: 'Atļauja tirgoties tirgū', en: 'Market stall permit' },
  required: ['fullName', 'email', 'goods', 'firstDay', 'place', 'assistants', 'plan'],
  properties: {
    fullName: { type: 'string', title: 'Full name', 'x-title': { lt: 'Vardas ir pavardė', lv: 'Vārds un uzvārds', en: 'Full name' }, minLength: 2, maxLength: 100, 'x-prefill': 'profile.displayName' },
    email: { type: 'string', format: 'email', title: 'E-mail', 'x-title': { lt: 'El. paštas', lv: 'E-pasts', en: 'E-mail' }, 'x-prefill': 'profile.email' },
    phone: { type: 'string', format: 'phone', title: 'Phone', 'x-title': { lt: 'Telefonas', lv: 'Tālrunis', en: 'Phone' } },
    goods: {
      type: 'string', title: 'Goods', 'x-title': { lt: 'Prekės', lv: 'Preces', en: 'Goods' }, enum: ['food', 'crafts', 'clothes'],
      'x-enum-titles': { food: { lt: 'Maistas', lv: 'Pārtika', en: 'Food' }, crafts: { lt: 'Amatai', lv: 'Amatniecība', en: 'Crafts' }, clothes: { lt: 'Drabužiai', lv: 'Apģērbs', en: 'Clothes' } },
    },
    firstDay: { type: 'string', format: 'date', title: 'First trading day', 'x-title': { lt: 'Pirmoji prekybos diena', lv: 'Pirmā tirdzniecības diena', en: 'First trading day' } },
    place: {
      type: 'object', title: 'Trading place', 'x-title': { lt: 'Prekybos vieta', lv: 'Tirdzniecības vieta', en: 'Trading place' },
      required: ['street', 'city'],
      properties: {
        street: { type: 'string', title: 'Street', 'x-title': { lt: 'Gatvė', lv: 'Iela', en: 'Street' }, minLength: 1, maxLength: 100 },
        city: { type: 'string', title: 'City', 'x-title': { lt: 'Miestas', lv: 'Pilsēta', en: 'City' }, minLength: 1, maxLength: 60 },
      },
    },
    assistants: {
      type: 'array', title: 'Assistants', 'x-title': { lt: 'Padėjėjai', lv: 'Palīgi', en: 'Assistants' }, minItems: 1, maxItems: 5,
      items: {
        type: 'object', required: ['name'],
        properties: {
          name: { type: 'string', title: 'Assistant name', 'x-title': { lt: 'Padėjėjo vardas', lv: 'Palīga vārds', en: 'Assistant name' }, minLength: 2, maxLength: 100 },
          hours: { type: 'integer', title: 'Hours a week', 'x-title': { lt: 'Valandos per savaitę', lv: 'Stundas nedēļā', en: 'Hours a week' }, minimum: 1, maximum: 60 },
        },
      },
    },
    plan: { type: 'string', format: 'document', title: 'Stall plan', 'x-title': { lt: 'Prekyvietės planas', lv: 'Tirdzniecības vietas plāns', en: 'Stall plan' } },
  },
};

let counter = 0;

/** Imports and publishes a service whose start form is generated from the structure; returns its code. */
export function publishGeneratedFormService(t: TestRuntime): Promise<string> {
  const title = { lt: 'Leidimas prekiauti turguje', lv: 'Atļauja tirgoties tirgū', en: 'Market stall permit' };
  return publishFormService(t, 'market-stall', title, MARKET_STALL_STRUCTURE);
}

/**
 * A trader's company details, each shown only once the one before it is answered: a chain of
 * hide conditions, as an analyst adds them in the form editor.
 */
const COMPANY_STRUCTURE = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://konstruktor.example/structures/company-trader/1.0.0',
  type: 'object',
  title: 'Trading as a company',
  properties: {
    company: { type: 'boolean', title: 'I trade as a company' },
    companyCode: { type: 'string', title: 'Company code' },
    vatCode: { type: 'string', title: 'VAT code' },
  },
};

const COMPANY_CONDITIONS: Record<string, string> = { companyCode: '=company != true', vatCode: '=companyCode = null or companyCode = ""' };

/** Imports and publishes a service with the company form; returns its code. */
export function publishConditionalFormService(t: TestRuntime): Promise<string> {
  const title = { lt: 'Prekyba įmonės vardu', lv: 'Tirdzniecība uzņēmuma vārdā', en: 'Trading as a company' };
  return publishFormService(t, 'company-trader', title, COMPANY_STRUCTURE, (form) => ({
    ...form,
    components: form.components.map((c) => (c.key && COMPANY_CONDITIONS[c.key] ? { ...c, conditional: { hide: COMPANY_CONDITIONS[c.key] } } : c)),
  }));
}

type GeneratedForm = ReturnType<typeof generateForm>;

async function publishFormService(t: TestRuntime, name: string, title: Record<string, string>, structure: object, refine: (form: GeneratedForm) => GeneratedForm = (form) => form): Promise<string> {
  counter += 1;
  const code = `${name}-${process.pid}-${counter}`;
  const card = {
    code, version: '1.0.0', title, summary: title,
    provider: 'kaunas-city', legalBasis: 'Market rules', audience: ['citizens'], price: 'free', interactivityLevel: 4, onlineOrder: true,
    startForm: 'forms/application.form', dataStructure: 'data/application.schema.json', lifeEvents: [],
  };
  const analyst = await t.as('analyst');
  const imported = await analyst.post('/api/service-packages', {
    files: {
      'service.yaml': stringify(card),
      'data/application.schema.json': JSON.stringify(structure),
      'forms/application.form': JSON.stringify(refine(generateForm(structure as Parameters<typeof generateForm>[0]))),
    },
  });
  if (imported.status !== 201) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
  const published = await analyst.post(`/api/services/${code}/versions/1.0.0/publish`);
  if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  return code;
}

/** The smallest valid PDF a content sniffer accepts as application/pdf. */
export const STALL_PLAN_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
