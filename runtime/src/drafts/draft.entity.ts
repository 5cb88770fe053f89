import { EntitySchema } from 'typeorm';

/** A citizen's unfinished start form for one service; partial data, resumed later. */
export interface Draft {
  id: string;
  userId: string;
  serviceId: string;
  /** The version whose form the data were entered in. */
  serviceVersionId: string;
  data: Record<string, unknown>;
  /** Page of a multi-page form the citizen was on. */
  page: number | null;
  /** Uploaded documents the data refer to: kept from the upload purge while the draft lives. */
  documentIds: string[];
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
}

export const DraftEntity = new EntitySchema<Draft>({
  name: 'Draft',
  tableName: 'draft',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    userId: { type: 'uuid', name: 'user_id' },
    serviceId: { type: 'uuid', name: 'service_id' },
    serviceVersionId: { type: 'uuid', name: 'service_version_id' },
    data: { type: 'jsonb' },
    page: { type: 'integer', nullable: true },
    documentIds: { type: 'uuid', name: 'document_ids', array: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
  },
  uniques: [{ columns: ['userId', 'serviceId'] }],
});
