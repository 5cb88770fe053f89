import { EntitySchema } from 'typeorm';
import type { LocalizedText } from '../common/schemas.js';
import type { Declaration } from './declaration.js';

/** A version of the terms of use. The newest one in effect is the one users must accept. */
export interface TermsOfUse {
  version: number;
  title: LocalizedText;
  body: LocalizedText;
  /** What submitting an application confirms under this version, in lt, lv and en; null: the standard declaration. */
  declaration: Declaration | null;
  effectiveFrom: Date;
  createdAt: Date;
}

export interface TermsAcceptance {
  userId: string;
  version: number;
  acceptedAt: Date;
}

export const TermsOfUseEntity = new EntitySchema<TermsOfUse>({
  name: 'TermsOfUse',
  tableName: 'terms_of_use',
  columns: {
    version: { type: 'integer', primary: true },
    title: { type: 'jsonb' },
    body: { type: 'jsonb' },
    declaration: { type: 'jsonb', nullable: true },
    effectiveFrom: { type: 'timestamptz', name: 'effective_from' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export const TermsAcceptanceEntity = new EntitySchema<TermsAcceptance>({
  name: 'TermsAcceptance',
  tableName: 'terms_acceptance',
  columns: {
    userId: { type: 'uuid', primary: true, name: 'user_id' },
    version: { type: 'integer', primary: true },
    acceptedAt: { type: 'timestamptz', name: 'accepted_at', createDate: true },
  },
});
