/**
 * E-mail through SMTP (nodemailer). The server comes from the SMTP_URL secret
 * (smtp[s]://user:password@host:port). Idempotent per job: the Message-ID is derived from the
 * job's idempotency key (receivers drop duplicates) and a job this worker already delivered is
 * not sent again on a retry.
 */
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { NonRetryableError, NOTIFICATION_KINDS, type NotificationKind } from '../sdk/contract.js';
import { defineConnector } from '../sdk/define-connector.js';
import { MESSAGE_INPUT_PROPERTIES, renderMessage, type Locale, type Localized } from './templates.js';

export interface EmailInput {
  to: string;
  from?: string;
  locale?: Locale;
  template?: string;
  subject?: Localized;
  body?: Localized;
  data?: Record<string, unknown>;
  /** What the e-mail is about, for the applicant's preferences; by default from the template. */
  kind?: NotificationKind;
}
/** messageId null and `skipped` set: the applicant turned this kind of e-mail off, and none was sent. */
export interface EmailOutput { messageId: string | null; accepted: string[]; skipped?: 'turned-off-by-recipient' }

/** The kind each built-in template's e-mail is; a message of the analyst's own tells a change of status unless he says otherwise. */
const TEMPLATE_KINDS: Record<string, NotificationKind> = { 'application-received': 'status-changed', 'decision-ready': 'decision', 'payment-requested': 'payment' };

function emailKind(input: Pick<EmailInput, 'kind' | 'template'>): NotificationKind {
  return input.kind ?? (input.template ? TEMPLATE_KINDS[input.template] : undefined) ?? 'status-changed';
}

// Jobs delivered by this process (key -> result), so a retry after a lost completion does not send twice.
const delivered = new Map<string, EmailOutput>();
const DELIVERED_LIMIT = 10_000;

function remember(key: string, output: EmailOutput): void {
  delivered.set(key, output);
  if (delivered.size > DELIVERED_LIMIT) delivered.delete(delivered.keys().next().value!);
}

export const emailConnector = defineConnector<EmailInput, EmailOutput>({
  id: 'konstruktor:notifications:email',
  version: 1,
  title: { en: 'Send e-mail', lt: 'Siųsti el. laišką', lv: 'Sūtīt e-pastu' },
  description: { en: 'Sends an e-mail in the applicant\'s language through the agency\'s SMTP server.', lt: 'Siunčia el. laišką pareiškėjo kalba per įstaigos SMTP serverį.', lv: 'Nosūta e-pastu pieteicēja valodā caur iestādes SMTP serveri.' },
  category: 'Notifications',
  secrets: ['SMTP_URL'],
  inputSchema: {
    type: 'object',
    required: ['to'],
    properties: {
      to: { type: 'string', title: 'To', format: 'email' },
      from: { type: 'string', title: 'From', default: 'Konstruktor <no-reply@konstruktor.local>' },
      ...MESSAGE_INPUT_PROPERTIES,
      kind: {
        type: 'string', title: 'Kind', enum: [...NOTIFICATION_KINDS],
        description: 'What the e-mail is about; the applicant may turn each kind off (then none is sent; the portal message still is). Default: from the template, else status-changed',
      },
    },
  },
  outputSchema: {
    type: 'object',
    properties: { messageId: { type: ['string', 'null'] }, accepted: { type: 'array', items: { type: 'string' } }, skipped: { type: 'string', enum: ['turned-off-by-recipient'] } },
  },
  async handler(input, context) {
    const message = renderMessage(input);
    // Only an order has an applicant whose choice applies.
    const preferences = context.applicationId ? context.services.notificationPreferences : undefined;
    if (preferences && !(await preferences.wantsEmail({ applicationId: context.applicationId!, kind: emailKind(input) }))) {
      context.logger.info('e-mail not sent: the applicant turned this kind off', { kind: emailKind(input) });
      return { messageId: null, accepted: [], skipped: 'turned-off-by-recipient' };
    }
    // The job and what it sends: an engine started afresh (in memory) reuses job keys.
    const sendKey = createHash('sha256').update(JSON.stringify([context.idempotencyKey, input.to, message.subject, message.body])).digest('hex');
    const done = delivered.get(sendKey);
    if (done) return done;
    const url = context.secrets.SMTP_URL;
    if (!url) throw new NonRetryableError('secret SMTP_URL is not configured');
    const transport = nodemailer.createTransport(url);
    try {
      const messageId = `<${context.idempotencyKey}@konstruktor>`;
      const info = await transport.sendMail({
        from: input.from, to: input.to, subject: message.subject, text: message.body, messageId,
        headers: { 'Content-Language': message.locale },
      });
      const output = { messageId, accepted: info.accepted.map(String) };
      remember(sendKey, output);
      context.logger.info('e-mail sent', { accepted: output.accepted.length, locale: message.locale });
      return output;
    } finally {
      transport.close();
    }
  },
});
