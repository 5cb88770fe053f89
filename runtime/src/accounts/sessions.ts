import { createHash, randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { LessThan, type DataSource } from 'typeorm';
import { SessionEntity, type Session } from './session.entity.js';
import type { User } from './user.entity.js';

export const SESSION_COOKIE = 'konstruktor_session';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Sessions in the database, so any runtime replica can serve any request. */
export class SessionStore {
  constructor(
    private readonly db: DataSource,
    private readonly ttlSeconds: number,
    private readonly secureCookies: boolean,
  ) {}

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
      // One round trip for the session and its (enabled) user: this runs on every request.
      const found = await this.db.getRepository(SessionEntity).createQueryBuilder('s')
        .innerJoinAndMapOne('s.user', 'User', 'u', 'u.id = s.userId AND u.disabledAt IS NULL')
        .where('s.tokenHash = :hash', { hash: sha256(token) }).andWhere('s.expiresAt > now()')
        .getOne() as (Session & { user: User }) | null;
      if (found) {
        const { user, ...session } = found;
        req.auth = { user, session, via: 'cookie' };
      }
      next();
    };
  }
}
