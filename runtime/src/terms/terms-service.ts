import { LessThanOrEqual, type DataSource } from 'typeorm';
import type { AuditLog } from '../audit/audit-log.js';
import { problems } from '../http/problem.js';
import { TermsAcceptanceEntity, TermsOfUseEntity, type TermsOfUse } from './terms.entity.js';

/** Terms of use: the newest version in effect must be accepted before ordering services. */
export class TermsService {
  constructor(private readonly db: DataSource, private readonly audit: AuditLog) {}

  async current(): Promise<TermsOfUse | null> {
    return this.db.getRepository(TermsOfUseEntity).findOne({
      where: { effectiveFrom: LessThanOrEqual(new Date()) },
      order: { version: 'DESC' },
    });
  }

  /** The version in effect and whether the user accepted it, in one query (it runs on every order). */
  async acceptedCurrent(userId: string): Promise<{ version: number | null; accepted: boolean }> {
    const [row] = (await this.db.query(
      `SELECT t.version, EXISTS (SELECT 1 FROM terms_acceptance a WHERE a.user_id = $1 AND a.version = t.version) AS accepted
         FROM terms_of_use t WHERE t.effective_from <= now() ORDER BY t.version DESC LIMIT 1`, [userId],
    )) as { version: number; accepted: boolean }[];
    return row ? { version: row.version, accepted: row.accepted } : { version: null, accepted: true };
  }

  /** Throws 403 terms-not-accepted unless the user accepted the terms now in effect. */
  async requireAccepted(userId: string): Promise<void> {
    const { version, accepted } = await this.acceptedCurrent(userId);
    if (!accepted && version !== null) throw problems.termsNotAccepted(version);
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
