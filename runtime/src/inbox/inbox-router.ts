import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';
import { problems } from '../http/problem.js';
import { Uuid } from '../common/schemas.js';
import type { PortalInbox } from './inbox.js';
import type { InboxMessage } from './inbox-message.entity.js';
import { messageLinks, type MessageLinks } from './message-links.js';
import type { DataSource } from 'typeorm';

const MessageView = Type.Object({
  id: Uuid,
  applicationId: Type.Union([Uuid, Type.Null()]),
  subject: Type.String(),
  body: Type.String(),
  locale: Type.Union([Type.Literal('lt'), Type.Literal('lv'), Type.Literal('en'), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  caseCode: Type.Union([Type.String(), Type.Null()], { description: "the order's number to show (its case code); null for a message about no order" }),
  applicationHref: Type.Union([Type.String(), Type.Null()], { description: 'the order it is about' }),
  documents: Type.Array(Type.Object({ id: Uuid, filename: Type.String(), href: Type.String() }), {
    description: 'what the process had produced for the order when the message was sent (the decision, a permit…), with download links',
  }),
});

const view = (message: InboxMessage, links: Map<string, MessageLinks>) => ({
  id: message.id, applicationId: message.applicationId, subject: message.subject, body: message.body, locale: message.locale,
  createdAt: message.createdAt.toISOString(), readAt: message.readAt ? message.readAt.toISOString() : null,
  caseCode: links.get(message.id)?.caseCode ?? null,
  applicationHref: message.applicationId ? `/api/applications/${message.applicationId}` : null,
  documents: links.get(message.id)?.documents ?? [],
});

/** "My messages" in the citizen portal: a citizen sees and marks read only messages addressed to his personal code. */
export function inboxRouter({ api, db, portalInbox: inbox }: { api: Api; db: DataSource; portalInbox: PortalInbox }): Router {
  const router = Router();

  api.route(router, {
    method: 'get', path: '/api/me/messages', tag: 'inbox', access: ['citizen'],
    summary: 'My messages, newest first, each with the order it is about (applicationId, caseCode) and the documents the process had produced for it then',
    query: Type.Object({
      unread: Type.Optional(Type.Boolean({ description: 'only messages not read yet' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
      offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
    }, { additionalProperties: false }),
    response: Type.Object({ items: Type.Array(MessageView), total: Type.Integer(), unread: Type.Integer() }),
  }, async ({ query, auth }) => {
    const personalCode = auth.user.personalCode;
    if (!personalCode) return { items: [], total: 0, unread: 0 };
    const [[items, total], unread] = await Promise.all([
      inbox.list(personalCode, { unreadOnly: query.unread, limit: query.limit ?? 20, offset: query.offset ?? 0 }), inbox.unreadCount(personalCode),
    ]);
    const links = await messageLinks(db, items);
    return { items: items.map((m) => view(m, links)), total, unread };
  });

  api.route(router, {
    method: 'get', path: '/api/me/messages/unread-count', tag: 'inbox', access: ['citizen'],
    summary: 'How many of my messages are not read yet: cheap to poll for the header; GET /api/events also sends `message` events with it',
    response: Type.Object({ unread: Type.Integer() }),
  }, async ({ auth }) => ({ unread: auth.user.personalCode ? await inbox.unreadCount(auth.user.personalCode) : 0 }));

  api.route(router, {
    method: 'post', path: '/api/me/messages/:id/read', tag: 'inbox', access: ['citizen'],
    summary: 'Mark one of my messages read',
    params: Type.Object({ id: Uuid }), errors: [404], response: MessageView,
  }, async ({ params, auth }) => {
    const message = auth.user.personalCode ? await inbox.markRead(auth.user.personalCode, params.id) : null;
    if (!message) throw problems.notFound('message', params.id);
    return view(message, await messageLinks(db, [message]));
  });

  return router;
}
