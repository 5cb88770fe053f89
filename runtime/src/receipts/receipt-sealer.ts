import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { ApplicationEntity } from '../applications/application.entity.js';
import { addTimelineEvent } from '../applications/timeline.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Notifications } from '../db/notifications.js';
import { entityColumns } from '../db/sql.js';
import type { Documents } from '../documents/documents.js';
import type { ServiceForms } from '../forms/service-forms.js';
import type { PlatformSeal } from './platform-seal.js';
import { ApplicationReceiptEntity, type ApplicationReceipt } from './receipt.entity.js';
import { receiptPdf, sealReason } from './receipt-pdf.js';
import { RECEIPTS_CHANNEL } from './receipts.js';

/** A sealer that died mid-receipt leaves it to another after this long (a seal may take a minute: the signer's and the TSA's timeouts). */
const LEASE_SECONDS = 120;
/** Receipts sealed per pass; one after another, so a burst of submissions does not take every core. */
const BATCH = 10;

/** Seconds before attempt `attempts + 1`: 5, 10, 20 … up to 15 minutes, for as long as it takes. */
export const retryDelaySeconds = (attempts: number): number => Math.min(5 * 2 ** Math.max(attempts - 1, 0), 900);

/**
 * Seals the receipts of submitted applications with the platform's seal, after the submit has
 * committed, so a slow signer never holds a submission: lays out the receipt PDF in the
 * submitter's language, seals it (PAdES), stores it with the application and notes it on the
 * timeline. Woken by each commit that wrote a receipt, and polling for those due again; a failed
 * attempt is retried with a growing delay, never dropped. Replicas share the work: a sealer leases
 * the receipts it takes (SKIP LOCKED), and a receipt is marked sealed once, under its row lock.
 */
export class ReceiptSealer {
  private stopListening: (() => void) | undefined;
  private sealing: Promise<void> | undefined;
  private stopping = false;
  private woken = false;
  private interrupt: () => void = () => undefined;

  constructor(
    private readonly db: DataSource,
    private readonly deps: { seal: PlatformSeal; forms: ServiceForms; documents: Documents; audit: AuditLog; logger: Logger },
  ) {}

  async start(notifications: Notifications, pollEveryMs = 5_000): Promise<void> {
    this.stopListening = await notifications.listen(RECEIPTS_CHANNEL, () => this.wake());
    this.sealing = this.sealUntilStopped(pollEveryMs);
  }

  async stop(): Promise<void> {
    this.stopListening?.();
    this.stopping = true;
    this.wake();
    await this.sealing;
  }

  /** One pass: takes the receipts due (up to `batch`) and seals each; answers how many were sealed. */
  async sealDue(batch = BATCH): Promise<number> {
    let sealed = 0;
    for (const receipt of await this.take(batch)) {
      try {
        if (await this.seal(receipt)) sealed += 1;
      } catch (error) {
        await this.failed(receipt, error as Error);
      }
    }
    return sealed;
  }

  private async sealUntilStopped(pollEveryMs: number): Promise<void> {
    while (!this.stopping) {
      this.woken = false;
      let taken = 0;
      try {
        taken = await this.sealDue();
      } catch (err) {
        this.deps.logger.warn({ err: { message: (err as Error).message } }, 'receipts: sealing paused by an error');
      }
      if (taken < BATCH && !this.woken && !this.stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollEveryMs);
          this.interrupt = () => { clearTimeout(timer); resolve(); };
        });
      }
    }
  }

  private wake(): void {
    this.woken = true;
    this.interrupt();
  }

  /** Leases the pending receipts that are due and counts the attempt. */
  private async take(batch: number): Promise<ApplicationReceipt[]> {
    const [rows] = (await this.db.query(`
      UPDATE application_receipt r SET seal_lease_until = now() + make_interval(secs => $2), seal_attempts = r.seal_attempts + 1
       WHERE r.application_id IN (
         SELECT application_id FROM application_receipt
          WHERE seal_status = 'pending' AND seal_due_at <= now() AND (seal_lease_until IS NULL OR seal_lease_until < now())
          ORDER BY seal_due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING ${entityColumns(this.db, ApplicationReceiptEntity, 'r')}`, [batch, LEASE_SECONDS])) as [ApplicationReceipt[], number];
    return rows;
  }

  /** Lays out, seals and stores one receipt; false when another sealer got there first. */
  private async seal(receipt: ApplicationReceipt): Promise<boolean> {
    const { forms, documents, seal, audit, logger } = this.deps;
    const application = await this.db.getRepository(ApplicationEntity).findOneByOrFail({ id: receipt.applicationId });
    const [form, attached, title] = await Promise.all([
      forms.forVersionId(application.serviceVersionId), documents.ofApplication(application.id), forms.serviceTitle(application.serviceId),
    ]);
    const language = receipt.language;
    const pdf = await receiptPdf({
      receipt, serviceTitle: title[language] ?? title.en ?? title.lt ?? title.lv ?? '', form: form.inLocale(language).form,
      files: new Map(attached.map((d) => [d.id, d])),
    });
    const sealed = await seal.seal(pdf, sealReason(receipt));
    const stored = await this.db.transaction(async (manager) => {
      const [row] = (await manager.query('SELECT seal_status FROM application_receipt WHERE application_id = $1 FOR UPDATE', [receipt.applicationId])) as { seal_status: string }[];
      if (row?.seal_status !== 'pending') return null;
      const document = await documents.store(manager, {
        applicationId: application.id, ownerId: application.applicantId, filename: `receipt-${receipt.caseCode.replace(/\s+/g, '-')}.pdf`, mediaType: 'application/pdf', content: Buffer.from(sealed),
      });
      await manager.query(`
        UPDATE application_receipt SET seal_status = 'sealed', document_id = $2, sealed_at = now(), seal_error = NULL, seal_lease_until = NULL
         WHERE application_id = $1`, [receipt.applicationId, document.id]);
      // The status as it is now: the process may have moved the application on since the submit.
      const current = await manager.getRepository(ApplicationEntity).findOneByOrFail({ id: application.id });
      await addTimelineEvent(manager, current, 'receipt-sealed', null, { documentId: document.id, answersDigest: receipt.answersDigest });
      await audit.record(manager, {
        actorId: null, action: 'application.receipt-sealed', objectType: 'application', objectId: application.id,
        details: { documentId: document.id, documentSha256: document.sha256, answersDigest: receipt.answersDigest, level: seal.level },
      });
      return document;
    });
    if (stored) logger.info({ applicationId: application.id, documentId: stored.id, level: seal.level }, 'receipt sealed');
    return stored !== null;
  }

  private async failed(receipt: ApplicationReceipt, error: Error): Promise<void> {
    const delay = retryDelaySeconds(receipt.sealAttempts);
    this.deps.logger.warn({ applicationId: receipt.applicationId, attempt: receipt.sealAttempts, err: { message: error.message } }, `receipt not sealed; trying again in ${delay}s`);
    await this.db.query(`
      UPDATE application_receipt SET seal_error = $2, seal_due_at = now() + make_interval(secs => $3), seal_lease_until = NULL
       WHERE application_id = $1 AND seal_status = 'pending'`, [receipt.applicationId, error.message.slice(0, 500), delay]);
  }
}
