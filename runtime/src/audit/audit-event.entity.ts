import { EntitySchema } from 'typeorm';

/**
 * One entry of the append-only audit trail. `hash` covers this row's fields and the previous
 * row's hash, so editing or deleting any row breaks the chain (see audit-chain.ts).
 */
export interface AuditEvent {
  seq: string;
  at: Date;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  /** SHA-256 of the object's state before and after, when the action changed one. */
  beforeDigest: string | null;
  afterDigest: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export const AuditEventEntity = new EntitySchema<AuditEvent>({
  name: 'AuditEvent',
  tableName: 'audit_event',
  columns: {
    seq: { type: 'bigint', primary: true },
    at: { type: 'timestamptz' },
    actorId: { type: 'uuid', name: 'actor_id', nullable: true },
    action: { type: 'text' },
    objectType: { type: 'text', name: 'object_type' },
    objectId: { type: 'text', name: 'object_id' },
    beforeDigest: { type: 'text', name: 'before_digest', nullable: true },
    afterDigest: { type: 'text', name: 'after_digest', nullable: true },
    details: { type: 'jsonb' },
    prevHash: { type: 'text', name: 'prev_hash' },
    hash: { type: 'text' },
  },
});
