import type { Migration } from './types.ts';

/**
 * Images on posts and messages, and link previews of posts (docs/feed.md, "Images" and "Link previews").
 *
 * - `media`: an uploaded image, re-encoded to WebP and kept in the database like profile photos, so a
 *   failed write leaves no file behind and a deletion takes the bytes with it. An upload belongs to its
 *   owner until it is attached, in one transaction, to a post (with its position and alt text) or a
 *   message; a deleted post or message takes its images (ON DELETE CASCADE). One that is never attached
 *   expires: the hourly sweep deletes it (`media_unattached_idx`), and attaching refuses it already.
 * - `post_link_previews`: the preview of the first link in a post. The post's transaction writes it
 *   'pending' (a durable request); the fetch happens after commit, outside any transaction, and writes
 *   'ready' or 'failed' only if the post still has that link (`url`). The preview's image is fetched and
 *   re-encoded like an upload and served by Rapport, never linked from the remote site.
 */
export const postMedia: Migration = {
  name: '20261224-0022-post-media',
  up: [
    `CREATE TABLE media (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      owner_id integer NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      content bytea NOT NULL,
      mime_type text NOT NULL CHECK (mime_type = 'image/webp'),
      width integer NOT NULL CHECK (width > 0),
      height integer NOT NULL CHECK (height > 0),
      etag text NOT NULL,
      post_id bigint REFERENCES posts(id) ON DELETE CASCADE,
      message_id bigint REFERENCES messages(id) ON DELETE CASCADE,
      position smallint CHECK (position BETWEEN 0 AND 3),
      alt text NOT NULL DEFAULT '' CHECK (char_length(alt) <= 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (post_id IS NULL OR message_id IS NULL),
      CHECK ((post_id IS NULL) = (position IS NULL))
    )`,
    // A post's images in order (and at most one per place); a message's one image.
    `CREATE UNIQUE INDEX media_post_idx ON media (post_id, position) WHERE post_id IS NOT NULL`,
    `CREATE UNIQUE INDEX media_message_idx ON media (message_id) WHERE message_id IS NOT NULL`,
    // The owner's waiting uploads (counted against pendingImagesMax), the cascade when a member is deleted.
    `CREATE INDEX media_owner_idx ON media (owner_id, created_at)`,
    // The expiry sweep: unattached uploads by age.
    `CREATE INDEX media_unattached_idx ON media (created_at) WHERE post_id IS NULL AND message_id IS NULL`,
    `CREATE TABLE post_link_previews (
      post_id bigint PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
      url text NOT NULL CHECK (char_length(url) BETWEEN 1 AND 500),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ready', 'failed')),
      attempts smallint NOT NULL DEFAULT 0,
      failure text,
      canonical_url text CHECK (char_length(canonical_url) <= 2000),
      title text CHECK (char_length(title) <= 300),
      description text CHECK (char_length(description) <= 600),
      site_name text CHECK (char_length(site_name) <= 120),
      image bytea,
      image_width integer,
      image_height integer,
      image_etag text,
      due_at timestamptz NOT NULL DEFAULT now(),
      fetched_at timestamptz,
      CHECK (status <> 'ready' OR title IS NOT NULL),
      CHECK ((image IS NULL) = (image_etag IS NULL))
    )`,
    // The worker's queue: pending previews by when they are due (a retry waits longer after each attempt).
    `CREATE INDEX post_link_previews_pending_idx ON post_link_previews (due_at) WHERE status = 'pending'`,
  ],
  down: [`DROP TABLE post_link_previews`, `DROP TABLE media`],
};
