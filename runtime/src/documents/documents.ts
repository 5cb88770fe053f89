import { createHash } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { DocumentEntity, type Document } from './document.entity.js';
import { HttpProblem } from '../http/problem.js';

export class DocumentCorruptedError extends Error {}

/** How long an upload waits to be submitted with an application. */
export const UNATTACHED_UPLOADS_KEPT = 'P1D';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What one user may upload: so many files a day, and so many bytes waiting unattached at once. */
export interface UploadQuota {
  perDay: number;
  unattachedBytes: number;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Files of applications (uploads, decisions, signed results). Process variables carry only
 * the document id; the bytes and their SHA-256 live here and are checked on every read.
 */
export class Documents {
  constructor(private readonly db: DataSource, private readonly quota: UploadQuota) {}

  async store(manager: EntityManager, values: Pick<Document, 'applicationId' | 'ownerId' | 'filename' | 'mediaType'> & Partial<Pick<Document, 'signedCopyOf'>> & { content: Buffer }): Promise<Omit<Document, 'content'>> {
    const { content: _bytes, ...saved } = await manager.getRepository(DocumentEntity).save({ ...values, size: values.content.length, sha256: sha256(values.content) });
    return saved;
  }

  /**
   * A citizen's upload, not yet part of an application: purged after `keepFor` (an ISO 8601
   * duration) unless attached. Refused past the owner's quota: 429 past the files of a day
   * (Retry-After: when the oldest of them leaves the day), 413 past the bytes waiting unattached.
   */
  async upload(values: Pick<Document, 'ownerId' | 'filename' | 'mediaType'> & { content: Buffer }, keepFor = UNATTACHED_UPLOADS_KEPT): Promise<Omit<Document, 'content'>> {
    return this.db.transaction(async (manager) => {
      await this.checkQuota(manager, values.ownerId, values.content.length);
      const saved = await this.store(manager, { ...values, applicationId: null });
      await manager.query(`UPDATE document SET purge_after = now() + $2::interval, source = 'upload' WHERE id = $1`, [saved.id, keepFor]);
      return saved;
    });
  }

  private async checkQuota(manager: EntityManager, ownerId: string, size: number): Promise<void> {
    // One owner's uploads one at a time, so that two at once cannot both fit the last place.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`upload-quota:${ownerId}`]);
    const [today] = (await manager.query(
      `SELECT count(*)::int AS n, ceil(extract(epoch FROM min(created_at) + interval '1 day' - now()))::int AS "freeIn"
         FROM document WHERE owner_id = $1 AND created_at > now() - interval '1 day'`, [ownerId])) as { n: number; freeIn: number | null }[];
    if (today!.n >= this.quota.perDay) {
      throw new HttpProblem(429, 'upload-quota', 'Too many uploads today', `You may upload ${this.quota.perDay} files a day; try again in ${today!.freeIn} s`, { retryAfter: Math.max(today!.freeIn ?? 1, 1), limit: this.quota.perDay });
    }
    const [waiting] = (await manager.query('SELECT coalesce(sum(size), 0)::bigint AS bytes FROM document WHERE owner_id = $1 AND application_id IS NULL', [ownerId])) as { bytes: string }[];
    if (Number(waiting!.bytes) + size > this.quota.unattachedBytes) {
      throw new HttpProblem(413, 'upload-quota', 'Too many files waiting to be submitted', `Files not yet submitted with an application may take ${megabytes(this.quota.unattachedBytes)} in all; you have ${megabytes(Number(waiting!.bytes))} waiting. Submit or wait for them to expire`, { limit: this.quota.unattachedBytes });
    }
  }

  /**
   * Of `ids`, those that are `ownerId`'s uploads not attached to any application; the others
   * are not his to refer to.
   */
  async unattachedUploads(manager: EntityManager, ownerId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    // Locked: two submissions naming the same upload cannot both take it.
    const found = await manager.getRepository(DocumentEntity).find({ select: { id: true }, where: { id: In(ids), ownerId, applicationId: IsNull() }, lock: { mode: 'pessimistic_write' } });
    return new Set(found.map((d) => d.id));
  }

  /** Makes the uploads part of the application (they are then kept with it, never purged). */
  async attach(manager: EntityManager, ids: string[], applicationId: string): Promise<void> {
    if (ids.length) await manager.getRepository(DocumentEntity).update({ id: In(ids), applicationId: IsNull() }, { applicationId, purgeAfter: null });
  }

  /** Names and checksums (no bytes) of the documents attached to an application. */
  async ofApplication(applicationId: string): Promise<Pick<Document, 'id' | 'filename' | 'mediaType' | 'size' | 'sha256'>[]> {
    return this.db.getRepository(DocumentEntity).find({ select: { id: true, filename: true, mediaType: true, size: true, sha256: true }, where: { applicationId }, order: { createdAt: 'ASC' } });
  }

  /** Deletes uploads past their purge time that no application took and no live draft refers to. */
  async purgeUnattached(): Promise<number> {
    const [, affected] = (await this.db.query(`
      DELETE FROM document d WHERE d.application_id IS NULL AND d.purge_after < now()
        AND NOT EXISTS (SELECT 1 FROM draft WHERE d.id = ANY(draft.document_ids) AND draft.expires_at > now())`)) as [unknown, number];
    return affected;
  }

  /** The document with its bytes; throws if they no longer match the recorded checksum. */
  async read(id: string): Promise<Document | null> {
    const document = await this.db.getRepository(DocumentEntity).findOneBy({ id });
    if (document && (sha256(document.content) !== document.sha256 || document.content.length !== document.size)) {
      throw new DocumentCorruptedError(`document ${id} does not match its checksum: its content was changed or damaged`);
    }
    return document;
  }
}
