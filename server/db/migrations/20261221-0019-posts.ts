import type { Migration } from './types.ts';

const REACTION_KINDS = `('like', 'celebrate', 'support', 'insightful', 'funny')`;

/**
 * Conversation: posts, their @mentions and #topics, comments with one level of replies, and reactions on
 * posts and comments (docs/feed.md).
 *
 * - **Distribution.** Every row carries a member id: posts, their mentions and topics the author's
 *   (`author_id`, the key they would be distributed by, so a post and its parts sit together); comments
 *   their writer's, reactions their reactor's. Every foreign key to members cascades, so a member's
 *   deletion takes what they wrote with it.
 * - **Deletion is a hard delete.** A post's text, mentions, topics, comments and reactions go with it in one
 *   statement (the foreign keys cascade), so nothing of what was deleted stays readable. A repost keeps the id
 *   of the post it shared without a foreign key: when that post is gone the repost can still say so (a quote
 *   shows "no longer available"; a plain repost is left out), where ON DELETE SET NULL would turn a plain
 *   repost into an empty post.
 * - **Counters** (`comment_count`, `repost_count`, `reaction_counts`) are kept in the transaction that
 *   changes what they count, as `x = x + delta` under the item's row lock, and only when a row really
 *   changed (ON CONFLICT, RETURNING): exact, and O(1) on a post with 100,000 reactions, where counting on
 *   every read (or recounting on every write) would read all of them. Whatever deletes rows in bulk
 *   without the commands (a member's deletion) must recount the items it touched.
 * - **Indexes** serve the reads: a member's posts newest first (the feed's per-author probe), a topic's
 *   posts newest first, a post's top-level comments oldest first, a comment's replies, who reacted newest
 *   first (all, or of one kind), and each member-id foreign key (for the cascades).
 *
 * An invitation sent from a comment records the comment (`invitations.comment_id`), so a connection's
 * origin can say "comment on Ana's post".
 */
export const posts: Migration = {
  name: '20261221-0019-posts',
  up: [
    `CREATE TABLE posts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      author_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      text text NOT NULL CHECK (char_length(text) <= 3000),
      visibility text NOT NULL CHECK (visibility IN ('members', 'connections', 'followers')),
      repost_of bigint,
      created_at timestamptz NOT NULL DEFAULT now(),
      edited_at timestamptz,
      comment_count integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
      repost_count integer NOT NULL DEFAULT 0 CHECK (repost_count >= 0),
      reaction_counts jsonb NOT NULL DEFAULT '{}',
      CHECK (text <> '' OR repost_of IS NOT NULL),
      CHECK (repost_of IS NULL OR repost_of <> id)
    )`,
    `COMMENT ON COLUMN posts.repost_of IS 'The original shared (never itself a repost). No foreign key: a repost outlives it and says it is gone.'`,
    // The feed's per-author probe: its newest posts in order, and their visibility without a heap visit
    // (an index-only scan reads about a tenth of the pages: docs/feed.md, "The query").
    `CREATE INDEX posts_author_recent_idx ON posts (author_id, created_at DESC, id DESC) INCLUDE (visibility)`,
    `CREATE INDEX posts_repost_of_idx ON posts (repost_of) WHERE repost_of IS NOT NULL`,
    `CREATE TABLE post_mentions (
      post_id bigint NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
      author_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      position smallint NOT NULL,
      PRIMARY KEY (post_id, member_id)
    )`,
    `CREATE INDEX post_mentions_member_idx ON post_mentions (member_id)`,
    `CREATE INDEX post_mentions_author_idx ON post_mentions (author_id)`,
    `CREATE TABLE post_topics (
      post_id bigint NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
      -- Up to 60 letters as written; lower-casing can double a few (İ becomes i and a combining dot).
      topic text NOT NULL CHECK (char_length(topic) BETWEEN 1 AND 120),
      author_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (post_id, topic)
    )`,
    `CREATE INDEX post_topics_recent_idx ON post_topics (topic, created_at DESC, post_id DESC)`,
    `CREATE INDEX post_topics_author_idx ON post_topics (author_id)`,
    `CREATE TABLE comments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      post_id bigint NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
      author_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      parent_id bigint REFERENCES comments(id) ON DELETE CASCADE,
      text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 1250),
      created_at timestamptz NOT NULL DEFAULT now(),
      edited_at timestamptz,
      reaction_counts jsonb NOT NULL DEFAULT '{}'
    )`,
    `CREATE INDEX comments_top_idx ON comments (post_id, created_at, id) WHERE parent_id IS NULL`,
    `CREATE INDEX comments_replies_idx ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL`,
    `CREATE INDEX comments_author_idx ON comments (author_id)`,
    `CREATE TABLE comment_mentions (
      comment_id bigint NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
      author_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      position smallint NOT NULL,
      PRIMARY KEY (comment_id, member_id)
    )`,
    `CREATE INDEX comment_mentions_member_idx ON comment_mentions (member_id)`,
    `CREATE INDEX comment_mentions_author_idx ON comment_mentions (author_id)`,
    `CREATE TABLE post_reactions (
      post_id bigint NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ${REACTION_KINDS}),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (post_id, member_id)
    )`,
    `CREATE INDEX post_reactions_recent_idx ON post_reactions (post_id, created_at DESC, member_id DESC)`,
    `CREATE INDEX post_reactions_kind_idx ON post_reactions (post_id, kind, created_at DESC, member_id DESC)`,
    `CREATE INDEX post_reactions_member_idx ON post_reactions (member_id)`,
    `CREATE TABLE comment_reactions (
      comment_id bigint NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
      member_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ${REACTION_KINDS}),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (comment_id, member_id)
    )`,
    `CREATE INDEX comment_reactions_recent_idx ON comment_reactions (comment_id, created_at DESC, member_id DESC)`,
    `CREATE INDEX comment_reactions_member_idx ON comment_reactions (member_id)`,
    `ALTER TABLE invitations ADD COLUMN comment_id bigint REFERENCES comments(id) ON DELETE SET NULL`,
    // The foreign key's check when a comment is deleted (see 20261218-0016).
    `CREATE INDEX invitations_comment_idx ON invitations (comment_id) WHERE comment_id IS NOT NULL`,
  ],
  down: [
    `DROP INDEX invitations_comment_idx`,
    `ALTER TABLE invitations DROP COLUMN comment_id`,
    `DROP TABLE comment_reactions`,
    `DROP TABLE post_reactions`,
    `DROP TABLE comment_mentions`,
    `DROP TABLE comments`,
    `DROP TABLE post_topics`,
    `DROP TABLE post_mentions`,
    `DROP TABLE posts`,
  ],
};
