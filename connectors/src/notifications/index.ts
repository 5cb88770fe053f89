/** Notifications: e-mail over SMTP and the citizen's portal inbox, with message templates per language. */
import { emailConnector } from './email-connector.js';
import { inboxConnector } from './inbox-connector.js';

export { emailConnector, type EmailInput, type EmailOutput } from './email-connector.js';
export { inboxConnector, type InboxInput } from './inbox-connector.js';
export { renderMessage, MESSAGE_TEMPLATES, TEMPLATE_IDS, type MessageTemplate } from './templates.js';
export const notificationConnectors = [emailConnector, inboxConnector];
