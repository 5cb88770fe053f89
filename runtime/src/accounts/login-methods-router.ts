import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';

const LoginMethods = Type.Object({
  password: Type.Boolean({ description: 'Local accounts (staff, demo accounts): POST /api/session' }),
  eid: Type.Boolean({ description: 'The eID gateway (OpenID Connect): GET /api/session/oidc?returnTo=<path>&lang=<lt|lv|en>' }),
}, { additionalProperties: false });

/** GET /api/session/methods: which login buttons the portal shows; eID only when an identity provider is configured. */
export function loginMethodsRouter({ api, eid }: { api: Api; eid: boolean }): Router {
  const router = Router();
  api.publicRoute(router, {
    method: 'get', path: '/api/session/methods', tag: 'session', access: 'public',
    summary: 'The ways to log in here: password always, eID when an identity provider is configured (OIDC_ISSUER, or the sandbox eID gateway of npm start)',
    response: LoginMethods,
  }, () => ({ password: true, eid }));
  return router;
}
