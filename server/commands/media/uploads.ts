/**
 * Uploaded images (docs/feed.md, "Images"): stored re-encoded, their owner's until attached to a post or a
 * message in that write's transaction, and gone a day later if never attached.
 */
import { sql } from 'drizzle-orm';
import { LIMITS } from '../../../common/limits.ts';
import type { ImageAttach } from '../../../common/schemas/media.ts';
import { type Db, rows, type Tx } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { badRequest } from '../../errors.ts';
import { ImageRefused, MAX_INPUT_PIXELS, reencodeImage } from '../../media/images.ts';
import { bigintArray } from '../../queries/posts/facts.ts';
import { lockMembers } from '../network/locks.ts';

const UPLOAD_TTL_HOURS = LIMITS.uploadTtlHours;
const fresh = sql.raw(`created_at > now() - interval '${UPLOAD_TTL_HOURS} hours'`);
const unattached = sql.raw('post_id IS NULL AND message_id IS NULL');

/** The 400 for an image we refuse, by why: both sizes are named so the message can say them. */
export function imageRefusal(err: ImageRefused) {
  return err.reason === 'too_large'
    ? badRequest('image_too_large', { params: { megabytes: LIMITS.imageBytesMax / 1024 / 1024, megapixels: MAX_INPUT_PIXELS / 1_000_000 } })
    : badRequest('image_unsupported');
}

/** The 400 for a file over LIMITS.imageBytesMax (the multipart reader stops at it). */
export const imageTooLarge = () => imageRefusal(new ImageRefused('too_large'));

async function pendingCount(db: Db | Tx, ownerId: number): Promise<number> {
  const [r] = await rows<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM media WHERE owner_id = ${ownerId} AND ${unattached} AND ${fresh}`);
  return Number(r?.n ?? 0);
}

const tooManyPending = () => badRequest('images_too_many', { key: 'pending', params: { max: LIMITS.pendingImagesMax } });

export interface Uploaded {
  id: number;
  width: number;
  height: number;
  expiresAt: Date;
}

/**
 * Re-encodes an uploaded file (its type read from its content) and stores it as the owner's waiting upload.
 * Nothing is written when it is refused: not an image (400 image_unsupported), too many pixels (400
 * image_too_large), or LIMITS.pendingImagesMax uploads already waiting (400 images_too_many).
 */
export async function uploadImage(db: Db, ownerId: number, bytes: Buffer): Promise<Uploaded> {
  // Cheap refusal first; the count is checked again under the owner's lock below.
  if ((await pendingCount(db, ownerId)) >= LIMITS.pendingImagesMax) throw tooManyPending();
  let image;
  try {
    image = await reencodeImage(bytes, LIMITS.imagePixels);
  } catch (err) {
    if (err instanceof ImageRefused) throw imageRefusal(err);
    throw err;
  }
  return inTransaction(db, async (tx) => {
    await lockMembers(tx, ownerId);
    if ((await pendingCount(tx, ownerId)) >= LIMITS.pendingImagesMax) throw tooManyPending();
    const [r] = await rows<{ id: string | number; createdAt: Date | string }>(
      tx,
      sql`INSERT INTO media (owner_id, content, mime_type, width, height, etag)
          VALUES (${ownerId}, ${image.content}, 'image/webp', ${image.width}, ${image.height}, ${image.etag})
          RETURNING id, created_at AS "createdAt"`,
    );
    const createdAt = new Date(r!.createdAt);
    return { id: Number(r!.id), width: image.width, height: image.height, expiresAt: new Date(createdAt.getTime() + UPLOAD_TTL_HOURS * 3_600_000) };
  });
}

/** Removes one of the owner's waiting uploads (the composer's "remove" before posting). False when there is none by that id. */
export async function removeUpload(db: Db, ownerId: number, id: number): Promise<boolean> {
  const gone = await rows<{ id: string | number }>(db, sql`DELETE FROM media WHERE id = ${id} AND owner_id = ${ownerId} AND ${unattached} RETURNING id`);
  return gone.length > 0;
}

/** Deletes uploads never attached within UPLOAD_TTL_HOURS (the hourly sweep). Returns how many. */
export async function deleteExpiredUploads(db: Db): Promise<number> {
  const gone = await rows<{ id: string | number }>(
    db,
    sql`DELETE FROM media WHERE ${unattached} AND created_at <= now() - ${sql.raw(`interval '${UPLOAD_TTL_HOURS} hours'`)} RETURNING id`,
  );
  return gone.length;
}

/**
 * Locks the owner's waiting uploads among `ids` and throws 400 media_unknown naming the first id that is
 * not one (someone else's, attached already, removed or expired), so the write that attaches them rolls back.
 */
async function lockWaiting(tx: Tx, ownerId: number, ids: readonly number[]): Promise<void> {
  const found = await rows<{ id: string | number }>(
    tx,
    sql`SELECT id FROM media WHERE id = ANY(${bigintArray(ids)}::bigint[]) AND owner_id = ${ownerId} AND ${unattached} AND ${fresh}
        ORDER BY id FOR UPDATE`,
  );
  const mine = new Set(found.map((r) => Number(r.id)));
  const missing = ids.find((id) => !mine.has(id));
  if (missing !== undefined) throw badRequest('media_unknown', { params: { id: missing } });
}

/** Refuses more images than a post carries, before anything is read or written. */
export function checkPostImageCount(images: readonly ImageAttach[] | undefined): void {
  if ((images?.length ?? 0) > LIMITS.postImagesMax) throw badRequest('images_too_many', { key: 'post', params: { max: LIMITS.postImagesMax } });
}

/** Attaches the writer's uploads to their new post, in order, with their alt text (inside the post's transaction). */
export async function attachToPost(tx: Tx, ownerId: number, postId: number, images: readonly ImageAttach[]): Promise<void> {
  if (images.length === 0) return;
  checkPostImageCount(images);
  await lockWaiting(
    tx,
    ownerId,
    images.map((i) => i.id),
  );
  await tx.execute(sql`
    UPDATE media m SET post_id = ${postId}, position = v.position, alt = v.alt
      FROM jsonb_to_recordset(${JSON.stringify(images.map((i, position) => ({ id: i.id, position, alt: i.alt })))}::jsonb)
           AS v(id bigint, position smallint, alt text)
     WHERE m.id = v.id`);
}

/** Attaches the sender's upload to their new message, with its alt text (inside the message's transaction). */
export async function attachToMessage(tx: Tx, ownerId: number, messageId: number, image: ImageAttach): Promise<void> {
  await lockWaiting(tx, ownerId, [image.id]);
  await tx.execute(sql`UPDATE media SET message_id = ${messageId}, alt = ${image.alt} WHERE id = ${image.id}`);
}
