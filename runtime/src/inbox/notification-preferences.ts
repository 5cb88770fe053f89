import type { DataSource } from 'typeorm';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationPreferenceLookup } from '@konstruktor/connectors';
import type { AuditLog } from '../audit/audit-log.js';

/** Each kind of e-mail on or off. */
export type EmailPreferences = Record<NotificationKind, boolean>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const allOn = (): EmailPreferences => Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, true])) as EmailPreferences;

/**
 * Which e-mails a person wants (every kind until he turns one off). Portal messages arrive
 * whatever he chooses; the e-mail connector asks here before it sends (wantsEmail).
 */
export class NotificationPreferences implements NotificationPreferenceLookup {
  constructor(private readonly db: DataSource, private readonly audit: AuditLog) {}

  async email(userId: string): Promise<EmailPreferences> {
    const [row] = (await this.db.query('SELECT email_off AS "off" FROM notification_preference WHERE user_id = $1', [userId])) as { off: string[] }[];
    const preferences = allOn();
    for (const kind of row?.off ?? []) if (kind in preferences) preferences[kind as NotificationKind] = false;
    return preferences;
  }

  /** Sets the kinds named (the others stay as they were); audited. */
  async setEmail(userId: string, changes: Partial<EmailPreferences>): Promise<EmailPreferences> {
    return this.db.transaction(async (manager) => {
      const [row] = (await manager.query('SELECT email_off AS "off" FROM notification_preference WHERE user_id = $1 FOR UPDATE', [userId])) as { off: string[] }[];
      const off = new Set(row?.off ?? []);
      for (const [kind, on] of Object.entries(changes)) {
        if (on) off.delete(kind);
        else off.add(kind);
      }
      const stored = NOTIFICATION_KINDS.filter((kind) => off.has(kind));
      await manager.query(`INSERT INTO notification_preference (user_id, email_off) VALUES ($1, $2)
                           ON CONFLICT (user_id) DO UPDATE SET email_off = EXCLUDED.email_off, updated_at = now()`, [userId, stored]);
      await this.audit.record(manager, { actorId: userId, action: 'notification-preferences.changed', objectType: 'user', objectId: userId, details: { emailOff: stored } });
      return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, !off.has(kind)])) as EmailPreferences;
    });
  }

  /** The applicant's choice (the account that ordered; for a legal entity, the person who acted for it). */
  async wantsEmail({ applicationId, kind }: { applicationId: string; kind: NotificationKind }): Promise<boolean> {
    if (!UUID.test(applicationId)) return true; // no order of ours: nobody's preference applies
    const [row] = (await this.db.query(`SELECT $2 = ANY(p.email_off) AS "off" FROM application a JOIN notification_preference p ON p.user_id = a.applicant_id WHERE a.id = $1`,
      [applicationId, kind])) as { off: boolean }[];
    return !row?.off;
  }
}
