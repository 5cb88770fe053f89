import { IsNull, type DataSource } from 'typeorm';
import type { AuditLog } from '../audit/audit-log.js';
import { InboxMessageEntity, type InboxMessage } from './inbox-message.entity.js';

export interface NewInboxMessage {
  recipientPersonalCode: string;
  applicationId?: string | null;
  subject: string;
  body: string;
  locale?: string | null;
  idempotencyKey?: string | null;
}

export class InboxInputError extends Error {}

const LOCALES = new Set(['lt', 'lv', 'en']);

/** Citizens' portal inbox: messages from processes (notification connectors), read in "My messages". */
export class PortalInbox {
  constructor(private readonly db: DataSource, private readonly audit: AuditLog) {}

  /** Adds a message (audited), or returns the one sent earlier with the same idempotency key. */
  async send(message: NewInboxMessage): Promise<InboxMessage> {
    const code = message.recipientPersonalCode?.trim();
    if (!code || code.length > 64) throw new InboxInputError('recipientPersonalCode: must be 1 to 64 characters');
    if (!message.subject?.trim()) throw new InboxInputError('subject: must not be empty');
    if (message.locale && !LOCALES.has(message.locale)) throw new InboxInputError(`locale: must be lt, lv or en, not ${message.locale}`);
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(InboxMessageEntity);
      if (message.idempotencyKey) {
        // Two attempts of one job racing: the unique key lets one insert, the other finds it.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`inbox:${message.idempotencyKey}`]);
        const earlier = await repository.findOneBy({ idempotencyKey: message.idempotencyKey });
        if (earlier) return earlier;
      }
      const saved = await repository.save({
        recipientPersonalCode: code, applicationId: message.applicationId ?? null, subject: message.subject, body: message.body,
        locale: (message.locale as InboxMessage['locale']) ?? null, idempotencyKey: message.idempotencyKey ?? null, readAt: null,
      });
      await this.audit.record(manager, {
        actorId: null, action: 'inbox.message.sent', objectType: 'inbox_message', objectId: saved.id,
        details: { applicationId: saved.applicationId, subject: saved.subject },
      });
      return saved;
    });
  }

  /** The recipient's messages, newest first. */
  list(personalCode: string, options: { unreadOnly?: boolean; limit: number; offset: number }): Promise<[InboxMessage[], number]> {
    return this.db.getRepository(InboxMessageEntity).findAndCount({
      where: { recipientPersonalCode: personalCode, ...(options.unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' }, take: options.limit, skip: options.offset,
    });
  }

  /** How many of the recipient's messages are not read yet (a partial index keeps it cheap to poll). */
  async unreadCount(personalCode: string): Promise<number> {
    return this.db.getRepository(InboxMessageEntity).countBy({ recipientPersonalCode: personalCode, readAt: IsNull() });
  }

  /** Marks the recipient's own message read (first read time kept); null when it is not his. */
  async markRead(personalCode: string, id: string): Promise<InboxMessage | null> {
    const repository = this.db.getRepository(InboxMessageEntity);
    const message = await repository.findOneBy({ id, recipientPersonalCode: personalCode });
    if (!message) return null;
    if (!message.readAt) {
      await repository.createQueryBuilder().update().set({ readAt: () => 'now()' }).where('id = :id AND read_at IS NULL', { id }).execute();
      return repository.findOneByOrFail({ id });
    }
    return message;
  }
}
