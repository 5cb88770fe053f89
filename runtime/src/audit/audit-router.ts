import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';
import { Page } from '../common/schemas.js';
import type { AuditLog } from './audit-log.js';

/** The audit trail, for platform administrators. */
export function auditRouter({ api, audit }: { api: Api; audit: AuditLog }): Router {
  const router = Router();

  api.route(router, {
    method: 'get', path: '/api/audit', tag: 'audit', access: ['administrator'],
    summary: 'Audit events, newest first; `object` filters by `type` or `type:id` (e.g. application:<id>)',
    query: Type.Composite([Type.Object({
      object: Type.Optional(Type.String({ pattern: '^[a-z-]{1,40}(:[^\\s]{1,200})?$', description: 'type or type:id' })),
    }), Page], { additionalProperties: false }),
  }, async ({ query }) => {
    const [objectType, ...rest] = query.object?.split(':') ?? [];
    const events = await audit.forObject(objectType, rest.length ? rest.join(':') : undefined, query.limit ?? 50, query.offset ?? 0);
    return {
      items: events.map((e) => ({
        seq: e.seq, at: e.at.toISOString(), actorId: e.actorId, action: e.action, objectType: e.objectType, objectId: e.objectId,
        beforeDigest: e.beforeDigest, afterDigest: e.afterDigest, details: e.details, hash: e.hash,
      })),
    };
  });

  return router;
}
