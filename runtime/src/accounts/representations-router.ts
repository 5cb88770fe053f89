import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { DataSource } from 'typeorm';
import type { Api } from '../http/api.js';
import { problems } from '../http/problem.js';
import { Uuid } from '../common/schemas.js';
import type { Representations } from './representations.js';
import { UserEntity } from './user.entity.js';
import { RepresentationView, representationView } from './user-view.js';

/**
 * Administrators record who may act for which legal entity, and revoke it: a manual override for
 * entities the legal entities register does not know (the register is the source for the ones it
 * knows, acting-for/represented-entities.ts), or the only source where no register is configured.
 */
export function representationsRouter({ api, db, representations }: { api: Api; db: DataSource; representations: Representations }): Router {
  const router = Router();

  api.route(router, {
    method: 'get', path: '/api/representations', tag: 'accounts', access: ['administrator'],
    summary: "Representations, newest first, optionally of one user",
    query: Type.Object({ username: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }, { additionalProperties: false }),
    response: Type.Object({ items: Type.Array(RepresentationView) }),
  }, async ({ query }) => {
    let userId: string | undefined;
    if (query.username) {
      const user = await db.getRepository(UserEntity).findOneBy({ username: query.username });
      if (!user) return { items: [] };
      userId = user.id;
    }
    return { items: (await representations.list(userId)).map(representationView) };
  });

  api.route(router, {
    method: 'post', path: '/api/representations', tag: 'accounts', access: ['administrator'], status: 201,
    summary: 'Record that a citizen may act for a legal entity the legal entities register does not know (a grant for one it knows gives nothing: the register decides). '
      + 'The user must exist and the period must run forward: else 422 naming the field',
    body: Type.Object({
      username: Type.String({ minLength: 1, maxLength: 100 }),
      entityCode: Type.String({ pattern: '^[0-9A-Za-z-]{1,32}$', description: 'registration code' }),
      entityName: Type.String({ minLength: 1, maxLength: 300 }),
      capacity: Type.String({ minLength: 1, maxLength: 100 }),
      validFrom: Type.Optional(Type.String({ format: 'date-time' })),
      validUntil: Type.Optional(Type.String({ format: 'date-time' })),
    }, { additionalProperties: false }),
    errors: [422], response: RepresentationView,
  }, async ({ body, auth }) => {
    const user = await db.getRepository(UserEntity).findOneBy({ username: body.username });
    if (!user || !user.roles.includes('citizen')) {
      throw problems.unprocessable(`"${body.username}" is not a citizen's account`, [{ in: 'body', path: '/username', message: 'is not a citizen account' }]);
    }
    const validFrom = body.validFrom ? new Date(body.validFrom) : new Date();
    const validUntil = body.validUntil ? new Date(body.validUntil) : null;
    if (validUntil && validUntil <= validFrom) {
      throw problems.unprocessable('validUntil must be after validFrom', [{ in: 'body', path: '/validUntil', message: 'must be after validFrom' }]);
    }
    const saved = await representations.grant(auth.user.id, {
      userId: user.id, entityCode: body.entityCode, entityName: body.entityName, capacity: body.capacity,
      source: 'administrator', validFrom, validUntil,
    });
    return representationView(saved);
  });

  api.route(router, {
    method: 'delete', path: '/api/representations/:id', tag: 'accounts', access: ['administrator'], status: 204,
    summary: 'Revoke a representation: the citizen loses access to the entity\'s applications at once',
    params: Type.Object({ id: Uuid }), errors: [404, 409],
  }, async ({ params, auth }) => {
    await representations.revoke(auth.user.id, params.id);
  });

  return router;
}
