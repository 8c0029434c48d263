import type { Migration } from './types.ts';

/**
 * Account deletion (issue 14; docs/account-deletion.md).
 *
 * - **`account_deletions`**: a member's request to delete their account. `pending` until `purge_after` (the
 *   grace period, ACCOUNT_DELETION_GRACE_DAYS), then `completed` by the purge job, or `cancelled` by the
 *   member. At most one pending request per member. The row holds ids and times only, so it can stay after
 *   the purge: it is what the operators' count reads (counts by month, never who).
 * - **`members.status = 'deleted'`**: the purged member's row stays as an anonymised tombstone (handle
 *   `deleted-<id>`, email `deleted-<id>@invalid`, no profile), because the comments and messages others
 *   need (a thread, a conversation) keep their `author_id`/`sender_id`. Everything that shows people
 *   already shows only `status = 'active'` members.
 */
export const accountDeletion: Migration = {
  name: '20261227-0029-account-deletion',
  up: [
    `ALTER TABLE members DROP CONSTRAINT members_status_check`,
    `ALTER TABLE members ADD CONSTRAINT members_status_check CHECK (status IN ('active', 'suspended', 'deleted'))`,
    // A purged member's comment on someone else's post stays as a tombstone with its text wiped (as a removed
    // message does since 0023); the API still refuses an empty comment.
    `ALTER TABLE comments DROP CONSTRAINT comments_text_check`,
    `ALTER TABLE comments ADD CONSTRAINT comments_text_check CHECK (char_length(text) <= 1250)`,
    `CREATE TABLE account_deletions (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'cancelled', 'completed')),
      requested_at timestamptz NOT NULL DEFAULT now(),
      purge_after timestamptz NOT NULL,
      cancelled_at timestamptz,
      completed_at timestamptz
    )`,
    `CREATE UNIQUE INDEX account_deletions_pending_member ON account_deletions (member_id) WHERE status = 'pending'`,
    // The hourly sweep: pending requests whose grace has passed.
    `CREATE INDEX account_deletions_due ON account_deletions (purge_after) WHERE status = 'pending'`,
  ],
  down: [
    `DROP TABLE account_deletions`,
    `ALTER TABLE comments DROP CONSTRAINT comments_text_check`,
    `ALTER TABLE comments ADD CONSTRAINT comments_text_check CHECK (char_length(text) BETWEEN 1 AND 1250) NOT VALID`,
    `ALTER TABLE members DROP CONSTRAINT members_status_check`,
    `ALTER TABLE members ADD CONSTRAINT members_status_check CHECK (status IN ('active', 'suspended'))`,
  ],
};
