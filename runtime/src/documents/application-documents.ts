/**
 * The documents of an order as its citizen sees them: what the process produced for him (the
 * decision, a permit, letters), what he uploaded, the sealed receipt of his submission and the
 * invoices of its payments. A signed copy takes the place of the draft it was made from. Signed
 * files carry the verification of their signatures, made on first read and kept with them.
 */
import type { DataSource } from 'typeorm';
import type { EngineAdapter } from '@konstruktor/engine-adapter';
import type { User } from '../accounts/user.entity.js';
import type { Applications } from '../applications/applications.js';
import type { Locale } from '../forms/start-form.js';
import type { Payments } from '../payments/payments.js';
import { DocumentCorruptedError, type Documents } from './documents.js';
import type { DocumentSignature } from './document.entity.js';
import { isSignedKind, isTransient, type SignatureChecker } from './signature-check.js';

export type DocumentKind = 'result' | 'upload' | 'receipt' | 'invoice';

export interface OrderDocument {
  id: string;
  title: string;
  filename: string;
  kind: DocumentKind;
  /** The document the process recorded as its decision (the `decisionDocument` variable). */
  decision: boolean;
  createdAt: Date;
  /** Unknown for an invoice, which is drawn up when it is downloaded. */
  size: number | null;
  mediaType: string;
  href: string;
  signature: DocumentSignature | null;
}

/** The process variable a service's process names its decision document in ({documentId, …}, as the signing and documents connectors answer). */
export const DECISION_VARIABLE = 'decisionDocument';

const TITLES: Record<Locale, { receipt: string; invoice: string; decision: string }> = {
  lt: { receipt: 'Prašymo pateikimo kvitas', invoice: 'Sąskaita', decision: 'Sprendimas' },
  lv: { receipt: 'Pieteikuma iesniegšanas apliecinājums', invoice: 'Rēķins', decision: 'Lēmums' },
  en: { receipt: 'Submission receipt', invoice: 'Invoice', decision: 'Decision' },
};

interface Row {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  createdAt: Date;
  source: 'upload' | 'platform';
  sha256: string;
  signature: DocumentSignature | null;
  signedCopyOf: string | null;
}

export class ApplicationDocuments {
  constructor(
    private readonly db: DataSource,
    private readonly deps: {
      applications: Applications; documents: Documents; payments: Payments; checkSignature: SignatureChecker;
      /** Where the decision document's id is read from (the process's variables). */
      engine?: Pick<EngineAdapter, 'variables'>;
    },
  ) {}

  /**
   * The documents of an application the viewer may see (404 otherwise), oldest first. With `readAs`
   * (the page asking), an official's reading is recorded as a data access; a caller that records its own passes none.
   */
  async list(viewer: User, applicationId: string, locale: Locale, readAs?: string): Promise<OrderDocument[]> {
    const application = readAs ? await this.deps.applications.read(viewer, applicationId, readAs) : await this.deps.applications.visible(viewer, applicationId);
    const [rows, [receipt], orders, decisionId] = await Promise.all([
      // A draft that was signed is left out: its signed copy stands for it.
      this.db.query(`SELECT d.id, d.filename, d.media_type AS "mediaType", d.size, d.created_at AS "createdAt", d.source, d.sha256, d.signature, d.signed_copy_of AS "signedCopyOf"
          FROM document d WHERE d.application_id = $1
           AND NOT EXISTS (SELECT 1 FROM document c WHERE c.signed_copy_of = d.id AND c.application_id = $1)
         ORDER BY d.created_at, d.id`, [application.id]) as Promise<Row[]>,
      this.db.query('SELECT document_id AS "documentId" FROM application_receipt WHERE application_id = $1', [application.id]) as Promise<{ documentId: string | null }[]>,
      this.deps.payments.forApplication(application.id),
      this.decisionDocumentId(application.processInstanceKey),
    ]);
    const titles = TITLES[locale];
    const stored = await Promise.all(rows.map(async (row): Promise<OrderDocument> => {
      const kind: DocumentKind = row.id === receipt?.documentId ? 'receipt' : row.source === 'upload' ? 'upload' : 'result';
      // A signed copy (an official's personal signature) stands for the decision it signs.
      const decision = decisionId !== null && (row.id === decisionId || row.signedCopyOf === decisionId);
      return {
        id: row.id, filename: row.filename, kind, decision, createdAt: row.createdAt, size: row.size, mediaType: row.mediaType,
        title: decision ? titles.decision : kind === 'receipt' ? titles.receipt : row.filename,
        href: `/api/documents/${row.id}`,
        signature: row.signature?.sha256 === row.sha256 ? row.signature : await this.verify(row),
      };
    }));
    const invoices = orders.map((order): OrderDocument => ({
      id: order.id, title: `${titles.invoice} ${order.reference}`, filename: `invoice-${order.reference}.pdf`, kind: 'invoice', decision: false,
      createdAt: order.createdAt, size: null, mediaType: 'application/pdf', signature: null,
      href: `/api/applications/${application.id}/payments/${order.id}/invoice.pdf?lang=${locale}`,
    }));
    return [...stored, ...invoices].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** Verifies a signed document not verified yet (or since its bytes changed), and keeps the verdict unless it may change (a responder that did not answer). */
  private async verify(row: Row): Promise<DocumentSignature | null> {
    let document;
    try {
      document = await this.deps.documents.read(row.id);
    } catch (error) {
      if (!(error instanceof DocumentCorruptedError)) throw error;
      // The bytes no longer match what was stored: whatever their signature says, they are not the document that was signed.
      return { valid: false, signer: null, signedAt: null, level: null, failure: 'document', detail: error.message, checkedAt: new Date().toISOString(), sha256: row.sha256 };
    }
    if (!document || !isSignedKind(document)) return null;
    const signature = await this.deps.checkSignature(document.content, document.sha256);
    if (!isTransient(signature)) await this.db.query('UPDATE document SET signature = $2 WHERE id = $1 AND sha256 = $3', [row.id, JSON.stringify(signature), document.sha256]);
    return signature;
  }

  private async decisionDocumentId(instanceKey: string | null): Promise<string | null> {
    if (!instanceKey || !this.deps.engine) return null;
    const variables = await this.deps.engine.variables(instanceKey).catch(() => []);
    const value = variables.find((v) => v.name === DECISION_VARIABLE && v.scopeKey === instanceKey)?.value as { documentId?: unknown } | null | undefined;
    return typeof value?.documentId === 'string' ? value.documentId : null;
  }
}
