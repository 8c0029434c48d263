import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { POST_VISIBILITIES, REACTION_KINDS, type ReactionKind } from '../../../common/schemas/posts.ts';
import { members } from './members.ts';

/** Posts, comments, mentions, topics and reactions (migration 20261221-0019-posts; docs/feed.md). */

/** How many reactions of each kind an item has; a kind nobody chose is absent. */
export type ReactionCounts = Partial<Record<ReactionKind, number>>;

export const posts = pgTable(
  'posts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    authorId: integer('author_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    visibility: text('visibility', { enum: POST_VISIBILITIES }).notNull(),
    /** The original shared: never itself a repost; no foreign key, so a repost outlives it. */
    repostOf: bigint('repost_of', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    commentCount: integer('comment_count').notNull().default(0),
    repostCount: integer('repost_count').notNull().default(0),
    reactionCounts: jsonb('reaction_counts').$type<ReactionCounts>().notNull().default({}),
  },
  // Migration 0019 also INCLUDEs visibility, for index-only scans (drizzle's builder cannot say INCLUDE).
  (t) => [index('posts_author_recent_idx').on(t.authorId, t.createdAt.desc(), t.id.desc())],
);

export const postMentions = pgTable(
  'post_mentions',
  {
    postId: bigint('post_id', { mode: 'number' }).notNull().references(() => posts.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.memberId] })],
);

export const postTopics = pgTable(
  'post_topics',
  {
    postId: bigint('post_id', { mode: 'number' }).notNull().references(() => posts.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    authorId: integer('author_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    /** The post's creation time, copied: a topic page pages by it without reading the posts. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.topic] })],
);

export const comments = pgTable('comments', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  postId: bigint('post_id', { mode: 'number' }).notNull().references(() => posts.id, { onDelete: 'cascade' }),
  authorId: integer('author_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  /** The top-level comment this one replies to (one level only); null for a top-level comment. */
  parentId: bigint('parent_id', { mode: 'number' }),
  text: text('text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  editedAt: timestamp('edited_at', { withTimezone: true }),
  reactionCounts: jsonb('reaction_counts').$type<ReactionCounts>().notNull().default({}),
});

export const commentMentions = pgTable(
  'comment_mentions',
  {
    commentId: bigint('comment_id', { mode: 'number' }).notNull().references(() => comments.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.memberId] })],
);

export const postReactions = pgTable(
  'post_reactions',
  {
    postId: bigint('post_id', { mode: 'number' }).notNull().references(() => posts.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REACTION_KINDS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.postId, t.memberId] })],
);

export const commentReactions = pgTable(
  'comment_reactions',
  {
    commentId: bigint('comment_id', { mode: 'number' }).notNull().references(() => comments.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REACTION_KINDS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.memberId] })],
);
