import type { Migration } from './types.ts';

/**
 * Content moderation and the connect-then-pitch signal (docs/moderation.md, docs/screening.md).
 *
 * - `reports` may be about one post, comment or message of the member reported: `content_kind` and
 *   `content_id` name it, and `content` keeps a snapshot of it as it was when reported (its text, ids and
 *   times), so the evidence outlives an edit, a deletion or its removal. One open report per reporter and
 *   member as before for reports about the member, and one per reporter and item for reports about content.
 * - `messages.removed_at`: a message an operator removed. Its text and link are wiped and it stays in its
 *   conversation as a tombstone ("Removed by the moderators"), so the conversation still reads in order and
 *   its read and unread marks stay right. (Posts and comments an operator removes are deleted outright, as
 *   their authors delete them.)
 * - `moderation_flags.kind` gains 'pitch' and `member_notices.kind` gains 'removal'.
 * - `message_approaches`: one row per message to a member the sender connected with in the last 7 days who
 *   had not written to them since: its MinHash signature (null for a text too short to say anything), how
 *   many new connections had received nearly the same text by then (`copies`, this one included), whether it
 *   reads as a sales pitch, and whether it came within a day of connecting. Member-owned (sender_id): its
 *   rows go with the sender, and with the recipient.
 */
export const contentModeration: Migration = {
  name: '20261224-0023-content-moderation',
  up: [
    `ALTER TABLE reports ADD COLUMN content_kind text CHECK (content_kind IN ('post', 'comment', 'message'))`,
    `ALTER TABLE reports ADD COLUMN content_id bigint`,
    `ALTER TABLE reports ADD COLUMN content jsonb`,
    `ALTER TABLE reports ADD CONSTRAINT reports_content_whole CHECK ((content_kind IS NULL) = (content_id IS NULL) AND (content_kind IS NULL) = (content IS NULL))`,
    `DROP INDEX reports_open_pair_idx`,
    `CREATE UNIQUE INDEX reports_open_pair_idx ON reports (reporter_id, member_id) WHERE status = 'open' AND content_kind IS NULL`,
    `CREATE UNIQUE INDEX reports_open_content_idx ON reports (reporter_id, content_kind, content_id) WHERE status = 'open' AND content_kind IS NOT NULL`,
    // Removing an item resolves the open reports about it.
    `CREATE INDEX reports_content_idx ON reports (content_kind, content_id) WHERE content_kind IS NOT NULL AND status = 'open'`,

    `ALTER TABLE messages ADD COLUMN removed_at timestamptz`,
    `ALTER TABLE messages DROP CONSTRAINT messages_text_check`,
    `ALTER TABLE messages ADD CONSTRAINT messages_text_check CHECK (char_length(text) <= 8000 AND (char_length(text) >= 1 OR removed_at IS NOT NULL))`,

    `ALTER TABLE moderation_flags DROP CONSTRAINT moderation_flags_kind_check`,
    `ALTER TABLE moderation_flags ADD CONSTRAINT moderation_flags_kind_check CHECK (kind IN ('registration', 'cluster', 'template', 'reputation', 'reports', 'pitch'))`,
    `ALTER TABLE member_notices DROP CONSTRAINT member_notices_kind_check`,
    `ALTER TABLE member_notices ADD CONSTRAINT member_notices_kind_check CHECK (kind IN ('warning', 'restriction', 'lifted', 'role', 'removal'))`,

    `CREATE TABLE message_approaches (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      sender_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      recipient_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      message_id bigint NOT NULL,
      connected_at timestamptz NOT NULL,
      signature integer[],
      copies smallint NOT NULL CHECK (copies >= 1),
      pitch boolean NOT NULL,
      fast boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    // The sender's approaches of the last 30 days: compared with each new one, and summed for risk and allowance.
    `CREATE INDEX message_approaches_sender_idx ON message_approaches (sender_id, created_at DESC)`,
    // The cascade when a recipient goes. (A message goes only with its sender, whose approaches go with them:
    // message_id needs no foreign key, which would also tie this table to the messages migration's own down.)
    `CREATE INDEX message_approaches_recipient_idx ON message_approaches (recipient_id)`,
  ],
  down: [
    `DROP TABLE message_approaches`,
    `DELETE FROM member_notices WHERE kind = 'removal'`,
    `ALTER TABLE member_notices DROP CONSTRAINT member_notices_kind_check`,
    `ALTER TABLE member_notices ADD CONSTRAINT member_notices_kind_check CHECK (kind IN ('warning', 'restriction', 'lifted', 'role'))`,
    `DELETE FROM moderation_flags WHERE kind = 'pitch'`,
    `ALTER TABLE moderation_flags DROP CONSTRAINT moderation_flags_kind_check`,
    `ALTER TABLE moderation_flags ADD CONSTRAINT moderation_flags_kind_check CHECK (kind IN ('registration', 'cluster', 'template', 'reputation', 'reports'))`,
    `DELETE FROM messages WHERE removed_at IS NOT NULL`,
    `ALTER TABLE messages DROP CONSTRAINT messages_text_check`,
    `ALTER TABLE messages ADD CONSTRAINT messages_text_check CHECK (char_length(text) BETWEEN 1 AND 8000)`,
    `ALTER TABLE messages DROP COLUMN removed_at`,
    `DROP INDEX reports_content_idx`,
    `DROP INDEX reports_open_content_idx`,
    `DROP INDEX reports_open_pair_idx`,
    `DELETE FROM reports WHERE content_kind IS NOT NULL AND status = 'open'`,
    `CREATE UNIQUE INDEX reports_open_pair_idx ON reports (reporter_id, member_id) WHERE status = 'open'`,
    `ALTER TABLE reports DROP CONSTRAINT reports_content_whole`,
    `ALTER TABLE reports DROP COLUMN content`,
    `ALTER TABLE reports DROP COLUMN content_id`,
    `ALTER TABLE reports DROP COLUMN content_kind`,
  ],
};
