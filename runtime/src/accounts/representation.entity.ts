import { EntitySchema } from 'typeorm';

/**
 * An administrator's grant that a citizen may act for a legal entity (or a child) the legal
 * entities register does not know; the register's own answers are read live, not stored here
 * (acting-for/represented-entities.ts). Holds only between validFrom and validUntil, unless
 * revoked earlier.
 */
export interface Representation {
  id: string;
  userId: string;
  /** Registration code of the represented entity. */
  entityCode: string;
  entityName: string;
  /** What the person is to the entity: manager, authorised person, parent... */
  capacity: string;
  /** Where the right comes from: `legal-entities-register`, `administrator`, ... */
  source: string;
  validFrom: Date;
  validUntil: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export const RepresentationEntity = new EntitySchema<Representation>({
  name: 'Representation',
  tableName: 'representation',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    userId: { type: 'uuid', name: 'user_id' },
    entityCode: { type: 'text', name: 'entity_code' },
    entityName: { type: 'text', name: 'entity_name' },
    capacity: { type: 'text' },
    source: { type: 'text' },
    validFrom: { type: 'timestamptz', name: 'valid_from' },
    validUntil: { type: 'timestamptz', name: 'valid_until', nullable: true },
    revokedAt: { type: 'timestamptz', name: 'revoked_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
