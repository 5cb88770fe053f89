/**
 * Message templates per language (lt, lv, en) with `{{path}}` placeholders filled from the
 * process data. A few common messages are built in; an analyst may also write his own.
 */
import { NonRetryableError } from '../sdk/contract.js';

export const LOCALES = ['lt', 'lv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized = Partial<Record<Locale, string>> | string;

export interface MessageTemplate { subject: Localized; body: Localized }

export const MESSAGE_TEMPLATES = {
  'application-received': {
    subject: {
      lt: 'Jūsų prašymas „{{serviceName}}“ gautas',
      lv: 'Jūsu pieteikums “{{serviceName}}” ir saņemts',
      en: 'Your application "{{serviceName}}" has been received',
    },
    body: {
      lt: 'Sveiki, {{applicantName}},\n\ngavome Jūsų prašymą „{{serviceName}}“ (Nr. {{applicationId}}). Jo būseną galite sekti skiltyje „Mano užsakymai“.\n\nPagarbiai\n{{agencyName}}',
      lv: 'Labdien, {{applicantName}}!\n\nMēs saņēmām Jūsu pieteikumu “{{serviceName}}” (Nr. {{applicationId}}). Tā statusu varat sekot sadaļā “Mani pasūtījumi”.\n\nAr cieņu\n{{agencyName}}',
      en: 'Hello {{applicantName}},\n\nwe have received your application "{{serviceName}}" (no. {{applicationId}}). You can follow it under "My orders".\n\nKind regards\n{{agencyName}}',
    },
  },
  'decision-ready': {
    subject: {
      lt: 'Priimtas sprendimas dėl prašymo „{{serviceName}}“',
      lv: 'Pieņemts lēmums par pieteikumu “{{serviceName}}”',
      en: 'A decision on your application "{{serviceName}}"',
    },
    body: {
      lt: 'Sveiki, {{applicantName}},\n\ndėl Jūsų prašymo „{{serviceName}}“ (Nr. {{applicationId}}) priimtas sprendimas. Dokumentą rasite skiltyje „Mano užsakymai“.\n\nPagarbiai\n{{agencyName}}',
      lv: 'Labdien, {{applicantName}}!\n\nPar Jūsu pieteikumu “{{serviceName}}” (Nr. {{applicationId}}) ir pieņemts lēmums. Dokumentu atradīsiet sadaļā “Mani pasūtījumi”.\n\nAr cieņu\n{{agencyName}}',
      en: 'Hello {{applicantName}},\n\na decision has been made on your application "{{serviceName}}" (no. {{applicationId}}). The document is under "My orders".\n\nKind regards\n{{agencyName}}',
    },
  },
  'payment-requested': {
    subject: {
      lt: 'Prašome sumokėti už paslaugą „{{serviceName}}“',
      lv: 'Lūdzam samaksāt par pakalpojumu “{{serviceName}}”',
      en: 'Please pay for the service "{{serviceName}}"',
    },
    body: {
      lt: 'Sveiki, {{applicantName}},\n\nmokėtina suma: {{amount}} EUR, mokėjimo kodas {{reference}}, sumokėti iki {{dueDate}}.\n\nPagarbiai\n{{agencyName}}',
      lv: 'Labdien, {{applicantName}}!\n\nMaksājamā summa: {{amount}} EUR, maksājuma atsauce {{reference}}, samaksāt līdz {{dueDate}}.\n\nAr cieņu\n{{agencyName}}',
      en: 'Hello {{applicantName}},\n\namount due: {{amount}} EUR, payment reference {{reference}}, due by {{dueDate}}.\n\nKind regards\n{{agencyName}}',
    },
  },
} satisfies Record<string, MessageTemplate>;

export type TemplateId = keyof typeof MESSAGE_TEMPLATES;
export const TEMPLATE_IDS = Object.keys(MESSAGE_TEMPLATES) as TemplateId[];

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\}\}/g;

function pick(text: Localized, locale: Locale, field: string): string {
  if (typeof text === 'string') return text;
  const value = text[locale] ?? text.en ?? text.lt ?? text.lv;
  if (value === undefined) throw new NonRetryableError(`${field}: has no text in ${locale} (nor en)`);
  return value;
}

function fill(text: string, data: Record<string, unknown>, field: string): string {
  return text.replace(PLACEHOLDER, (_match, path: string) => {
    const value = path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
    if (value === undefined || value === null) throw new NonRetryableError(`${field}: placeholder {{${path}}} has no value in input.data`);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

/** Subject and body in the locale (English, then any, when missing), placeholders filled. */
export function renderMessage(input: { template?: string; subject?: Localized; body?: Localized; locale?: Locale; data?: Record<string, unknown> }): { subject: string; body: string; locale: Locale } {
  const locale = input.locale ?? 'lt';
  const template: MessageTemplate | undefined = input.template ? MESSAGE_TEMPLATES[input.template as TemplateId] : undefined;
  if (input.template && !template) throw new NonRetryableError(`input.template: unknown template ${input.template} (known: ${TEMPLATE_IDS.join(', ')})`);
  const subject = input.subject ?? template?.subject;
  const body = input.body ?? template?.body;
  if (subject === undefined) throw new NonRetryableError('input.subject: is required without input.template');
  if (body === undefined) throw new NonRetryableError('input.body: is required without input.template');
  const data = input.data ?? {};
  return { subject: fill(pick(subject, locale, 'input.subject'), data, 'input.subject'), body: fill(pick(body, locale, 'input.body'), data, 'input.body'), locale };
}

/** Input schema fields shared by the e-mail and the inbox connectors. */
export const MESSAGE_INPUT_PROPERTIES = {
  locale: { type: 'string', title: 'Language', enum: [...LOCALES], default: 'lt' },
  template: { type: 'string', title: 'Message template', enum: TEMPLATE_IDS, description: 'A built-in message; or leave empty and write subject and body.' },
  subject: { type: ['string', 'object'], title: 'Subject', description: 'Text, or texts per language: ={ lt: "…", lv: "…", en: "…" }. {{placeholders}} come from data.', additionalProperties: { type: 'string' } },
  body: { type: ['string', 'object'], title: 'Body', description: 'Text, or texts per language. {{placeholders}} come from data.', additionalProperties: { type: 'string' } },
  data: { type: 'object', title: 'Data', description: 'Values for the placeholders, e.g. ={ applicantName: applicant.firstName, serviceName: "…" }' },
} as const;
