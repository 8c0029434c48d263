import type { Migration } from './types.ts';

/**
 * Conversations, their messages, each member's place in them, and message settings (docs/messages.md).
 *
 * - `conversations` is shared by its members: a one-to-one ('direct') or a small group.
 * - `conversation_members` is each member's own view of one: its folder (inbox, requests, or dropped: never
 *   delivered, so it does not exist for them), archived, muted, how far they have read, what they deleted
 *   for themselves (`cleared_before_message_id`: nothing up to it is shown), the warnings a request carried,
 *   and the last message delivered to them, which orders their list. For a one-to-one, `peer_id` is the
 *   other member, so "continue our conversation" is one unique index probe. Member-owned: it carries
 *   member_id (the Citus distribution key); messages belong to their conversation.
 * - `message_settings`: one row per member who changed the defaults (common/schemas/messages.ts).
 *
 * Every row of a member goes with them (ON DELETE CASCADE), their messages in others' conversations too.
 */
export const messages: Migration = {
  name: '20261222-0020-messages',
  up: [
    `CREATE TABLE conversations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('direct', 'group')),
      created_by integer REFERENCES members(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE messages (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      conversation_id bigint NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      sender_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 8000),
      link_url text CHECK (char_length(link_url) BETWEEN 1 AND 500),
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    // A conversation's messages, newest first, and its latest one: an index range.
    `CREATE INDEX messages_conversation_idx ON messages (conversation_id, id DESC)`,
    // The cascade when a member is deleted, and later the sender's recent messages (connect-then-pitch).
    `CREATE INDEX messages_sender_idx ON messages (sender_id, created_at DESC)`,
    `CREATE TABLE conversation_members (
      conversation_id bigint NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      peer_id integer REFERENCES members(id) ON DELETE CASCADE,
      folder text NOT NULL CHECK (folder IN ('inbox', 'requests', 'dropped')),
      archived boolean NOT NULL DEFAULT false,
      muted boolean NOT NULL DEFAULT false,
      warnings text[] NOT NULL DEFAULT '{}' CHECK (warnings <@ ARRAY['new_account', 'flagged']::text[]),
      last_message_id bigint,
      last_read_message_id bigint,
      cleared_before_message_id bigint,
      joined_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (conversation_id, member_id),
      CHECK (peer_id IS NULL OR peer_id <> member_id)
    )`,
    // My conversations in one list, newest activity first: an index range per list.
    `CREATE INDEX conversation_members_list_idx ON conversation_members (member_id, folder, archived, last_message_id DESC) WHERE folder <> 'dropped'`,
    // At most one one-to-one per pair and member.
    `CREATE UNIQUE INDEX conversation_members_direct_idx ON conversation_members (member_id, peer_id) WHERE peer_id IS NOT NULL`,
    // The header badge: only the conversations with something unread are in it.
    `CREATE INDEX conversation_members_unread_idx ON conversation_members (member_id, folder)
       WHERE folder <> 'dropped' AND NOT archived AND NOT muted AND last_message_id > coalesce(last_read_message_id, 0)`,
    // The cascade when the other member of a one-to-one is deleted.
    `CREATE INDEX conversation_members_peer_idx ON conversation_members (peer_id) WHERE peer_id IS NOT NULL`,
    `CREATE TABLE message_settings (
      member_id integer PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
      connection text NOT NULL DEFAULT 'accept' CHECK (connection IN ('accept', 'filter', 'drop')),
      second text NOT NULL DEFAULT 'filter' CHECK (second IN ('accept', 'filter', 'drop')),
      third_plus text NOT NULL DEFAULT 'filter' CHECK (third_plus IN ('accept', 'filter', 'drop')),
      new_account text NOT NULL DEFAULT 'filter' CHECK (new_account IN ('accept', 'filter', 'drop')),
      flagged text NOT NULL DEFAULT 'filter' CHECK (flagged IN ('accept', 'filter', 'drop')),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  ],
  down: [`DROP TABLE message_settings`, `DROP TABLE conversation_members`, `DROP TABLE messages`, `DROP TABLE conversations`],
};
