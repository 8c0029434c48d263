import { sql } from 'drizzle-orm';
import { firstLinkOf } from '../../../common/post-text.ts';
import type { Tx } from '../../db/connection.ts';

/**
 * Asks for the preview of a post's first link, inside the transaction that writes the post's text: a
 * 'pending' row is the durable request, fetched after commit (jobs/link-previews.ts), so the post is
 * answered at once and shows its preview when it is ready. An edit that keeps the link keeps its preview;
 * one that changes it asks again; one that removes it removes the preview.
 */
export async function requestLinkPreview(tx: Tx, postId: number, text: string): Promise<void> {
  const url = firstLinkOf(text);
  if (url === null) {
    await tx.execute(sql`DELETE FROM post_link_previews WHERE post_id = ${postId}`);
    return;
  }
  await tx.execute(sql`
    INSERT INTO post_link_previews (post_id, url) VALUES (${postId}, ${url})
    ON CONFLICT (post_id) DO UPDATE
       SET url = EXCLUDED.url, status = 'pending', attempts = 0, failure = NULL, canonical_url = NULL, title = NULL,
           description = NULL, site_name = NULL, image = NULL, image_width = NULL, image_height = NULL, image_etag = NULL,
           due_at = now(), fetched_at = NULL
     WHERE post_link_previews.url <> EXCLUDED.url`);
}
