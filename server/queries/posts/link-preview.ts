import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';

/** The re-encoded image of a post's ready link preview, or null. Who may see it is the caller's to check (the post's rule). */
export async function loadPreviewImage(db: DbOrTx, postId: number): Promise<{ content: Buffer; etag: string } | null> {
  const [r] = await rows<{ content: Buffer | Uint8Array; etag: string }>(
    db,
    sql`SELECT image AS content, image_etag AS etag FROM post_link_previews WHERE post_id = ${postId} AND status = 'ready' AND image IS NOT NULL`,
  );
  return r ? { content: Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content), etag: r.etag } : null;
}
