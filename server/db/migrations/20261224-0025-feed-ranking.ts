import type { Migration } from './types.ts';

/**
 * The Top order of the feed and engagement as a people-you-may-know reason (docs/feed.md, "Top").
 *
 * - **Comments are interactions.** A comment on someone's post, or a reply to someone's comment, is kept in
 *   the interactions ledger like an invitation or a message (`comment_sent` for the writer, `comment_received`
 *   for the one answered), and the comments written before this migration are backfilled into it. A comment
 *   deleted later stays in the ledger: the exchange happened (the ledger is relationship memory).
 * - **`engagement_pairs`**: per pair, how many comments each wrote to the other, one row per member's side
 *   (`member_id` first, the distribution key), moved by `+1` in the comment's transaction under the row's
 *   lock (ON CONFLICT), so "you and Ana have replied to each other 4 times" is one index range of the
 *   viewer's partners, never a count over the ledger. Backfilled from the ledger.
 * - **`comments_post_recent_idx`**: a post's newest comments with their writers, whatever their level,
 *   from the index alone: the Top order reads which of the viewer's people commented on each candidate.
 *   (A post's newest reactions already have `post_reactions_recent_idx`.)
 */
export const feedRanking: Migration = {
  name: '20261224-0025-feed-ranking',
  up: [
    `CREATE INDEX comments_post_recent_idx ON comments (post_id, created_at DESC) INCLUDE (author_id)`,
    `CREATE TABLE engagement_pairs (
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      other_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      given integer NOT NULL DEFAULT 0 CHECK (given >= 0),
      received integer NOT NULL DEFAULT 0 CHECK (received >= 0),
      last_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (member_id, other_id),
      CHECK (member_id <> other_id)
    )`,
    // The foreign key's check when the other member is deleted.
    `CREATE INDEX engagement_pairs_other_idx ON engagement_pairs (other_id)`,
    // Whom each existing comment answered: the parent comment's writer for a reply (unless it is the writer's
    // own), otherwise the post's author; nobody when that is the writer themself.
    `INSERT INTO interactions (member_id, other_id, kind, ref_id, at)
     SELECT x.member_id, x.other_id, x.kind, x.ref_id, x.at
       FROM (SELECT c.id, c.author_id AS writer, c.created_at,
                    CASE WHEN pc.author_id IS NOT NULL AND pc.author_id <> c.author_id THEN pc.author_id ELSE p.author_id END AS answered
               FROM comments c
               JOIN posts p ON p.id = c.post_id
               LEFT JOIN comments pc ON pc.id = c.parent_id) w
      CROSS JOIN LATERAL (VALUES (w.writer, w.answered, 'comment_sent', w.id, w.created_at),
                                 (w.answered, w.writer, 'comment_received', w.id, w.created_at)) AS x(member_id, other_id, kind, ref_id, at)
      WHERE w.answered <> w.writer
      ORDER BY x.at, x.ref_id, x.kind DESC`,
    `INSERT INTO engagement_pairs (member_id, other_id, given, received, last_at)
     SELECT member_id, other_id, count(*) FILTER (WHERE kind = 'comment_sent'), count(*) FILTER (WHERE kind = 'comment_received'), max(at)
       FROM interactions
      WHERE kind IN ('comment_sent', 'comment_received')
      GROUP BY member_id, other_id`,
  ],
  down: [
    `DROP TABLE engagement_pairs`,
    `DELETE FROM interactions WHERE kind IN ('comment_sent', 'comment_received')`,
    `DROP INDEX comments_post_recent_idx`,
  ],
};
