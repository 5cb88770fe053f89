/** A message in the citizen's portal inbox ("My messages"), in his language; one per job however often it is retried. */
import { defineConnector } from '../sdk/define-connector.js';
import { MESSAGE_INPUT_PROPERTIES, renderMessage, type Locale, type Localized } from './templates.js';

export interface InboxInput {
  recipientPersonalCode: string;
  locale?: Locale;
  template?: string;
  subject?: Localized;
  body?: Localized;
  data?: Record<string, unknown>;
}

export const inboxConnector = defineConnector<InboxInput, { messageId: string }>({
  id: 'konstruktor:notifications:inbox',
  version: 1,
  title: { en: 'Portal inbox message', lt: 'Pranešimas portalo dėžutėje', lv: 'Ziņa portāla pastkastītē' },
  description: { en: 'Puts a message in the citizen\'s inbox in the portal.', lt: 'Įdeda pranešimą į gyventojo portalo pašto dėžutę.', lv: 'Ievieto ziņu iedzīvotāja portāla pastkastītē.' },
  category: 'Notifications',
  inputSchema: {
    type: 'object',
    required: ['recipientPersonalCode'],
    properties: {
      recipientPersonalCode: { type: 'string', title: 'Recipient (personal code)', minLength: 1, description: 'e.g. =applicant.personalCode' },
      ...MESSAGE_INPUT_PROPERTIES,
    },
  },
  outputSchema: { type: 'object', properties: { messageId: { type: 'string' } } },
  async handler(input, context) {
    const message = renderMessage(input);
    const { messageId } = await context.services.inbox.send({
      recipientPersonalCode: input.recipientPersonalCode, applicationId: context.applicationId,
      subject: message.subject, body: message.body, locale: message.locale, idempotencyKey: context.idempotencyKey,
    });
    context.logger.info('inbox message sent', { messageId });
    return { messageId };
  },
});
