import { type DataSource, type EntityManager } from 'typeorm';
import type { AuditLog } from '../audit/audit-log.js';
import { problems } from '../http/problem.js';
import { RepresentationEntity, type Representation } from './representation.entity.js';

/** A representation `r` in force at this moment. */
const IN_FORCE = 'r.revoked_at IS NULL AND r.valid_from <= now() AND (r.valid_until IS NULL OR r.valid_until > now())';

/** Who may act for which legal entity, right now. */
export class Representations {
  constructor(private readonly db: DataSource, private readonly audit: AuditLog) {}

  /** Representations of the user in force at this moment. */
  async active(userId: string, manager: EntityManager = this.db.manager): Promise<Representation[]> {
    return manager.getRepository(RepresentationEntity).createQueryBuilder('r')
      .where('r.userId = :userId', { userId })
      .andWhere(IN_FORCE)
      .orderBy('r.entityName')
      .getMany();
  }

  /** Codes of the entities the user represents right now; written out, as every "My orders" page asks. */
  async activeEntityCodes(userId: string): Promise<string[]> {
    const rows = (await this.db.query(`SELECT DISTINCT r.entity_code AS code FROM representation r WHERE r.user_id = $1 AND ${IN_FORCE}`, [userId])) as { code: string }[];
    return rows.map((row) => row.code);
  }

  async list(userId: string | undefined): Promise<Representation[]> {
    return this.db.getRepository(RepresentationEntity).find({ where: userId ? { userId } : {}, order: { createdAt: 'DESC' }, take: 500 });
  }

  async grant(actorId: string, values: Omit<Representation, 'id' | 'createdAt' | 'revokedAt'>): Promise<Representation> {
    return this.db.transaction(async (manager) => {
      const saved = await manager.getRepository(RepresentationEntity).save({ ...values, revokedAt: null });
      await this.audit.record(manager, { actorId, action: 'representation.granted', objectType: 'representation', objectId: saved.id, after: saved, details: { userId: saved.userId, entityCode: saved.entityCode } });
      return saved;
    });
  }

  async revoke(actorId: string, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(RepresentationEntity);
      const before = await repository.findOneBy({ id });
      if (!before) throw problems.notFound('representation', id);
      if (before.revokedAt) throw problems.conflict('This representation is already revoked');
      const after = { ...before, revokedAt: new Date() };
      await repository.save(after);
      await this.audit.record(manager, { actorId, action: 'representation.revoked', objectType: 'representation', objectId: id, before, after });
    });
  }
}
