import { EntitySchema } from 'typeorm';
import type { Language } from '../common/schemas.js';

export type SealStatus = 'pending' | 'sealed';

/**
 * What an application's submitter confirmed, written in the transaction that stores the
 * application (one per application): the answers as canonical JSON (RFC 8785) with their
 * digest, the terms version and the declaration in the submitter's language. The platform's
 * seal over it (a PAdES-sealed receipt PDF) is added after commit, retried until it succeeds.
 */
export interface ApplicationReceipt {
  applicationId: string;
  /** The case code of PSPP (service number and application number), as every channel shows it. */
  caseCode: string;
  submittedAt: Date;
  submitterId: string;
  submitterName: string;
  submitterCode: string | null;
  /** Registration code of the legal entity the submitter acted for, if any. */
  onBehalfOf: string | null;
  /** The person an e-assistant (the submitter) ordered for, and the authorisation he used; null otherwise. */
  representedName: string | null;
  representedCode: string | null;
  authorisationId: string | null;
  /** Terms of use in effect at submission; null when none were. */
  termsVersion: number | null;
  language: Language;
  declaration: string;
  /** The answers exactly as digested. */
  answersCanonical: string;
  digestAlgorithm: 'SHA-256';
  /** Hex. */
  answersDigest: string;
  sealStatus: SealStatus;
  sealAttempts: number;
  /** When the next sealing attempt is due. */
  sealDueAt: Date;
  /** A sealer has taken it until then; another may take it after. */
  sealLeaseUntil: Date | null;
  /** Why the last attempt failed (not a secret: the signer's or the PDF's error message). */
  sealError: string | null;
  sealedAt: Date | null;
  /** The sealed receipt PDF. */
  documentId: string | null;
}

export const ApplicationReceiptEntity = new EntitySchema<ApplicationReceipt>({
  name: 'ApplicationReceipt',
  tableName: 'application_receipt',
  columns: {
    applicationId: { type: 'uuid', primary: true, name: 'application_id' },
    caseCode: { type: 'text', name: 'case_number' },
    submittedAt: { type: 'timestamptz', name: 'submitted_at' },
    submitterId: { type: 'uuid', name: 'submitter_id' },
    submitterName: { type: 'text', name: 'submitter_name' },
    submitterCode: { type: 'text', name: 'submitter_code', nullable: true },
    onBehalfOf: { type: 'text', name: 'on_behalf_of', nullable: true },
    representedName: { type: 'text', name: 'represented_name', nullable: true },
    representedCode: { type: 'text', name: 'represented_code', nullable: true },
    authorisationId: { type: 'uuid', name: 'authorisation_id', nullable: true },
    termsVersion: { type: 'integer', name: 'terms_version', nullable: true },
    language: { type: 'text' },
    declaration: { type: 'text' },
    answersCanonical: { type: 'text', name: 'answers_canonical' },
    digestAlgorithm: { type: 'text', name: 'digest_algorithm' },
    answersDigest: { type: 'text', name: 'answers_digest' },
    sealStatus: { type: 'text', name: 'seal_status' },
    sealAttempts: { type: 'integer', name: 'seal_attempts' },
    sealDueAt: { type: 'timestamptz', name: 'seal_due_at' },
    sealLeaseUntil: { type: 'timestamptz', name: 'seal_lease_until', nullable: true },
    sealError: { type: 'text', name: 'seal_error', nullable: true },
    sealedAt: { type: 'timestamptz', name: 'sealed_at', nullable: true },
    documentId: { type: 'uuid', name: 'document_id', nullable: true },
  },
});
