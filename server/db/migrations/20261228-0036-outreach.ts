import type { Migration } from './types.ts';

/**
 * One person a week (issue 15, docs/outreach.md): a member's weekly outreach goal and the outreach they did.
 * Both belong to `member_id` (the distribution key) and are read by that member alone.
 *
 * - **`outreach_goals`**: the weekly goal, only once the member set one (no row: the default, 1). Bounded
 *   1..20 here as in the API (common/outreach.ts), so a value the API refuses can never be stored.
 * - **`outreach_acts`**: one row per person reached, written with the `message.sent`, `invitation.sent` or
 *   `introduction.requested` event in its transaction (outreach/record.ts; never by the commands themselves),
 *   keyed by the event's own reference.
 *   Weeks are computed when read (ISO weeks, UTC: members have no time zone).
 * - **`outreach_suggestions`**: the week's suggestions, chosen on the member's first look that week and kept,
 *   so they stay the same all week (reaching out to one must not swap it for another). Privacy is applied
 *   again whenever they are read (a block made since hides the person).
 */
export const outreach: Migration = {
  name: '20261228-0036-outreach',
  up: [
    `CREATE TABLE outreach_goals (
      member_id integer PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
      weekly_goal smallint NOT NULL CHECK (weekly_goal BETWEEN 1 AND 20),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE outreach_acts (
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      other_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('message', 'invitation', 'introduction')),
      ref_id bigint NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (member_id, kind, ref_id, other_id),
      CHECK (member_id <> other_id)
    )`,
    `CREATE INDEX outreach_acts_member_at_idx ON outreach_acts (member_id, at)`,
    `CREATE INDEX outreach_acts_other_idx ON outreach_acts (other_id)`,
    `CREATE TABLE outreach_suggestions (
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      week date NOT NULL,
      reason text NOT NULL CHECK (reason IN ('admired', 'dormant_tie', 'diverse_weak_tie')),
      other_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      params jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (member_id, week, reason)
    )`,
    `CREATE INDEX outreach_suggestions_other_idx ON outreach_suggestions (other_id)`,
  ],
  down: [`DROP TABLE outreach_suggestions`, `DROP TABLE outreach_acts`, `DROP TABLE outreach_goals`],
};
