import { createHash, randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { LessThan, type DataSource } from 'typeorm';
import { SessionEntity, type Session } from './session.entity.js';
import { UserEntity, type User } from './user.entity.js';
import { entityColumns } from '../db/sql.js';
import { termsStatus, termsStatusSql } from '../terms/terms-service.js';

export const SESSION_COOKIE = 'konstruktor_session';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The session's own columns, named apart from the user's they are read with. */
interface SessionFields {
  sessionCsrfToken: string;
  sessionAuthMethod: Session['authMethod'];
  sessionCreatedAt: Date;
  sessionExpiresAt: Date;
  termsVersion: number | null;
  termsAccepted: boolean | null;
}

/** Sessions in the database, so any runtime replica can serve any request. */
export class SessionStore {
  /**
   * The live session, its enabled user and the user's terms status, in one round trip: this runs
   * on every request, so it is written out once rather than built by the query builder each time.
   */
  private readonly lookup: string;

  constructor(
    private readonly db: DataSource,
    private readonly ttlSeconds: number,
    private readonly secureCookies: boolean,
  ) {
    this.lookup = `SELECT ${entityColumns(db, UserEntity, 'u')}, s.csrf_token AS "sessionCsrfToken", s.auth_method AS "sessionAuthMethod",
             s.created_at AS "sessionCreatedAt", s.expires_at AS "sessionExpiresAt",
             terms.version AS "termsVersion", terms.accepted AS "termsAccepted"
        FROM session s JOIN app_user u ON u.id = s.user_id AND u.disabled_at IS NULL
        LEFT JOIN LATERAL (${termsStatusSql('u.id')}) terms ON true
       WHERE s.token_hash = $1 AND s.expires_at > now()`;
  }

  async create(userId: string, authMethod: Session['authMethod']): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const session = await this.db.getRepository(SessionEntity).save({
      tokenHash: sha256(token),
      userId,
      csrfToken: randomBytes(24).toString('base64url'),
      authMethod,
      expiresAt: new Date(Date.now() + this.ttlSeconds * 1000),
    });
    return { token, session };
  }

  async revoke(session: Session): Promise<void> {
    await this.db.getRepository(SessionEntity).delete({ tokenHash: session.tokenHash });
  }

  async purgeExpired(): Promise<void> {
    await this.db.getRepository(SessionEntity).delete({ expiresAt: LessThan(new Date()) });
  }

  setCookie(res: Response, token: string): void {
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.secureCookies, path: '/', maxAge: this.ttlSeconds * 1000 });
  }

  clearCookie(res: Response): void {
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.secureCookies, path: '/' });
  }

  /** Middleware: sets req.auth when the request carries a live session of an enabled user. */
  authenticate() {
    return async (req: Request, _res: Response, next: NextFunction) => {
      const token = req.headers.cookie ? parseCookies(req.headers.cookie)[SESSION_COOKIE] : undefined;
      if (!token) return next();
      const tokenHash = sha256(token);
      const [found] = (await this.db.query(this.lookup, [tokenHash])) as (User & SessionFields)[];
      if (found) {
        const { sessionCsrfToken, sessionAuthMethod, sessionCreatedAt, sessionExpiresAt, termsVersion, termsAccepted, ...user } = found;
        const session = { tokenHash, userId: user.id, csrfToken: sessionCsrfToken, authMethod: sessionAuthMethod, createdAt: sessionCreatedAt, expiresAt: sessionExpiresAt };
        req.auth = { user, session, via: 'cookie', terms: termsStatus({ version: termsVersion, accepted: termsAccepted }) };
      }
      next();
    };
  }
}
