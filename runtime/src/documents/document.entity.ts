import { EntitySchema } from 'typeorm';

/** A file belonging to an application. The bytes live here, never in process variables. */
export interface Document {
  id: string;
  applicationId: string | null;
  ownerId: string;
  filename: string;
  mediaType: string;
  size: number;
  /** Hex SHA-256 of content, checked on every read. */
  sha256: string;
  content: Buffer;
  createdAt: Date;
  /** A citizen's upload is deleted after this unless attached to an application (or kept by a live draft). */
  purgeAfter: Date | null;
}

export const DocumentEntity = new EntitySchema<Document>({
  name: 'Document',
  tableName: 'document',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    applicationId: { type: 'uuid', name: 'application_id', nullable: true },
    ownerId: { type: 'uuid', name: 'owner_id' },
    filename: { type: 'text' },
    mediaType: { type: 'text', name: 'media_type' },
    size: { type: 'integer' },
    sha256: { type: 'text' },
    content: { type: 'bytea' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    purgeAfter: { type: 'timestamptz', name: 'purge_after', nullable: true },
  },
});
