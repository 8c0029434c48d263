import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { LIMITS } from '../../../common/limits.ts';
import type { Tx } from '../../db/connection.ts';
import { memberPhotos, profiles } from '../../db/schema.ts';
import { badRequest, unsupportedMedia } from '../../errors.ts';
import { recordEvent } from '../../events/record.ts';
import { contentTag, MAX_INPUT_PIXELS, sniffImage } from '../../media/images.ts';

/**
 * Stores a profile photo. The type is decided by decoding the content (never by the file name or the
 * client's content type); the image is re-encoded square to WebP, which also drops metadata such as GPS.
 */
export async function savePhoto(tx: Tx, memberId: number, bytes: Buffer): Promise<void> {
  if (!(await sniffImage(bytes))) throw unsupportedMedia('photo');
  let resized: Buffer;
  try {
    resized = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(LIMITS.photoPixels, LIMITS.photoPixels, { fit: 'cover' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw badRequest('invalid_image');
  }
  const etag = contentTag(resized);
  await tx
    .insert(memberPhotos)
    .values({ memberId, content: resized, mimeType: 'image/webp', etag })
    .onConflictDoUpdate({ target: memberPhotos.memberId, set: { content: resized, etag, updatedAt: new Date() } });
  await tx.update(profiles).set({ photoEtag: etag }).where(eq(profiles.memberId, memberId));
  await recordEvent(tx, { kind: 'profile.changed', actorId: memberId, subjectId: memberId, data: { fields: ['photo'] } });
}

export async function removePhoto(tx: Tx, memberId: number): Promise<void> {
  const gone = await tx.delete(memberPhotos).where(eq(memberPhotos.memberId, memberId)).returning({ id: memberPhotos.memberId });
  await tx.update(profiles).set({ photoEtag: null }).where(eq(profiles.memberId, memberId));
  if (gone.length) await recordEvent(tx, { kind: 'profile.changed', actorId: memberId, subjectId: memberId, data: { fields: ['photo'] } });
}
