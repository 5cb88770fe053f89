import { EntitySchema } from 'typeorm';
import type { LocalizedText } from '../common/schemas.js';
import type { ServiceCard } from './service-card.js';

/**
 * A service in the catalogue. Its card columns mirror the published version's service.yaml
 * (or the newest draft until one is published) so the catalogue can be searched in SQL.
 */
export interface Service {
  id: string;
  code: string;
  /** Given once from a sequence when the service is first imported, kept by every version; case codes and payment references embed it. */
  number: number;
  providerAgencyId: string;
  title: LocalizedText;
  summary: LocalizedText | null;
  legalBasis: string | null;
  audience: ServiceCard['audience'];
  price: ServiceCard['price'];
  interactivityLevel: number;
  onlineOrder: boolean;
  lifeEvents: string[];
  publishedVersionId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ServiceEntity = new EntitySchema<Service>({
  name: 'Service',
  tableName: 'service',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    code: { type: 'text', unique: true },
    number: { type: 'integer', unique: true, insert: false, update: false },
    providerAgencyId: { type: 'uuid', name: 'provider_agency_id' },
    title: { type: 'jsonb' },
    summary: { type: 'jsonb', nullable: true },
    legalBasis: { type: 'text', name: 'legal_basis', nullable: true },
    audience: { type: 'text', array: true },
    price: { type: 'jsonb' },
    interactivityLevel: { type: 'smallint', name: 'interactivity_level' },
    onlineOrder: { type: 'boolean', name: 'online_order' },
    lifeEvents: { type: 'text', array: true, name: 'life_events' },
    publishedVersionId: { type: 'uuid', name: 'published_version_id', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
