import { EntitySchema } from 'typeorm';

/**
 * An e-assistant's authorisation (seed 004, "e-asistents"): the grantor lets the person with
 * `assistantCode` (a clerk, a notary, an accountant) order services on his behalf — all of them,
 * or only those listed — until `validUntil`, unless he revokes it earlier.
 */
export interface Authorisation {
  id: string;
  grantorId: string;
  /** Personal code of the assistant; he need not have an account yet. */
  assistantCode: string;
  /** The assistant as the grantor named him. */
  assistantName: string;
  /** Codes of the services it covers; null: every service. */
  services: string[] | null;
  validUntil: Date;
  revokedAt: Date | null;
  createdAt: Date;
}

export const AuthorisationEntity = new EntitySchema<Authorisation>({
  name: 'Authorisation',
  tableName: 'authorisation',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    grantorId: { type: 'uuid', name: 'grantor_id' },
    assistantCode: { type: 'text', name: 'assistant_code' },
    assistantName: { type: 'text', name: 'assistant_name' },
    services: { type: 'text', array: true, nullable: true },
    validUntil: { type: 'timestamptz', name: 'valid_until' },
    revokedAt: { type: 'timestamptz', name: 'revoked_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
