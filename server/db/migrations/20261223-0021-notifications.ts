import type { Migration } from './types.ts';

/**
 * In-app notifications (issue 12): one row per thing that happened to a member, written in the transaction
 * of the change; rows sharing a group key are shown as one. Members choose which kinds also come by email. The unique (event, member) pair makes writing
 * them again for the same event a no-op.
 */
export const notifications: Migration = {
  name: '20261223-0021-notifications',
  up: [
    `CREATE TABLE notifications (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
       kind text NOT NULL,
       actor_id integer REFERENCES members(id) ON DELETE CASCADE,
       group_key text NOT NULL,
       data jsonb NOT NULL DEFAULT '{}',
       event_id bigint NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       read_at timestamptz,
       UNIQUE (event_id, member_id, group_key)
     )`,
    // The list groups a member's rows by key and orders the groups by their newest row.
    `CREATE INDEX notifications_member_group ON notifications (member_id, group_key, id DESC)`,
    `CREATE INDEX notifications_member_unread ON notifications (member_id) WHERE read_at IS NULL`,
    // Which kinds a member wants by email, where they changed the default (common/schemas/notifications.ts),
    // and the token of the one-click unsubscribe links in those emails.
    `CREATE TABLE notification_preferences (
       member_id integer PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
       email jsonb NOT NULL DEFAULT '{}',
       unsubscribe_token text UNIQUE,
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    // List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) travel with the message to the delivery job.
    `ALTER TABLE email_outbox ADD COLUMN headers jsonb`,
  ],
  down: [`ALTER TABLE email_outbox DROP COLUMN headers`, `DROP TABLE notification_preferences`, `DROP TABLE notifications`],
};
