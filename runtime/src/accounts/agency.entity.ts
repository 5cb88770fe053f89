import { EntitySchema } from 'typeorm';
import type { LocalizedText } from '../common/schemas.js';

/** A public-sector body: holds services, employs analysts, developers and officials. */
export interface Agency {
  id: string;
  code: string;
  name: LocalizedText;
  /** Registration code in the legal entities register. */
  registrationCode: string | null;
  /** The account payments for its services go to, printed on invoices. */
  iban: string | null;
  createdAt: Date;
}

export const AgencyEntity = new EntitySchema<Agency>({
  name: 'Agency',
  tableName: 'agency',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    code: { type: 'text', unique: true },
    name: { type: 'jsonb' },
    registrationCode: { type: 'text', name: 'registration_code', nullable: true },
    iban: { type: 'text', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
