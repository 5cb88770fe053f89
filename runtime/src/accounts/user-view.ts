import { Type, type Static } from '@sinclair/typebox';
import type { DataSource } from 'typeorm';
import { LocalizedText, Role } from '../common/schemas.js';
import { AgencyEntity } from './agency.entity.js';
import type { Representation } from './representation.entity.js';
import type { User } from './user.entity.js';

export const RepresentationView = Type.Object({
  id: Type.String(),
  entityCode: Type.String(),
  entityName: Type.String(),
  capacity: Type.String(),
  source: Type.String(),
  validFrom: Type.String({ format: 'date-time' }),
  validUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const MeView = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    roles: Type.Array(Role),
    groups: Type.Array(Type.String()),
    agency: Type.Union([Type.Object({ code: Type.String(), name: LocalizedText }), Type.Null()]),
  }),
  representations: Type.Array(RepresentationView),
  terms: Type.Object({ currentVersion: Type.Union([Type.Integer(), Type.Null()]), accepted: Type.Boolean() }),
  csrfToken: Type.String(),
});
export type MeView = Static<typeof MeView>;

export function representationView(r: Representation): Static<typeof RepresentationView> {
  return {
    id: r.id, entityCode: r.entityCode, entityName: r.entityName, capacity: r.capacity, source: r.source,
    validFrom: r.validFrom.toISOString(), validUntil: r.validUntil?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

export async function userView(db: DataSource, user: User): Promise<MeView['user']> {
  const agency = user.agencyId ? await db.getRepository(AgencyEntity).findOneBy({ id: user.agencyId }) : null;
  return {
    id: user.id, username: user.username, displayName: user.displayName, email: user.email,
    roles: user.roles, groups: user.groups, agency: agency ? { code: agency.code, name: agency.name } : null,
  };
}
