import type { Session } from './session.entity.js';
import type { User } from './user.entity.js';

/** Who is calling, set on the request by the session middleware. */
export interface AuthContext {
  user: User;
  session: Session;
  /** How the session reached us; CSRF tokens are required for cookie sessions. */
  via: 'cookie';
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
  }
}
