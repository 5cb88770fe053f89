import type { DataSource, EntityManager } from 'typeorm';
import type { Statement } from '../db/transaction-ending-with.js';
import { AuditEventEntity, type AuditEvent } from './audit-event.entity.js';
import { GENESIS_HASH, canonicalWithoutSeq, digest, verifyChainSegment, type ChainProblem, type UnnumberedEvent } from './audit-chain.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
}

interface AppendedRow {
  appended_seq: string;
  appended_prev_hash: string;
  appended_hash: string;
}

function unnumbered(entry: AuditEntry): UnnumberedEvent {
  return {
    at: new Date(),
    actorId: entry.actorId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    beforeDigest: entry.before === undefined ? null : digest(entry.before),
    afterDigest: entry.after === undefined ? null : digest(entry.after),
    details: entry.details ?? {},
  };
}

/**
 * One writer at a time extends the chain, across all runtime replicas: audit_append() takes the
 * chain's lock, then numbers, hashes and inserts the event (see its migration).
 */
function appendStatement(event: UnnumberedEvent): Statement {
  return {
    text: 'SELECT * FROM audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    values: [event.at, event.actorId, event.action, event.objectType, event.objectId, event.beforeDigest, event.afterDigest,
      event.details, canonicalWithoutSeq(event)],
  };
}

/**
 * The append-only, hash-chained audit trail. Record inside the transaction of the change it
 * describes, so the change and its audit event commit or roll back together.
 */
export class AuditLog {
  constructor(private readonly db: DataSource) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
    const event = unnumbered(entry);
    const { text, values } = appendStatement(event);
    const [appended] = (await manager.query(text, values)) as AppendedRow[];
    return { ...event, seq: appended!.appended_seq, prevHash: appended!.appended_prev_hash, hash: appended!.appended_hash };
  }

  /**
   * The statement that records `entry`, for a transaction that ends with it and sends its commit
   * right behind it (transactionEndingWith), so the chain's lock is held the shortest time.
   */
  recordLast(entry: AuditEntry): Statement {
    return appendStatement(unnumbered(entry));
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
