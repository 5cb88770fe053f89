import { type DataSource, type EntityManager } from 'typeorm';
import type { AuditLog } from '../audit/audit-log.js';
import { problems } from '../http/problem.js';
import { RepresentationEntity, type Representation } from './representation.entity.js';

/** Who may act for which legal entity, right now. */
export class Representations {
  constructor(private readonly db: DataSource, private readonly audit: AuditLog) {}

  /** Representations of the user in force at this moment. */
  async active(userId: string, manager: EntityManager = this.db.manager): Promise<Representation[]> {
    return manager.getRepository(RepresentationEntity).createQueryBuilder('r')
      .where('r.userId = :userId', { userId })
      .andWhere('r.revokedAt IS NULL')
      .andWhere('r.validFrom <= now()')
      .andWhere('(r.validUntil IS NULL OR r.validUntil > now())')
      .orderBy('r.entityName')
      .getMany();
  }

  async activeEntityCodes(userId: string): Promise<string[]> {
    return [...new Set((await this.active(userId)).map((r) => r.entityCode))];
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
