import type { Migration } from './types.ts';

/**
 * What an operator's decision needs over time: restrictions with an optional end (and the notice that
 * tells the member when), a notice kind for role changes, and an index that serves the audit log
 * filtered by action, newest first, page by page.
 */
export const moderationLifecycle: Migration = {
  name: '20261211-0006-moderation-lifecycle',
  up: [
    // NULL: until an operator lifts it. Past this time the restriction no longer applies, even before the
    // hourly sweep marks it lifted.
    `ALTER TABLE member_restrictions ADD COLUMN ends_at timestamptz`,
    `CREATE INDEX member_restrictions_ending_idx ON member_restrictions (ends_at) WHERE lifted_at IS NULL AND ends_at IS NOT NULL`,
    `ALTER TABLE member_notices ADD COLUMN ends_at timestamptz`,
    `ALTER TABLE member_notices DROP CONSTRAINT member_notices_kind_check`,
    `ALTER TABLE member_notices ADD CONSTRAINT member_notices_kind_check CHECK (kind IN ('warning', 'restriction', 'lifted', 'role'))`,
    `CREATE INDEX audit_events_action_idx ON audit_events (action, id DESC)`,
  ],
  down: [
    `DROP INDEX audit_events_action_idx`,
    `DELETE FROM member_notices WHERE kind = 'role'`,
    `ALTER TABLE member_notices DROP CONSTRAINT member_notices_kind_check`,
    `ALTER TABLE member_notices ADD CONSTRAINT member_notices_kind_check CHECK (kind IN ('warning', 'restriction', 'lifted'))`,
    `ALTER TABLE member_notices DROP COLUMN ends_at`,
    `DROP INDEX member_restrictions_ending_idx`,
    `ALTER TABLE member_restrictions DROP COLUMN ends_at`,
  ],
};
