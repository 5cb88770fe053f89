import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';
import { Code, Dictionary } from '../common/schemas.js';
import { requestLocale } from '../forms/locale.js';
import type { Draft } from './draft.entity.js';
import type { Drafts } from './drafts.js';

const DraftView = Type.Object({
  service: Type.String(),
  version: Type.String({ description: 'service version whose form the data were entered in' }),
  data: Type.Record(Type.String(), Type.Unknown()),
  page: Type.Union([Type.Integer(), Type.Null()]),
  savedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

const view = (draft: Draft & { serviceCode: string; version: string }) => ({
  service: draft.serviceCode, version: draft.version, data: draft.data, page: draft.page,
  savedAt: draft.updatedAt.toISOString(), expiresAt: draft.expiresAt.toISOString(),
});

const params = Type.Object({ service: Code });

/** Save a start form half-filled and come back to it; each citizen sees only his own drafts. */
export function draftsRouter({ api, drafts }: { api: Api; drafts: Drafts }): Router {
  const router = Router();

  api.route(router, {
    method: 'put', path: '/api/applications/drafts/:service', tag: 'applications', access: ['citizen'],
    summary: "Save my draft of the service's start form (partial data; checked for shapes, sizes and unknown fields, not for required ones: 422 naming the field). "
      + "Kept for the service's retention.drafts (default 30 days) after the last save; errors in the Accept-Language (lt, lv, en)",
    params,
    body: Type.Object({
      data: Dictionary(Type.Unknown(), { maxKeyLength: 200, maxProperties: 1000 }),
      page: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'page of a multi-page form to resume on' })),
    }, { additionalProperties: false }),
    bodyLimit: '1mb', errors: [404, 409, 422], response: DraftView,
  }, async ({ params: { service }, body, auth, req }) => view(await drafts.save(auth.user, service, body, requestLocale(req))));

  api.route(router, {
    method: 'get', path: '/api/applications/drafts/:service', tag: 'applications', access: ['citizen'],
    summary: 'My saved draft of the service (404 when there is none or it has expired)',
    params, errors: [404], response: DraftView,
  }, async ({ params: { service }, auth }) => view(await drafts.get(auth.user, service)));

  api.route(router, {
    method: 'delete', path: '/api/applications/drafts/:service', tag: 'applications', access: ['citizen'], status: 204,
    summary: 'Throw my draft away', params, errors: [404],
  }, async ({ params: { service }, auth }) => { await drafts.delete(auth.user, service); });

  return router;
}
