import { EntitySchema } from 'typeorm';
import type { Role } from '../common/schemas.js';

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  /** National personal code, for users identified through the eID gateway. */
  personalCode: string | null;
  /** `issuer|sub` of the OpenID Connect identity this user logs in with. */
  oidcSubject: string | null;
  /** argon2id hash; null for users who log in only through OIDC. */
  passwordHash: string | null;
  roles: Role[];
  /** Agency of an analyst, developer or official; null for citizens and platform administrators. */
  agencyId: string | null;
  /** Candidate groups an official belongs to (user tasks name the groups that may take them). */
  groups: string[];
  disabledAt: Date | null;
  createdAt: Date;
}

export const UserEntity = new EntitySchema<User>({
  name: 'User',
  tableName: 'app_user',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    username: { type: 'text', unique: true },
    displayName: { type: 'text', name: 'display_name' },
    email: { type: 'text', nullable: true },
    personalCode: { type: 'text', name: 'personal_code', nullable: true, unique: true },
    oidcSubject: { type: 'text', name: 'oidc_subject', nullable: true, unique: true },
    passwordHash: { type: 'text', name: 'password_hash', nullable: true },
    roles: { type: 'text', array: true },
    agencyId: { type: 'uuid', name: 'agency_id', nullable: true },
    groups: { type: 'text', array: true, default: () => "'{}'" },
    disabledAt: { type: 'timestamptz', name: 'disabled_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
