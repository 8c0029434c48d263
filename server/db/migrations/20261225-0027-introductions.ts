import type { Migration } from './types.ts';

/**
 * Double opt-in introductions (issue 13, "Introductions"; docs/architecture.md, "Introductions").
 *
 * - **`introductions`**: one request from `requester_id` to `target_id` along `path` (the introducers' ids in
 *   order, 1 or 2 of them: a 2nd- or 3rd-degree target), with the requester's forwardable `blurb`. `status` is
 *   'open' until the target accepts, someone on the path declines, or it expires (`expires_at`, 30 days by
 *   default). `reminded_at`: when the member whose turn it is was last reminded (once, after a week).
 *   `conversation_id`: the group conversation opened on acceptance.
 * - **`introduction_steps`**: one per member on the path after the requester, in order (`position` 0…), the
 *   introducers (`role` 'introducer') and last the target (`role` 'target'). A step is 'pending' until the
 *   previous one forwards (nothing is shown to its member before), then 'waiting' (their turn), then
 *   'forwarded' / 'accepted' (the target), 'declined' (with an optional `reason`, and `dont_know` for "I don't
 *   know this person", which counts against the requester as it does for invitations), or 'expired'.
 * - **`invitations.introduction_id`**: an invitation between a requester and a target after an accepted
 *   introduction between them carries it (set by the server), so the connection's origin is 'introduction'
 *   and its introducers are the introduction's path: connections.invitation_id → invitations.introduction_id
 *   → introductions.path.
 */
export const introductions: Migration = {
  name: '20261225-0027-introductions',
  up: [
    `CREATE TABLE introductions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      requester_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      target_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      path integer[] NOT NULL CHECK (cardinality(path) BETWEEN 1 AND 2),
      blurb text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined', 'expired')),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      reminded_at timestamptz,
      closed_at timestamptz,
      conversation_id bigint REFERENCES conversations(id) ON DELETE SET NULL,
      CHECK (requester_id <> target_id)
    )`,
    // "asked": a requester's own, newest first; the weekly quota counts its last week.
    `CREATE INDEX introductions_requester_idx ON introductions (requester_id, created_at DESC)`,
    `CREATE INDEX introductions_target_idx ON introductions (target_id)`,
    // The jobs' sweep: open ones by their date.
    `CREATE INDEX introductions_open_idx ON introductions (expires_at) WHERE status = 'open'`,
    `CREATE TABLE introduction_steps (
      introduction_id bigint NOT NULL REFERENCES introductions(id) ON DELETE CASCADE,
      position smallint NOT NULL CHECK (position BETWEEN 0 AND 2),
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('introducer', 'target')),
      status text NOT NULL CHECK (status IN ('pending', 'waiting', 'forwarded', 'accepted', 'declined', 'expired')),
      note text,
      reason text,
      dont_know boolean NOT NULL DEFAULT false,
      reached_at timestamptz,
      acted_at timestamptz,
      PRIMARY KEY (introduction_id, position)
    )`,
    // "to-forward" and "received": a member's steps, once reached.
    `CREATE INDEX introduction_steps_member_idx ON introduction_steps (member_id, reached_at DESC) WHERE status <> 'pending'`,
    `ALTER TABLE invitations ADD COLUMN introduction_id bigint REFERENCES introductions(id) ON DELETE SET NULL`,
    `CREATE INDEX invitations_introduction_idx ON invitations (introduction_id) WHERE introduction_id IS NOT NULL`,
  ],
  down: [
    `DROP INDEX invitations_introduction_idx`,
    `ALTER TABLE invitations DROP COLUMN introduction_id`,
    `DROP TABLE introduction_steps`,
    `DROP TABLE introductions`,
  ],
};
