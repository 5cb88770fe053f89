import { EntitySchema } from 'typeorm';

/** An OpenID Connect login under way: what the callback must check (state, nonce, PKCE verifier). */
export interface OidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: Date;
}

export const OidcLoginEntity = new EntitySchema<OidcLogin>({
  name: 'OidcLogin',
  tableName: 'oidc_login',
  columns: {
    state: { type: 'text', primary: true },
    nonce: { type: 'text' },
    codeVerifier: { type: 'text', name: 'code_verifier' },
    returnTo: { type: 'text', name: 'return_to' },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
  },
});
