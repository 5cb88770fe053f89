import { EntitySchema } from 'typeorm';

/** Which part of a signature verification failed: a check of the verifier, the document as a whole, or the verification itself. */
export type SignatureFailure = 'integrity' | 'signature' | 'chain' | 'revocation' | 'timestamp' | 'document' | 'unverifiable';

/** What verifying a signed document found (documents/signature-check.ts), kept with the document. */
export interface DocumentSignature {
  valid: boolean;
  signer: string | null;
  /** The time the signature timestamp proves, else the time the signer claimed. */
  signedAt: string | null;
  /** Format and level, e.g. "PAdES B-T". */
  level: string | null;
  failure: SignatureFailure | null;
  /** The verifier's own words on the failure (English, technical). */
  detail: string | null;
  checkedAt: string;
  /** SHA-256 of the bytes verified: a verdict on other bytes is no verdict on these. */
  sha256: string;
}

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
  /** upload: the citizen sent it; platform: the platform or a process produced it. */
  source: 'upload' | 'platform';
  /** The document this one is a signed copy of: the copy takes its place for the applicant. */
  signedCopyOf: string | null;
  /** Its signatures as verified on first read; null until then, or when it is not a signed kind of file. */
  signature: DocumentSignature | null;
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
    source: { type: 'text', default: 'platform' },
    signedCopyOf: { type: 'uuid', name: 'signed_copy_of', nullable: true },
    signature: { type: 'jsonb', nullable: true },
  },
});
