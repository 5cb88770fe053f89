/**
 * An official's personal signature on a task's document: the user task names the process
 * variable holding the document (BPMN property konstruktor:sign); the official who holds the
 * task starts a mobile signature (Smart-ID style) with his personal code, is shown the
 * verification code at once, and confirms on his phone. In the background the document is
 * signed as PAdES B-LT (timestamp, then the certificates and OCSP responses in a DSS), verified
 * offline, and stored as the signed copy of the original on the application — which the
 * citizen's documents list then shows in its place. Refused, timed out or failed: nothing is
 * stored, and the status says why in the reader's language.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import {
  certificatesFromPem, mobileSignatureSigner, signPdf, SigningRefusedError, verifyPdf, isPdf,
} from '@konstruktor/connectors';
import type { EngineAdapter } from '@konstruktor/engine-adapter';
import type { User } from '../accounts/user.entity.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Documents } from '../documents/documents.js';
import type { Locale } from '../forms/start-form.js';
import { problems } from '../http/problem.js';
import { entityColumns, insertRow } from '../db/sql.js';
import { TaskEntity, type Task } from '../tasks/task.entity.js';
import { inboxViewer, visibleTaskStatement } from '../tasks/inbox-query.js';
import { taskProblems } from '../tasks/task-problems.js';
import { PersonalSignatureEntity, type PersonalSignature, type PersonalSignatureStatus } from './personal-signature.entity.js';
import type { PersonalSigningSettings } from './personal-signing-settings.js';
import { signingProblems } from './signing-problems.js';
import { signatureMessage, signingDisplayText, signingReason } from './signing-texts.js';

/** A stored document as process variables hold it (the documents and signing connectors answer so). */
export interface DocumentRef { documentId: string; filename: string }

export interface SignatureView {
  document: DocumentRef | null;
  status: 'none' | PersonalSignatureStatus;
  verificationCode?: string;
  signedDocument?: DocumentRef;
  message?: string;
}

export class PersonalSignatures {
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly columns: string;

  constructor(
    private readonly db: DataSource,
    private readonly deps: {
      documents: Documents; audit: AuditLog; logger: Logger; settings: PersonalSigningSettings | null;
      /** Where the document ref is read from (the process variables of the task's order). */
      engine?: Pick<EngineAdapter, 'variables'>;
    },
  ) {
    this.columns = entityColumns(db, TaskEntity, 't');
  }

  /** The task's document, and how its latest signing went. */
  async status(official: User, taskId: string, locale: Locale): Promise<SignatureView> {
    const task = await this.visibleTask(this.db.manager, official, taskId);
    const document = task.signVariable ? await this.documentOf(this.db.manager, task) : null;
    const [latest] = await this.db.getRepository(PersonalSignatureEntity).find({ where: { taskId }, order: { createdAt: 'DESC' }, take: 1 });
    if (!latest) return { document, status: 'none' };
    const signed = latest.signedDocumentId ? await this.db.query('SELECT id, filename FROM document WHERE id = $1', [latest.signedDocumentId]) as { id: string; filename: string }[] : [];
    return {
      document,
      status: latest.status,
      ...(latest.verificationCode && latest.status === 'pending' ? { verificationCode: latest.verificationCode } : {}),
      ...(signed[0] ? { signedDocument: { documentId: signed[0].id, filename: signed[0].filename } } : {}),
      message: signatureMessage(latest.status, locale, { code: latest.verificationCode, filename: signed[0]?.filename }),
    };
  }

  /**
   * Starts the signature: the checks, then the mobile signature in the background. Answers as
   * soon as the phone has been asked, with the code it shows.
   */
  async request(official: User, taskId: string, documentId: string, locale: Locale): Promise<{ status: 'pending'; verificationCode: string }> {
    const { task, original, row } = await this.db.transaction(async (manager) => {
      const task = await this.visibleTask(manager, official, taskId, true);
      if (task.state === 'completed') throw taskProblems.completed(`The task was completed at ${task.completedAt?.toISOString()}`);
      if (task.state === 'cancelled') throw taskProblems.cancelled();
      if (task.assigneeId !== official.id) throw task.assigneeId ? taskProblems.taken() : taskProblems.notClaimed();
      if (!task.signVariable) throw signingProblems.notMarked();
      const ref = await this.documentOf(manager, task);
      if (!ref) throw signingProblems.noDocument(task.signVariable);
      const [original] = (await manager.query('SELECT id, filename, application_id AS "applicationId" FROM document WHERE id = $1', [ref.documentId])) as { id: string; filename: string; applicationId: string | null }[];
      if (documentId !== ref.documentId || !original || original.applicationId !== task.applicationId) throw signingProblems.notInCase(documentId);
      if (!official.personalCode) throw signingProblems.noPersonalCode();
      if (!this.deps.settings) throw signingProblems.unavailable();
      // A signing left pending by a runtime that stopped mid-way (no phone waits for it any more) is failed first.
      await manager.query(`UPDATE personal_signature SET status = 'failed', failure = 'the runtime stopped while signing', finished_at = now()
          WHERE task_id = $1 AND status = 'pending' AND created_at < now() - make_interval(secs => $2) AND NOT (id = ANY($3::uuid[]))`,
        [taskId, this.deps.settings.timeoutMs / 1000 + 60, [...this.running.keys()]]);
      const [pending] = (await manager.query(`SELECT 1 FROM personal_signature WHERE task_id = $1 AND status = 'pending'`, [taskId])) as unknown[];
      if (pending) throw signingProblems.pending();
      const row = await insertRow(manager, PersonalSignatureEntity, { taskId, officialId: official.id, documentId, status: 'pending' });
      await this.deps.audit.record(manager, { actorId: official.id, action: 'signature.requested', objectType: 'task', objectId: taskId, details: { applicationId: task.applicationId, documentId, signatureId: row.id } });
      return { task, original, row };
    });
    let shown: (code: string) => void = () => undefined;
    const code = new Promise<string>((resolve) => { shown = resolve; });
    const abort = new AbortController();
    const done = this.sign(official, task, original, row, locale, shown, abort.signal).finally(() => this.running.delete(row.id));
    this.running.set(row.id, { abort, done });
    const first = await Promise.race([code, done.then(() => null)]);
    if (first === null) {
      const [failed] = (await this.db.query('SELECT failure FROM personal_signature WHERE id = $1', [row.id])) as { failure: string | null }[];
      throw signingProblems.startFailed(failed?.failure ?? 'the mobile signature service did not start the signing');
    }
    const [still] = (await this.db.query(`UPDATE personal_signature SET verification_code = $2 WHERE id = $1 AND status = 'pending' RETURNING id`, [row.id, first])) as unknown[];
    if (still) await this.publish(task, 'pending');
    return { status: 'pending', verificationCode: first };
  }

  /** The signed copy of a task marked for signature, for its completion; null when none was made. */
  async signedCopy(manager: EntityManager, taskId: string): Promise<(DocumentRef & { mediaType: string; size: number; sha256: string }) | null> {
    const [row] = (await manager.query(`SELECT d.id AS "documentId", d.filename, d.media_type AS "mediaType", d.size, d.sha256
        FROM personal_signature s JOIN document d ON d.id = s.signed_document_id
       WHERE s.task_id = $1 AND s.status = 'signed' ORDER BY s.finished_at DESC LIMIT 1`, [taskId])) as (DocumentRef & { mediaType: string; size: number; sha256: string })[];
    return row ?? null;
  }

  /** Stops signings under way (shutdown): each ends as failed, nothing stored. */
  async stop(): Promise<void> {
    const running = [...this.running.values()];
    for (const { abort } of running) abort.abort(new Error('the runtime is stopping'));
    await Promise.all(running.map((r) => r.done));
  }

  /** The background part: never throws; the row ends signed, refused, timeout or failed. */
  private async sign(
    official: User, task: Task, original: { id: string; filename: string }, row: PersonalSignature, locale: Locale,
    shown: (code: string) => void, signal: AbortSignal,
  ): Promise<void> {
    const settings = this.deps.settings!;
    try {
      const document = await this.deps.documents.read(original.id);
      if (!document || !isPdf(document.content)) throw new SigningRefusedError('failed', `document ${original.id} is not a PDF`);
      const signer = mobileSignatureSigner({
        ...settings.mobileSignature, personalCode: semanticsIdentifier(official.personalCode!), displayText: signingDisplayText(locale, original.filename),
        onVerificationCode: shown, timeoutMs: settings.timeoutMs, signal,
      });
      const signed = await signPdf(document.content, {
        signer, level: 'B-LT', tsaUrl: settings.tsaUrl, caCertificates: certificatesFromPem(settings.trustedPem), reason: signingReason(locale), signal,
      });
      // Checked as a reader years later would: offline, from what the document keeps.
      const report = await verifyPdf(signed, { trustedPem: settings.trustedPem, offline: true });
      const last = report.signatures.at(-1);
      if (!report.valid || last?.level !== 'B-LT') {
        const reasons = [...report.problems, ...Object.entries(last?.checks ?? {}).filter(([, c]) => c.status === 'failed').map(([name, c]) => `${name}: ${c.message}`)];
        throw new SigningRefusedError('failed', `the signed copy does not verify as PAdES B-LT: ${reasons.join('; ') || `level ${last?.level ?? 'none'}`}`);
      }
      await this.db.transaction(async (manager) => {
        const [application] = (await manager.query('SELECT applicant_id AS "applicantId" FROM application WHERE id = $1', [task.applicationId])) as { applicantId: string }[];
        const stored = await this.deps.documents.store(manager, {
          applicationId: task.applicationId, ownerId: application!.applicantId, filename: original.filename.replace(/(\.pdf)?$/i, '-signed.pdf'),
          mediaType: 'application/pdf', content: Buffer.from(signed), signedCopyOf: original.id,
        });
        await manager.query(`UPDATE personal_signature SET status = 'signed', signed_document_id = $2, finished_at = now() WHERE id = $1`, [row.id, stored.id]);
        await this.deps.audit.record(manager, { actorId: official.id, action: 'signature.signed', objectType: 'task', objectId: task.id,
          details: { applicationId: task.applicationId, documentId: original.id, signedDocumentId: stored.id, signer: last.signer, level: 'PAdES B-LT', signatureId: row.id } });
      });
    } catch (error) {
      const reason: Exclude<PersonalSignatureStatus, 'pending' | 'signed'> = error instanceof SigningRefusedError ? error.reason : 'failed';
      const message = (error as Error).message;
      if (reason === 'failed') this.deps.logger.warn({ taskId: task.id, signatureId: row.id, err: message }, 'personal signature failed');
      await this.db.transaction(async (manager) => {
        await manager.query(`UPDATE personal_signature SET status = $2, failure = $3, finished_at = now() WHERE id = $1`, [row.id, reason, message]);
        await this.deps.audit.record(manager, { actorId: official.id, action: reason === 'failed' ? 'signature.failed' : 'signature.refused', objectType: 'task', objectId: task.id,
          details: { applicationId: task.applicationId, documentId: original.id, reason, signatureId: row.id } });
      }).catch((failure: Error) => this.deps.logger.error({ taskId: task.id, err: failure.message }, 'personal signature: could not record the outcome'));
      await this.publishQuietly(task, reason);
      return;
    }
    await this.publishQuietly(task, 'signed');
  }

  /** The outcome is recorded already: a live event that cannot be sent only means the page learns it at its next read. */
  private async publishQuietly(task: Task, signature: PersonalSignatureStatus): Promise<void> {
    await this.publish(task, signature).catch((error: Error) => this.deps.logger.warn({ taskId: task.id, err: error.message }, 'personal signature: live event not sent'));
  }

  /** A `task` live event, so the workspace shows the signature's progress without polling. */
  private async publish(task: Task, signature: PersonalSignatureStatus): Promise<void> {
    await this.db.query(`WITH e AS (
        INSERT INTO live_event (kind, application_id, agency_id, audience, data)
        SELECT 'task', t.application_id, t.agency_id, task_live_audience(t.audience, t.assignee_id),
               jsonb_build_object('taskId', t.id, 'applicationId', t.application_id, 'state', t.state, 'assigneeId', t.assignee_id, 'revision', t.revision, 'signature', $2::text)
          FROM task t WHERE t.id = $1
        RETURNING id)
      SELECT pg_notify('konstruktor_live', id::text) FROM e`, [task.id, signature]);
  }

  private async visibleTask(manager: EntityManager, official: User, id: string, lock = false): Promise<Task> {
    const statement = visibleTaskStatement(inboxViewer(official), id, this.columns, lock);
    const [task] = (await manager.query(statement.sql, statement.values)) as Task[];
    if (!task) throw problems.notFound('task', id);
    return task;
  }

  /** The document ref in the variable the task names, from its order's process (the root scope first). */
  private async documentOf(manager: EntityManager, task: Task): Promise<DocumentRef | null> {
    if (!task.applicationId || !this.deps.engine || !task.signVariable) return null;
    const [application] = (await manager.query('SELECT process_instance_key AS "instanceKey" FROM application WHERE id = $1', [task.applicationId])) as { instanceKey: string | null }[];
    if (!application?.instanceKey) return null;
    const variables = (await this.deps.engine.variables(application.instanceKey)).filter((v) => v.name === task.signVariable);
    const value = (variables.find((v) => v.scopeKey === application.instanceKey) ?? variables[0])?.value as Partial<DocumentRef> | null | undefined;
    return typeof value?.documentId === 'string' ? { documentId: value.documentId, filename: typeof value.filename === 'string' ? value.filename : 'document.pdf' } : null;
  }
}

/** Smart-ID's semantics identifier: PNO, the country, the personal code (a Latvian one has a dash). */
function semanticsIdentifier(personalCode: string): string {
  return `PNO${/^\d{6}-\d{5}$/.test(personalCode) ? 'LV' : 'LT'}-${personalCode}`;
}
