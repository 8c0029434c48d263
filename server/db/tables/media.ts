import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { members } from './members.ts';
import { messages } from './messages.ts';
import { posts } from './posts.ts';

/** Images on posts and messages, and link previews of posts (migration 20261224-0022-post-media; docs/feed.md). */

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** An uploaded image, re-encoded to WebP: its owner's until attached to a post (with position and alt) or a message. */
export const media = pgTable(
  'media',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ownerId: integer('owner_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    content: bytea('content').notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    etag: text('etag').notNull(),
    postId: bigint('post_id', { mode: 'number' }).references(() => posts.id, { onDelete: 'cascade' }),
    messageId: bigint('message_id', { mode: 'number' }).references(() => messages.id, { onDelete: 'cascade' }),
    position: smallint('position'),
    alt: text('alt').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('media_post_idx').on(t.postId, t.position).where(sql`post_id IS NOT NULL`),
    uniqueIndex('media_message_idx').on(t.messageId).where(sql`message_id IS NOT NULL`),
    index('media_owner_idx').on(t.ownerId, t.createdAt),
    index('media_unattached_idx').on(t.createdAt).where(sql`post_id IS NULL AND message_id IS NULL`),
  ],
);

export const LINK_PREVIEW_STATUSES = ['pending', 'ready', 'failed'] as const;
export type LinkPreviewStatus = (typeof LINK_PREVIEW_STATUSES)[number];

/** The preview of a post's first link: requested in the post's transaction, fetched after commit. */
export const postLinkPreviews = pgTable(
  'post_link_previews',
  {
    postId: bigint('post_id', { mode: 'number' })
      .primaryKey()
      .references(() => posts.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    status: text('status', { enum: LINK_PREVIEW_STATUSES }).notNull().default('pending'),
    attempts: smallint('attempts').notNull().default(0),
    /** Why the last fetch gave no preview (a PreviewFailure code), for operators; never shown to members. */
    failure: text('failure'),
    canonicalUrl: text('canonical_url'),
    title: text('title'),
    description: text('description'),
    siteName: text('site_name'),
    image: bytea('image'),
    imageWidth: integer('image_width'),
    imageHeight: integer('image_height'),
    imageEtag: text('image_etag'),
    /**
     * Unused since previews moved onto the job queue (its jobs say when to fetch); kept to spare a migration.
     * Its partial index still finds the pending rows (jobs/link-previews.ts, requeuePendingPreviews).
     */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull().default(sql`now()`),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
  },
  (t) => [index('post_link_previews_pending_idx').on(t.dueAt).where(sql`status = 'pending'`)],
);
