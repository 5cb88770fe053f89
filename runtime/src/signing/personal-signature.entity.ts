import { EntitySchema } from 'typeorm';

export type PersonalSignatureStatus = 'pending' | 'signed' | 'refused' | 'timeout' | 'failed';

/** One attempt of an official to sign a task's document personally (mobile signature). */
export interface PersonalSignature {
  id: string;
  taskId: string;
  officialId: string;
  /** The document signed: the stored ref the task's konstruktor:sign variable holds. */
  documentId: string;
  status: PersonalSignatureStatus;
  /** The code the phone shows, for the official to compare. */
  verificationCode: string | null;
  /** The signed copy (PAdES B-LT), once signed. */
  signedDocumentId: string | null;
  /** Why it failed, in the verifier's or the service's words (English, technical): for the log and the audit, not the page. */
  failure: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export const PersonalSignatureEntity = new EntitySchema<PersonalSignature>({
  name: 'PersonalSignature',
  tableName: 'personal_signature',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    taskId: { type: 'uuid', name: 'task_id' },
    officialId: { type: 'uuid', name: 'official_id' },
    documentId: { type: 'uuid', name: 'document_id' },
    status: { type: 'text' },
    verificationCode: { type: 'text', name: 'verification_code', nullable: true },
    signedDocumentId: { type: 'uuid', name: 'signed_document_id', nullable: true },
    failure: { type: 'text', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    finishedAt: { type: 'timestamptz', name: 'finished_at', nullable: true },
  },
});
