import { EntitySchema } from 'typeorm';

/** A login session. The cookie carries a random token; only its SHA-256 is stored. */
export interface Session {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  authMethod: 'password' | 'oidc';
  createdAt: Date;
  expiresAt: Date;
}

export const SessionEntity = new EntitySchema<Session>({
  name: 'Session',
  tableName: 'session',
  columns: {
    tokenHash: { type: 'text', primary: true, name: 'token_hash' },
    userId: { type: 'uuid', name: 'user_id' },
    csrfToken: { type: 'text', name: 'csrf_token' },
    authMethod: { type: 'text', name: 'auth_method' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
  },
});
