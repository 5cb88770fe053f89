import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A citizen's messages, live and by preference: a new message (or one read) is a live event for
 * its recipient's account, with his unread count, written by a trigger in the message's own
 * transaction as the other live events are; and which kinds of e-mail he has turned off.
 */
export class MessageNotifications1765843200001 implements MigrationInterface {
  name = 'MessageNotifications1765843200001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE live_event DROP CONSTRAINT live_event_kind_check;
      ALTER TABLE live_event ADD CONSTRAINT live_event_kind_check CHECK (kind IN ('application', 'task', 'message'));

      CREATE FUNCTION live_message_event() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        event_id bigint;
      BEGIN
        -- A message waiting for its recipient's first login has nobody to tell yet.
        INSERT INTO live_event (kind, application_id, applicant_id, data)
          SELECT 'message', NEW.application_id, u.id,
                 jsonb_build_object('messageId', NEW.id, 'applicationId', NEW.application_id, 'subject', NEW.subject,
                   'createdAt', NEW.created_at, 'read', NEW.read_at IS NOT NULL,
                   'unread', (SELECT count(*) FROM inbox_message m WHERE m.recipient_personal_code = NEW.recipient_personal_code AND m.read_at IS NULL))
            FROM app_user u WHERE u.personal_code = NEW.recipient_personal_code
          RETURNING id INTO event_id;
        IF event_id IS NOT NULL THEN PERFORM pg_notify('konstruktor_live', event_id::text); END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER inbox_message_live AFTER INSERT OR UPDATE OF read_at ON inbox_message
        FOR EACH ROW EXECUTE FUNCTION live_message_event();
      CREATE INDEX inbox_message_unread ON inbox_message (recipient_personal_code) WHERE read_at IS NULL;

      CREATE TABLE notification_preference (
        user_id uuid PRIMARY KEY REFERENCES app_user (id),
        -- the kinds of e-mail the user does not want (portal messages arrive whatever he chooses)
        email_off text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE notification_preference;
      DROP INDEX inbox_message_unread;
      DROP TRIGGER inbox_message_live ON inbox_message; DROP FUNCTION live_message_event();
      DELETE FROM live_event WHERE kind = 'message';
      ALTER TABLE live_event DROP CONSTRAINT live_event_kind_check;
      ALTER TABLE live_event ADD CONSTRAINT live_event_kind_check CHECK (kind IN ('application', 'task'));
    `);
  }
}
