import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';
import { problems } from '../http/problem.js';
import { Uuid } from '../common/schemas.js';
import type { PortalInbox } from './inbox.js';
import type { InboxMessage } from './inbox-message.entity.js';

const MessageView = Type.Object({
  id: Uuid,
  applicationId: Type.Union([Uuid, Type.Null()]),
  subject: Type.String(),
  body: Type.String(),
  locale: Type.Union([Type.Literal('lt'), Type.Literal('lv'), Type.Literal('en'), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const view = (message: InboxMessage) => ({
  id: message.id, applicationId: message.applicationId, subject: message.subject, body: message.body, locale: message.locale,
  createdAt: message.createdAt.toISOString(), readAt: message.readAt ? message.readAt.toISOString() : null,
});

/** "My messages" in the citizen portal: a citizen sees and marks read only messages addressed to his personal code. */
export function inboxRouter({ api, portalInbox: inbox }: { api: Api; portalInbox: PortalInbox }): Router {
  const router = Router();

  api.route(router, {
    method: 'get', path: '/api/me/messages', tag: 'inbox', access: ['citizen'],
    summary: 'My messages, newest first',
    query: Type.Object({
      unread: Type.Optional(Type.Boolean({ description: 'only messages not read yet' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
      offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
    }, { additionalProperties: false }),
    response: Type.Object({ items: Type.Array(MessageView), total: Type.Integer(), unread: Type.Integer() }),
  }, async ({ query, auth }) => {
    const personalCode = auth.user.personalCode;
    if (!personalCode) return { items: [], total: 0, unread: 0 };
    const [items, total] = await inbox.list(personalCode, { unreadOnly: query.unread, limit: query.limit ?? 20, offset: query.offset ?? 0 });
    const [, unread] = await inbox.list(personalCode, { unreadOnly: true, limit: 1, offset: 0 });
    return { items: items.map(view), total, unread };
  });

  api.route(router, {
    method: 'post', path: '/api/me/messages/:id/read', tag: 'inbox', access: ['citizen'],
    summary: 'Mark one of my messages read',
    params: Type.Object({ id: Uuid }), errors: [404], response: MessageView,
  }, async ({ params, auth }) => {
    const message = auth.user.personalCode ? await inbox.markRead(auth.user.personalCode, params.id) : null;
    if (!message) throw problems.notFound('message', params.id);
    return view(message);
  });

  return router;
}
