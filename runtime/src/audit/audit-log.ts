import type { DataSource, EntityManager } from 'typeorm';
import { insertRow } from '../db/sql.js';
import { AuditEventEntity, type AuditEvent } from './audit-event.entity.js';
import { GENESIS_HASH, digest, eventHash, verifyChainSegment, type ChainProblem } from './audit-chain.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
}

/**
 * The append-only, hash-chained audit trail. Record inside the transaction of the change it
 * describes, so the change and its audit event commit or roll back together.
 */
export class AuditLog {
  constructor(private readonly db: DataSource) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
    // One writer at a time extends the chain, across all runtime replicas: the function takes
    // the chain's lock before it reads the newest event (see its migration).
    const [head] = (await manager.query('SELECT seq, hash FROM audit_chain_head()')) as { seq: string; hash: string }[];
    const unhashed: Omit<AuditEvent, 'hash'> = {
      seq: String(head ? BigInt(head.seq) + 1n : 1n),
      at: new Date(),
      actorId: entry.actorId,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      beforeDigest: entry.before === undefined ? null : digest(entry.before),
      afterDigest: entry.after === undefined ? null : digest(entry.after),
      details: entry.details ?? {},
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const event = { ...unhashed, hash: eventHash(unhashed) };
    await insertRow(manager, AuditEventEntity, event);
    return event;
  }

  /** Convenience for an audit event that is the whole of its transaction. */
  async recordAlone(entry: AuditEntry): Promise<AuditEvent> {
    return this.db.transaction((manager) => this.record(manager, entry));
  }

  async forObject(objectType: string | undefined, objectId: string | undefined, limit: number, offset: number): Promise<AuditEvent[]> {
    const query = this.db.getRepository(AuditEventEntity).createQueryBuilder('e').orderBy('e.seq', 'DESC').limit(limit).offset(offset);
    if (objectType) query.andWhere('e.objectType = :objectType', { objectType });
    if (objectId) query.andWhere('e.objectId = :objectId', { objectId });
    return query.getMany();
  }

  /** Walks the whole chain in batches; returns every problem found (none = intact). */
  async verify(batchSize = 5000): Promise<{ events: number; problems: ChainProblem[]; head: { seq: string; hash: string } | null }> {
    const repository = this.db.getRepository(AuditEventEntity);
    let position = { seq: 0n, hash: GENESIS_HASH };
    const problems: ChainProblem[] = [];
    let events = 0;
    for (;;) {
      const batch = await repository.createQueryBuilder('e')
        .where('e.seq > :after', { after: position.seq.toString() })
        .orderBy('e.seq', 'ASC').limit(batchSize).getMany();
      if (!batch.length) break;
      const checked = verifyChainSegment(batch, position);
      problems.push(...checked.problems);
      position = checked.last;
      events += batch.length;
    }
    return { events, problems, head: events ? { seq: position.seq.toString(), hash: position.hash } : null };
  }
}
