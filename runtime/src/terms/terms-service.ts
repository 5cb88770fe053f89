import { Raw, type DataSource, type EntityManager } from 'typeorm';
import type { AuditLog } from '../audit/audit-log.js';
import { problems } from '../http/problem.js';
import { TermsAcceptanceEntity, TermsOfUseEntity, type TermsOfUse } from './terms.entity.js';
import { declarationOf, type Declaration } from './declaration.js';

/** The terms of use in effect (none: null) and whether a user has accepted them. */
export interface TermsStatus {
  currentVersion: number | null;
  accepted: boolean;
}

/**
 * The terms in effect and whether the user `userId` (an SQL expression) accepted them: one row
 * (version, accepted), or none when no terms are in effect. The session lookup joins it, so the
 * status comes with the user on every request; acceptedCurrent() runs it alone.
 */
export const termsStatusSql = (userId: string) => `
  SELECT t.version, EXISTS (SELECT 1 FROM terms_acceptance a WHERE a.user_id = ${userId} AND a.version = t.version) AS accepted
    FROM terms_of_use t WHERE t.effective_from <= now() ORDER BY t.version DESC LIMIT 1`;

/** The status from a row of termsStatusSql, or from its absence (no terms in effect: nothing to accept). */
export function termsStatus(row: { version: number | null; accepted: boolean | null } | undefined): TermsStatus {
  return row?.version != null ? { currentVersion: row.version, accepted: row.accepted === true } : { currentVersion: null, accepted: true };
}

/** Throws 403 terms-not-accepted unless the terms now in effect (if any) are accepted. */
export function requireTermsAccepted(status: TermsStatus): void {
  if (!status.accepted && status.currentVersion !== null) throw problems.termsNotAccepted(status.currentVersion);
}

/** Terms of use: the newest version in effect must be accepted before ordering services. */
export class TermsService {
  constructor(private readonly db: DataSource, private readonly audit: AuditLog) {}

  async current(): Promise<TermsOfUse | null> {
    return this.db.getRepository(TermsOfUseEntity).findOne({
      // The database's clock, as termsStatusSql: a version is in effect for both at the same instant.
      where: { effectiveFrom: Raw((column) => `${column} <= now()`) },
      order: { version: 'DESC' },
    });
  }

  /** What submitting confirms under terms version `version` (null: none in effect), read with `manager` (a submit's transaction). */
  async declaration(version: number | null, manager: EntityManager = this.db.manager): Promise<Declaration> {
    return declarationOf(version === null ? null : await manager.getRepository(TermsOfUseEntity).findOneBy({ version }));
  }

  /** The version in effect and whether the user accepted it, in one query. */
  async acceptedCurrent(userId: string): Promise<TermsStatus> {
    const [row] = (await this.db.query(termsStatusSql('$1'), [userId])) as { version: number; accepted: boolean }[];
    return termsStatus(row);
  }

  async accept(userId: string, version: number): Promise<void> {
    const current = await this.current();
    if (!current || current.version !== version) {
      const exists = await this.db.getRepository(TermsOfUseEntity).existsBy({ version });
      if (!exists) throw problems.notFound('terms of use version', String(version));
      throw problems.conflict(`Version ${version} is not the version in effect${current ? ` (that is ${current.version})` : ''}`);
    }
    await this.db.transaction(async (manager) => {
      const acceptances = manager.getRepository(TermsAcceptanceEntity);
      if (await acceptances.existsBy({ userId, version })) return;
      await acceptances.insert({ userId, version });
      await this.audit.record(manager, { actorId: userId, action: 'terms.accepted', objectType: 'terms-of-use', objectId: String(version) });
    });
  }
}
