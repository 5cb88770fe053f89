import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DocumentEntity, type Document } from './document.entity.js';

export class DocumentCorruptedError extends Error {}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Files of applications (uploads, decisions, signed results). Process variables carry only
 * the document id; the bytes and their SHA-256 live here and are checked on every read.
 */
export class Documents {
  constructor(private readonly db: DataSource) {}

  async store(manager: EntityManager, values: Pick<Document, 'applicationId' | 'ownerId' | 'filename' | 'mediaType'> & { content: Buffer }): Promise<Omit<Document, 'content'>> {
    const { content: _bytes, ...saved } = await manager.getRepository(DocumentEntity).save({ ...values, size: values.content.length, sha256: sha256(values.content) });
    return saved;
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
