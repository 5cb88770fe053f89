import { EntitySchema } from 'typeorm';

export interface InboxMessage {
  id: string;
  recipientPersonalCode: string;
  applicationId: string | null;
  subject: string;
  body: string;
  locale: 'lt' | 'lv' | 'en' | null;
  /** Set by connectors: a retried job finds its first message instead of adding another. */
  idempotencyKey: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export const InboxMessageEntity = new EntitySchema<InboxMessage>({
  name: 'InboxMessage',
  tableName: 'inbox_message',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    recipientPersonalCode: { type: 'text', name: 'recipient_personal_code' },
    applicationId: { type: 'uuid', name: 'application_id', nullable: true },
    subject: { type: 'text' },
    body: { type: 'text' },
    locale: { type: 'text', nullable: true },
    idempotencyKey: { type: 'text', name: 'idempotency_key', nullable: true, unique: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    readAt: { type: 'timestamptz', name: 'read_at', nullable: true },
  },
});
