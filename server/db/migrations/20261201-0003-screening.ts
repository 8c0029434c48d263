import type { Migration } from './types.ts';

/**
 * Screening and anti-abuse: each member's screening policy, what each received invitation was judged on
 * (risk, template note, the folder and the rule that placed it), the "ask for context" thread, reports,
 * sign-up evidence, restrictions, the operators' moderation queue, and notices that tell a member what
 * an operator decided about them.
 */
export const screening: Migration = {
  name: '20261201-0003-screening',
  up: [
    `CREATE TABLE screening_policies (
      member_id integer PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
      mode text NOT NULL DEFAULT 'manual' CHECK (mode IN ('open', 'selective', 'manual')),
      who_can_invite text NOT NULL DEFAULT 'everyone' CHECK (who_can_invite IN ('everyone', 'email', 'second_degree')),
      rules jsonb NOT NULL DEFAULT '[]',
      otherwise text NOT NULL DEFAULT 'inbox' CHECK (otherwise IN ('inbox', 'other')),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    // Where the recipient's policy (or the platform) placed an invitation when it arrived, and why.
    `ALTER TABLE invitations
      ADD COLUMN folder text NOT NULL DEFAULT 'inbox' CHECK (folder IN ('inbox', 'other', 'held', 'auto')),
      ADD COLUMN placement text NOT NULL DEFAULT '',
      ADD COLUMN risk_score smallint NOT NULL DEFAULT 0 CHECK (risk_score BETWEEN 0 AND 100),
      ADD COLUMN risk_reasons jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN template boolean NOT NULL DEFAULT false,
      ADD COLUMN note_minhash integer[]`,
    `CREATE INDEX invitations_recipient_folder_idx ON invitations (recipient_id, folder, created_at DESC) WHERE status = 'pending'`,
    `CREATE INDEX invitations_sender_recent_idx ON invitations (sender_id, created_at DESC)`,
    `CREATE TABLE invitation_messages (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      invitation_id bigint NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
      author_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 500),
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX invitation_messages_invitation_idx ON invitation_messages (invitation_id, id)`,
    `CREATE TABLE reports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      reporter_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      invitation_id bigint REFERENCES invitations(id) ON DELETE SET NULL,
      reason text NOT NULL CHECK (reason IN ('spam', 'fake', 'scam', 'harassment', 'other')),
      details text NOT NULL DEFAULT '' CHECK (char_length(details) <= 1000),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'actioned')),
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolved_by integer REFERENCES members(id) ON DELETE SET NULL,
      CHECK (reporter_id <> member_id)
    )`,
    // One open report per reporter and member: reporting again is not a way to pile on.
    `CREATE UNIQUE INDEX reports_open_pair_idx ON reports (reporter_id, member_id) WHERE status = 'open'`,
    `CREATE INDEX reports_member_idx ON reports (member_id, created_at DESC)`,
    `CREATE TABLE signup_events (
      member_id integer PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
      ip text,
      subnet text,
      email_domain text NOT NULL,
      risk smallint NOT NULL DEFAULT 0,
      reasons jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX signup_events_subnet_idx ON signup_events (subnet, created_at DESC)`,
    `CREATE INDEX signup_events_ip_idx ON signup_events (ip, created_at DESC)`,
    // held: a high-risk sign-up waiting for an operator; limited: a medium-risk one; invitations: an
    // operator's restriction. Active while lifted_at is null.
    `CREATE TABLE member_restrictions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('held', 'limited', 'invitations')),
      reason text NOT NULL,
      created_by integer REFERENCES members(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      lifted_at timestamptz,
      lifted_by integer REFERENCES members(id) ON DELETE SET NULL
    )`,
    `CREATE UNIQUE INDEX member_restrictions_active_idx ON member_restrictions (member_id, kind) WHERE lifted_at IS NULL`,
    `CREATE TABLE moderation_flags (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('registration', 'cluster', 'template', 'reputation', 'reports')),
      member_ids integer[] NOT NULL,
      score smallint NOT NULL DEFAULT 0,
      reasons jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'actioned')),
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolved_by integer REFERENCES members(id) ON DELETE SET NULL,
      resolution text
    )`,
    `CREATE INDEX moderation_flags_open_idx ON moderation_flags (created_at DESC) WHERE status = 'open'`,
    `CREATE INDEX moderation_flags_members_idx ON moderation_flags USING gin (member_ids)`,
    `CREATE TABLE member_notices (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('warning', 'restriction', 'lifted')),
      message text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    )`,
    `CREATE INDEX member_notices_member_idx ON member_notices (member_id, created_at DESC)`,
  ],
  down: [
    `DROP TABLE member_notices`,
    `DROP TABLE moderation_flags`,
    `DROP TABLE member_restrictions`,
    `DROP TABLE signup_events`,
    `DROP TABLE reports`,
    `DROP TABLE invitation_messages`,
    `DROP INDEX invitations_sender_recent_idx`,
    `DROP INDEX invitations_recipient_folder_idx`,
    `ALTER TABLE invitations DROP COLUMN note_minhash, DROP COLUMN template, DROP COLUMN risk_reasons, DROP COLUMN risk_score, DROP COLUMN placement, DROP COLUMN folder`,
    `DROP TABLE screening_policies`,
  ],
};
