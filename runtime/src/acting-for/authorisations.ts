import { In, type DataSource, type EntityManager } from 'typeorm';
import { UserEntity, type User } from '../accounts/user.entity.js';
import type { AuditLog } from '../audit/audit-log.js';
import { ServiceEntity } from '../catalogue/service.entity.js';
import type { Locale } from '../forms/start-form.js';
import { problems } from '../http/problem.js';
import { AuthorisationEntity, type Authorisation } from './authorisation.entity.js';
import { refusals } from './refusals.js';

export type AuthorisationStatus = 'active' | 'expired' | 'revoked';

export interface NewAuthorisation {
  assistantCode: string;
  assistantName: string;
  services: string[] | null;
  validUntil: Date;
}

/** An authorisation as its assistant sees it: with whom he may act for. */
export type ReceivedAuthorisation = Authorisation & { grantorName: string; grantorCode: string | null };

export function authorisationStatus(authorisation: Authorisation, now = new Date()): AuthorisationStatus {
  if (authorisation.revokedAt) return 'revoked';
  return authorisation.validUntil <= now ? 'expired' : 'active';
}

/** E-assistants' authorisations: granted and revoked by the person represented, used by the assistant at submit. */
export class Authorisations {
  constructor(private readonly db: DataSource, private readonly audit: AuditLog) {}

  /** Records a grant; a service code the catalogue does not have is 422 naming it. */
  async grant(grantor: User, values: NewAuthorisation): Promise<Authorisation> {
    if (values.services) {
      const known = new Set((await this.db.getRepository(ServiceEntity).findBy({ code: In(values.services) })).map((s) => s.code));
      const unknown = values.services.map((code, index) => ({ code, index })).filter(({ code }) => !known.has(code));
      if (unknown.length) {
        throw problems.unprocessable(`No such service: ${unknown.map((u) => u.code).join(', ')}`, unknown.map(({ index }) => ({ in: 'body', path: `/services/${index}`, message: 'is not a service of the catalogue' })));
      }
    }
    return this.db.transaction(async (manager) => {
      const saved = await manager.getRepository(AuthorisationEntity).save({ ...values, grantorId: grantor.id, revokedAt: null });
      await this.audit.record(manager, {
        actorId: grantor.id, action: 'authorisation.granted', objectType: 'authorisation', objectId: saved.id, after: saved,
        details: { assistantCode: saved.assistantCode, services: saved.services, validUntil: saved.validUntil.toISOString() },
      });
      return saved;
    });
  }

  /** What the grantor has given, newest first. */
  async granted(grantor: User): Promise<Authorisation[]> {
    return this.db.getRepository(AuthorisationEntity).find({ where: { grantorId: grantor.id }, order: { createdAt: 'DESC' }, take: 200 });
  }

  /** What names this user as assistant, newest first, with the grantor's name and code. */
  async received(assistant: User): Promise<ReceivedAuthorisation[]> {
    if (!assistant.personalCode) return [];
    const rows = await this.db.getRepository(AuthorisationEntity).find({ where: { assistantCode: assistant.personalCode }, order: { createdAt: 'DESC' }, take: 200 });
    const grantors = new Map((await this.db.getRepository(UserEntity).findBy({ id: In([...new Set(rows.map((r) => r.grantorId))]) })).map((u) => [u.id, u]));
    return rows.map((row) => ({ ...row, grantorName: grantors.get(row.grantorId)?.displayName ?? '', grantorCode: grantors.get(row.grantorId)?.personalCode ?? null }));
  }

  /** Revokes one of the grantor's own authorisations: another person's is 404, a revoked one 409. */
  async revoke(grantor: User, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(AuthorisationEntity);
      const before = await repository.findOne({ where: { id, grantorId: grantor.id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw problems.notFound('authorisation', id);
      if (before.revokedAt) throw problems.conflict('This authorisation is already revoked');
      const after = { ...before, revokedAt: new Date() };
      await repository.save(after);
      await this.audit.record(manager, { actorId: grantor.id, action: 'authorisation.revoked', objectType: 'authorisation', objectId: id, before, after });
    });
  }

  /**
   * The authorisation in force from the person `grantorCode` to `assistant` that covers the
   * service, and that person; else 403 naming him (also when no such person has an account).
   */
  async confirm(assistant: User, grantorCode: string, serviceCode: string, locale: Locale): Promise<{ authorisation: Authorisation; grantor: User }> {
    const grantor = assistant.personalCode && grantorCode !== assistant.personalCode
      ? await this.db.getRepository(UserEntity).findOneBy({ personalCode: grantorCode })
      : null;
    const authorisation = grantor && grantor.roles.includes('citizen') && !grantor.disabledAt
      ? await this.db.getRepository(AuthorisationEntity).createQueryBuilder('z')
        .where('z.grantorId = :grantorId AND z.assistantCode = :assistantCode', { grantorId: grantor.id, assistantCode: assistant.personalCode })
        .andWhere('z.revokedAt IS NULL AND z.validUntil > now()')
        .andWhere('(z.services IS NULL OR :serviceCode = ANY(z.services))', { serviceCode })
        .orderBy('z.validUntil', 'DESC').getOne()
      : null;
    if (!grantor || !authorisation) throw refusals.noAuthorisation(grantorCode, locale);
    return { authorisation, grantor };
  }

  /** Records, in the order's transaction, that the authorisation was used for it. */
  async used(manager: EntityManager, authorisation: Authorisation, assistant: User, use: { applicationId: string; service: string }): Promise<void> {
    await this.audit.record(manager, {
      actorId: assistant.id, action: 'authorisation.used', objectType: 'authorisation', objectId: authorisation.id,
      details: { applicationId: use.applicationId, service: use.service, grantorId: authorisation.grantorId },
    });
  }

  /** Ids of the authorisations naming the user as assistant that are not revoked: the orders made under them stay his to see. */
  async unrevokedIdsFor(assistant: User): Promise<string[]> {
    if (!assistant.personalCode) return [];
    const rows = (await this.db.query('SELECT id FROM authorisation WHERE assistant_code = $1 AND revoked_at IS NULL', [assistant.personalCode])) as { id: string }[];
    return rows.map((row) => row.id);
  }
}
