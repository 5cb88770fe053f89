import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import { NOTIFICATION_KINDS } from '@konstruktor/connectors';
import type { Api } from '../http/api.js';
import type { NotificationPreferences } from './notification-preferences.js';

const DESCRIPTIONS: Record<(typeof NOTIFICATION_KINDS)[number], string> = {
  'status-changed': 'the order was received or its status changed',
  'information-requested': 'an official asks for more information',
  decision: 'a decision was made',
  payment: 'a payment is asked for',
};

const kinds = (optional: boolean) => Type.Object(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => {
    const flag = Type.Boolean({ description: DESCRIPTIONS[kind] });
    return [kind, optional ? Type.Optional(flag) : flag];
  })),
  { additionalProperties: false },
);

const Preferences = Type.Object({ email: kinds(false) }, { description: 'e-mail on (true) or off per kind; portal messages arrive whatever is chosen' });

/** A citizen's choice of the e-mails he gets about his orders. */
export function notificationPreferencesRouter({ api, notificationPreferences }: { api: Api; notificationPreferences: NotificationPreferences }): Router {
  const router = Router();

  api.route(router, {
    method: 'get', path: '/api/me/notification-preferences', tag: 'inbox', access: ['citizen'],
    summary: 'Which e-mails I get about my orders, per kind (all on until turned off); messages in the portal arrive whatever I choose',
    response: Preferences,
  }, async ({ auth }) => ({ email: await notificationPreferences.email(auth.user.id) }));

  api.route(router, {
    method: 'put', path: '/api/me/notification-preferences', tag: 'inbox', access: ['citizen'],
    summary: 'Turn kinds of e-mail on or off (kinds not named stay as they were); answers all of them',
    body: Type.Object({ email: kinds(true) }, { additionalProperties: false }),
    response: Preferences,
  }, async ({ body, auth }) => ({ email: await notificationPreferences.setEmail(auth.user.id, body.email) }));

  return router;
}
