import { EntitySchema } from 'typeorm';
import type { ServiceCard } from './service-card.js';

export type ServiceVersionState = 'draft' | 'testing' | 'published' | 'retired';

/** One imported service package. Published versions are immutable; running cases stay on theirs. */
export interface ServiceVersion {
  id: string;
  serviceId: string;
  version: string;
  state: ServiceVersionState;
  card: ServiceCard;
  /** Package files by path; text as UTF-8, binary as base64 (see PackageFile). */
  files: Record<string, PackageFile>;
  /** SHA-256 over the sorted files: two imports of the same package have the same checksum. */
  checksum: string;
  createdBy: string;
  createdAt: Date;
  publishedBy: string | null;
  publishedAt: Date | null;
  retiredAt: Date | null;
  /** The engine's process definition deployed when this version was published. */
  processDefinition: { processId: string; version: number; key: string } | null;
}

export interface PackageFile {
  encoding: 'utf8' | 'base64';
  content: string;
}

export const ServiceVersionEntity = new EntitySchema<ServiceVersion>({
  name: 'ServiceVersion',
  tableName: 'service_version',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    serviceId: { type: 'uuid', name: 'service_id' },
    version: { type: 'text' },
    state: { type: 'text' },
    card: { type: 'jsonb' },
    files: { type: 'jsonb' },
    checksum: { type: 'text' },
    createdBy: { type: 'uuid', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    publishedBy: { type: 'uuid', name: 'published_by', nullable: true },
    publishedAt: { type: 'timestamptz', name: 'published_at', nullable: true },
    retiredAt: { type: 'timestamptz', name: 'retired_at', nullable: true },
    processDefinition: { type: 'jsonb', name: 'process_definition', nullable: true },
  },
  uniques: [{ columns: ['serviceId', 'version'] }],
});
