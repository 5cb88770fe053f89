import type { Session } from './session.entity.js';
import type { User } from './user.entity.js';
import type { TermsStatus } from '../terms/terms-service.js';

/** Who is calling, set on the request by the session middleware. */
export interface AuthContext {
  user: User;
  session: Session;
  /** How the session reached us; CSRF tokens are required for cookie sessions. */
  via: 'cookie';
  /** The terms of use in effect and whether this user accepted them, as of this request. */
  terms: TermsStatus;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
  }
}
