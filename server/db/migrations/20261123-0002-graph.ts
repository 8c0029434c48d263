import type { Migration } from './types.ts';

/**
 * The network: invitations, connections with their origin, follows, blocks, suggestion dismissals, the
 * interactions ledger, and the graph change log that feeds the in-memory index.
 *
 * Connections are stored in both directions, (member_id, other_id) and (other_id, member_id), so every
 * member-owned row carries member_id (the future distribution key) and "my connections" is one index range.
 */
export const graph: Migration = {
  name: '20261123-0002-graph',
  up: [
    `CREATE TABLE invitations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      sender_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      recipient_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 300),
      context text NOT NULL CHECK (context IN ('profile', 'search', 'suggestion', 'import', 'comment', 'introduction', 'network')),
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'accepted', 'ignored', 'withdrawn', 'dont_know', 'expired', 'blocked')),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      responded_at timestamptz,
      CHECK (sender_id <> recipient_id)
    )`,
    // One open invitation per pair, whichever way it points. "Ignored" stays open: ignoring is silent, so
    // the sender still sees it as pending until it expires.
    `CREATE UNIQUE INDEX invitations_open_pair_idx ON invitations (least(sender_id, recipient_id), greatest(sender_id, recipient_id))
      WHERE status IN ('pending', 'ignored')`,
    `CREATE INDEX invitations_recipient_idx ON invitations (recipient_id, status, created_at DESC)`,
    `CREATE INDEX invitations_sender_idx ON invitations (sender_id, status, created_at DESC)`,
    `CREATE INDEX invitations_open_expiry_idx ON invitations (expires_at) WHERE status IN ('pending', 'ignored')`,
    `CREATE TABLE connections (
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      other_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      origin_context text NOT NULL,
      invitation_id bigint REFERENCES invitations(id),
      PRIMARY KEY (member_id, other_id),
      CHECK (member_id <> other_id)
    )`,
    `CREATE INDEX connections_recent_idx ON connections (member_id, created_at DESC, other_id)`,
    `CREATE TABLE follows (
      follower_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      followee_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (follower_id, followee_id),
      CHECK (follower_id <> followee_id)
    )`,
    `CREATE INDEX follows_followee_idx ON follows (followee_id, created_at DESC, follower_id)`,
    `CREATE INDEX follows_follower_recent_idx ON follows (follower_id, created_at DESC, followee_id)`,
    `CREATE TABLE blocks (
      blocker_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      blocked_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (blocker_id, blocked_id),
      CHECK (blocker_id <> blocked_id)
    )`,
    `CREATE INDEX blocks_blocked_idx ON blocks (blocked_id, blocker_id)`,
    `CREATE TABLE suggestion_dismissals (
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      other_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      dismissed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (member_id, other_id)
    )`,
    // Every interaction between two members, from the first invitation on: relationship memory and the
    // opportunity report read it later. One row per member's view of it (member_id first, for sharding).
    `CREATE TABLE interactions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      other_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      kind text NOT NULL,
      ref_id bigint,
      at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX interactions_pair_idx ON interactions (member_id, other_id, at DESC)`,
    // The ordered change stream of the graph: the index catches up from it after loading a snapshot,
    // and later app processes follow it (LISTEN/NOTIFY) to keep their replicas.
    `CREATE TABLE graph_changes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('connect', 'disconnect', 'follow', 'unfollow')),
      a integer NOT NULL,
      b integer NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`,
    `ALTER TABLE profiles ADD COLUMN who_can_follow text NOT NULL DEFAULT 'everyone' CHECK (who_can_follow IN ('everyone', 'connections'))`,
    `ALTER TABLE profiles ADD COLUMN connections_visibility text NOT NULL DEFAULT 'connections' CHECK (connections_visibility IN ('connections', 'only_me'))`,
  ],
  down: [
    `ALTER TABLE profiles DROP COLUMN connections_visibility`,
    `ALTER TABLE profiles DROP COLUMN who_can_follow`,
    `DROP TABLE graph_changes`,
    `DROP TABLE interactions`,
    `DROP TABLE suggestion_dismissals`,
    `DROP TABLE blocks`,
    `DROP TABLE follows`,
    `DROP TABLE connections`,
    `DROP TABLE invitations`,
  ],
};
