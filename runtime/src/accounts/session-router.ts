import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { DataSource } from 'typeorm';
import type { Api } from '../http/api.js';
import { HttpProblem, problems } from '../http/problem.js';
import { LocalizedText } from '../common/schemas.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { TermsService } from '../terms/terms-service.js';
import { Declaration, declarationOf } from '../terms/declaration.js';
import type { AuthContext } from './auth-context.js';
import type { LoginThrottle } from './login-throttle.js';
import { verifyPassword } from './passwords.js';
import type { Representations } from './representations.js';
import type { SessionStore } from './sessions.js';
import { UserEntity } from './user.entity.js';
import { MeView, representationView, userView } from './user-view.js';

export interface SessionRouterDeps {
  api: Api;
  db: DataSource;
  sessions: SessionStore;
  audit: AuditLog;
  terms: TermsService;
  representations: Representations;
  loginThrottle: LoginThrottle;
}

const Credentials = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
}, { additionalProperties: false });

/** Log in and out with a local account; who am I; accept the terms of use. */
export function sessionRouter({ api, db, sessions, audit, terms, representations, loginThrottle }: SessionRouterDeps): Router {
  const router = Router();

  const me = async (auth: AuthContext): Promise<MeView> => ({
    user: await userView(db, auth.user),
    representations: (await representations.active(auth.user.id)).map(representationView),
    terms: auth.terms,
    csrfToken: auth.session.csrfToken,
  });

  api.publicRoute(router, {
    method: 'post', path: '/api/session', tag: 'session', access: 'public',
    summary: 'Log in with a local account; sets the session cookie and returns the CSRF token',
    body: Credentials, response: MeView, errors: [401, 429],
  }, async ({ body, req, res }) => {
    // Asked before the password is checked, so a try while waiting reveals nothing and costs nothing.
    const wait = await loginThrottle.wait(body.username, req.ip ?? '');
    if (wait > 0) throw problems.tooManyRequests(wait);
    const user = await db.getRepository(UserEntity).findOneBy({ username: body.username });
    const valid = await verifyPassword(user?.passwordHash ?? null, body.password);
    if (!user || !valid || user.disabledAt) {
      await loginThrottle.failed(body.username, req.ip ?? '');
      await audit.recordAlone({ actorId: null, action: 'session.login-failed', objectType: 'user', objectId: user?.id ?? 'unknown', details: { method: 'password' } });
      throw new HttpProblem(401, 'invalid-credentials', 'Wrong username or password');
    }
    await loginThrottle.succeeded(body.username);
    const { token, session } = await sessions.create(user.id, 'password');
    await audit.recordAlone({ actorId: user.id, action: 'session.login', objectType: 'user', objectId: user.id, details: { method: 'password' } });
    sessions.setCookie(res, token);
    return me({ user, session, via: 'cookie', terms: await terms.acceptedCurrent(user.id) });
  });

  api.route(router, {
    method: 'delete', path: '/api/session', tag: 'session', access: 'authenticated', status: 204,
    summary: 'Log out: ends the session',
  }, async ({ auth, res }) => {
    await sessions.revoke(auth.session);
    await audit.recordAlone({ actorId: auth.user.id, action: 'session.logout', objectType: 'user', objectId: auth.user.id });
    sessions.clearCookie(res);
  });

  api.route(router, {
    method: 'get', path: '/api/me', tag: 'session', access: 'authenticated', response: MeView,
    summary: 'The logged-in user: roles, agency, representations in force, whether the current terms are accepted',
  }, ({ auth }) => me(auth));

  api.route(router, {
    method: 'post', path: '/api/me/terms/:version/accept', tag: 'session', access: 'authenticated', status: 204,
    summary: 'Accept the terms of use now in effect',
    params: Type.Object({ version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }),
    errors: [404, 409],
  }, async ({ auth, params }) => {
    await terms.accept(auth.user.id, params.version);
  });

  api.publicRoute(router, {
    method: 'get', path: '/api/terms/current', tag: 'session', access: 'public',
    summary: 'The terms of use now in effect, with the declaration submitting an application confirms under them (lt, lv, en)', errors: [404],
    response: Type.Object({ version: Type.Integer(), title: LocalizedText, body: LocalizedText, declaration: Declaration, effectiveFrom: Type.String({ format: 'date-time' }) }),
  }, async () => {
    const current = await terms.current();
    if (!current) throw problems.notFound('terms of use', 'current');
    return { version: current.version, title: current.title, body: current.body, declaration: declarationOf(current), effectiveFrom: current.effectiveFrom.toISOString() };
  });

  api.publicRoute(router, {
    method: 'get', path: '/api/terms/declaration', tag: 'session', access: 'public',
    summary: 'What pressing Submit confirms now ("… counts as my signature"), in lt, lv and en, with the terms version it belongs to (null: no terms in effect). '
      + 'Show it before Submit: the receipt of the application records it in the submitter\'s language',
    response: Type.Object({ termsVersion: Type.Union([Type.Integer(), Type.Null()]), declaration: Declaration }),
  }, async () => {
    const current = await terms.current();
    return { termsVersion: current?.version ?? null, declaration: declarationOf(current) };
  });

  return router;
}
