import type { Migration } from './types.ts';

/**
 * Operator analytics (issue 15, Admin → Community): rollups the `community.rollup` job keeps current, so the
 * operator's page reads a few hundred small rows whatever the size of the community. Both are aggregate:
 * they name nobody, so they are no member's data (nothing for the purge plan or the export).
 *
 * - **`community_daily`**: one row per UTC day: members (accounts not deleted, as counted when the day was
 *   last computed), new members, active members (who posted, commented, reacted, messaged, sent or answered
 *   an invitation that day), active over the 30 days ending that day, posts, messages, invitations sent and
 *   accepted. The job recomputes only the last few days; older rows are history and stay as computed.
 * - **`community_cohorts`**: new-member retention by weekly cohort: members who signed up in an ISO week
 *   (Monday), and how many of them were active in each week after (offset 0 is the signup week itself).
 *
 * The BRIN indexes let the job read only the recent days of the activity tables, which are written in time
 * order; they cost little on writes. `members (created_at)` is a b-tree: newcomers are read by it per request.
 */
export const communityAnalytics: Migration = {
  name: '20261228-0039-community-analytics',
  up: [
    `CREATE TABLE community_daily (
      day date PRIMARY KEY,
      members integer NOT NULL,
      new_members integer NOT NULL,
      active_members integer NOT NULL,
      monthly_active integer NOT NULL,
      posts integer NOT NULL,
      messages integer NOT NULL,
      invitations_sent integer NOT NULL,
      invitations_accepted integer NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE community_cohorts (
      cohort_week date NOT NULL,
      week_offset smallint NOT NULL CHECK (week_offset >= 0),
      members integer NOT NULL,
      active integer NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (cohort_week, week_offset)
    )`,
    `CREATE INDEX members_created_idx ON members (created_at)`,
    `CREATE INDEX posts_created_brin ON posts USING brin (created_at)`,
    `CREATE INDEX comments_created_brin ON comments USING brin (created_at)`,
    `CREATE INDEX messages_created_brin ON messages USING brin (created_at)`,
    `CREATE INDEX post_reactions_created_brin ON post_reactions USING brin (created_at)`,
    `CREATE INDEX invitations_created_brin ON invitations USING brin (created_at)`,
    `CREATE INDEX invitations_responded_brin ON invitations USING brin (responded_at)`,
  ],
  down: [
    'DROP INDEX invitations_responded_brin',
    'DROP INDEX invitations_created_brin',
    'DROP INDEX post_reactions_created_brin',
    'DROP INDEX messages_created_brin',
    'DROP INDEX comments_created_brin',
    'DROP INDEX posts_created_brin',
    'DROP INDEX members_created_idx',
    'DROP TABLE community_cohorts',
    'DROP TABLE community_daily',
  ],
};
