import { sql } from 'drizzle-orm';
import { firstLinkOf } from '../../../common/post-text.ts';
import { rows, type Tx } from '../../db/connection.ts';
import { enqueueJob } from '../../jobs/enqueue.ts';
import { LINK_PREVIEW_ATTEMPTS } from '../../jobs/kinds.ts';

/**
 * Asks for the preview of a post's first link, inside the transaction that writes the post's text: a
 * 'pending' row and the `link-preview.refresh` job that fetches it after commit (jobs/link-previews.ts), so
 * the post is answered at once and shows its preview when it is ready. An edit that keeps the link keeps
 * its preview (and enqueues nothing); one that changes it asks again; one that removes it removes the
 * preview (a job still queued for the old link then finds nothing to do).
 */
export async function requestLinkPreview(tx: Tx, postId: number, text: string): Promise<void> {
  const url = firstLinkOf(text);
  if (url === null) {
    await tx.execute(sql`DELETE FROM post_link_previews WHERE post_id = ${postId}`);
    return;
  }
  const asked = await rows<{ post_id: string | number }>(
    tx,
    sql`
    INSERT INTO post_link_previews (post_id, url) VALUES (${postId}, ${url})
    ON CONFLICT (post_id) DO UPDATE
       SET url = EXCLUDED.url, status = 'pending', attempts = 0, failure = NULL, canonical_url = NULL, title = NULL,
           description = NULL, site_name = NULL, image = NULL, image_width = NULL, image_height = NULL, image_etag = NULL,
           fetched_at = NULL
     WHERE post_link_previews.url <> EXCLUDED.url
    RETURNING post_id`,
  );
  if (asked.length > 0) await enqueueJob(tx, 'link-preview.refresh', { postId }, { maxAttempts: LINK_PREVIEW_ATTEMPTS });
}
