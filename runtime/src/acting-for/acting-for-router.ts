import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import { isLatvianPersonalCode, isLithuanianPersonalCode } from '@konstruktor/forms';
import type { Api } from '../http/api.js';
import { problems } from '../http/problem.js';
import { requestLocale } from '../forms/locale.js';
import { Code, Language, Uuid } from '../common/schemas.js';
import type { RepresentedEntities } from './represented-entities.js';
import { authorisationStatus, type Authorisations, type ReceivedAuthorisation } from './authorisations.js';
import type { Authorisation } from './authorisation.entity.js';

const PERSONAL_CODE = '^(\\d{11}|\\d{6}-\\d{5})$';
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const EntityChoiceView = Type.Object({
  code: Type.String({ description: 'registration code: send it as onBehalfOf when ordering' }),
  name: Type.String(),
  role: Type.String({ description: 'office held (director, board member…) or "authorised representative" (power of attorney); for a grant, its capacity' }),
  basis: Type.String(),
  alone: Type.Boolean({ description: 'false: the register says he may act only jointly with jointlyWith' }),
  jointlyWith: Type.Array(Type.String()),
  validUntil: Nullable(Type.String({ format: 'date' })),
  source: Type.Union([Type.Literal('legal-entities-register'), Type.Literal('administrator')], { description: "administrator: a manual grant for an entity the register does not know" }),
  checkedAt: Type.String({ format: 'date-time' }),
});

const AuthorisationView = Type.Object({
  id: Type.String(),
  grantor: Type.Object({ name: Type.String(), personalCode: Nullable(Type.String()) }, { description: 'the person represented: send his personalCode as onBehalfOfPerson' }),
  assistant: Type.Object({ name: Type.String(), personalCode: Type.String() }),
  services: Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'service codes covered; null: every service' }),
  validUntil: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});

const view = (a: Authorisation, grantor: { name: string; personalCode: string | null }) => ({
  id: a.id, grantor, assistant: { name: a.assistantName, personalCode: a.assistantCode }, services: a.services,
  validUntil: a.validUntil.toISOString(), status: authorisationStatus(a), createdAt: a.createdAt.toISOString(), revokedAt: a.revokedAt?.toISOString() ?? null,
});

/** Whom a citizen may act for: legal entities from the register, and people who authorised him as their e-assistant. */
export function actingForRouter({ api, representedEntities, authorisations }: { api: Api; representedEntities: RepresentedEntities; authorisations: Authorisations }): Router {
  const router = Router();

  api.route(router, {
    method: 'get', path: '/api/me/entities', tag: 'acting-for', access: ['citizen'], errors: [503],
    summary: 'The legal entities I may act for ("choose whom to act for"): those the legal entities register names me a representative of, read now '
      + "(audited as a data access with that purpose), and administrators' grants for entities the register does not know. "
      + '503 (in lang, else Accept-Language) when the register does not answer',
    query: Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false }),
    response: Type.Object({ items: Type.Array(EntityChoiceView) }),
  }, async ({ auth, req }) => {
    const choices = await representedEntities.choices(auth.user, requestLocale(req));
    return { items: choices.map((c) => ({ ...c, checkedAt: c.checkedAt.toISOString() })) };
  });

  api.route(router, {
    method: 'post', path: '/api/me/authorisations', tag: 'acting-for', access: ['citizen'], status: 201, errors: [422],
    summary: 'Authorise an e-assistant (a clerk, a notary, an accountant), by personal code, to order services on my behalf: every service '
      + '(services absent) or the listed ones, until validUntil (in the future). 422 naming the field: a personal code that is not valid or is my own, '
      + 'a past date, a service the catalogue does not have',
    body: Type.Object({
      assistantCode: Type.String({ pattern: PERSONAL_CODE, description: 'LT or LV personal code of the assistant' }),
      assistantName: Type.String({ minLength: 1, maxLength: 200 }),
      services: Type.Optional(Type.Array(Code, { minItems: 1, maxItems: 100, uniqueItems: true })),
      validUntil: Type.String({ format: 'date-time' }),
    }, { additionalProperties: false }),
    response: AuthorisationView,
  }, async ({ body, auth }) => {
    const code = body.assistantCode;
    if (!(code.includes('-') ? isLatvianPersonalCode(code) : isLithuanianPersonalCode(code))) {
      throw problems.unprocessable(`"${code}" is not a valid Lithuanian or Latvian personal code`, [{ in: 'body', path: '/assistantCode', message: 'is not a valid personal code' }]);
    }
    if (code === auth.user.personalCode) {
      throw problems.unprocessable('You cannot authorise yourself', [{ in: 'body', path: '/assistantCode', message: 'is your own personal code' }]);
    }
    const validUntil = new Date(body.validUntil);
    if (validUntil <= new Date()) throw problems.unprocessable('validUntil must be in the future', [{ in: 'body', path: '/validUntil', message: 'must be in the future' }]);
    const saved = await authorisations.grant(auth.user, { assistantCode: code, assistantName: body.assistantName.trim(), services: body.services ?? null, validUntil });
    return view(saved, { name: auth.user.displayName, personalCode: auth.user.personalCode });
  });

  api.route(router, {
    method: 'get', path: '/api/me/authorisations', tag: 'acting-for', access: ['citizen'],
    summary: 'The e-assistant authorisations I have given, newest first, with their status (active, expired, revoked)',
    response: Type.Object({ items: Type.Array(AuthorisationView) }),
  }, async ({ auth }) => {
    const grantor = { name: auth.user.displayName, personalCode: auth.user.personalCode };
    return { items: (await authorisations.granted(auth.user)).map((a) => view(a, grantor)) };
  });

  api.route(router, {
    method: 'get', path: '/api/me/authorised-by', tag: 'acting-for', access: ['citizen'],
    summary: 'The authorisations that name me as e-assistant, newest first: whom I may order for (status active), with what and until when',
    response: Type.Object({ items: Type.Array(AuthorisationView) }),
  }, async ({ auth }) => ({
    items: (await authorisations.received(auth.user)).map((a: ReceivedAuthorisation) => view(a, { name: a.grantorName, personalCode: a.grantorCode })),
  }));

  api.route(router, {
    method: 'delete', path: '/api/me/authorisations/:id', tag: 'acting-for', access: ['citizen'], status: 204, errors: [404, 409],
    summary: "Revoke an authorisation I gave: the assistant can no longer order for me, nor see the orders he made under it. Another person's is 404; a revoked one 409",
    params: Type.Object({ id: Uuid }),
  }, async ({ params, auth }) => {
    await authorisations.revoke(auth.user, params.id);
  });

  return router;
}
