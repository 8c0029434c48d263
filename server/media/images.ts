import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';

/**
 * Reading and re-encoding images, for profile photos (commands/profile/photo.ts), images on posts and
 * messages (commands/media/) and link preview images (previews/). The type is decided by decoding the
 * content, never by the file name or the content type a client or a remote server declares; everything is
 * re-encoded to WebP, which drops metadata (EXIF with GPS, XMP, ICC comments) and anything hidden after
 * the picture.
 */

/** The formats accepted on the way in. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif']);
/** Larger pictures are refused before decoding: a 20 kB PNG can claim 50,000 × 50,000 pixels. */
export const MAX_INPUT_PIXELS = 40_000_000;

/** The format the content decodes as, when it is one we accept; null otherwise (text, PDF, SVG, HEIC, garbage). */
export async function sniffImage(bytes: Buffer): Promise<string | null> {
  try {
    const format = (await sharp(bytes).metadata()).format;
    return format && ACCEPTED.has(format) ? format : null;
  } catch {
    return null;
  }
}

export type ImageRefusal = 'unsupported' | 'too_large';

/** Why an image was refused: not an image we read, or a picture over MAX_INPUT_PIXELS. */
export class ImageRefused extends Error {
  constructor(readonly reason: ImageRefusal) {
    super(`image refused: ${reason}`);
  }
}

export interface EncodedImage {
  content: Buffer;
  width: number;
  height: number;
  /** A short content hash, for ETags. */
  etag: string;
}

/**
 * Decodes an image and re-encodes it to WebP, turned upright by its EXIF orientation and fitted inside
 * `maxSide` × `maxSide` (never enlarged). An animated GIF keeps its first frame. Throws ImageRefused.
 */
export async function reencodeImage(bytes: Buffer, maxSide: number): Promise<EncodedImage> {
  if (!(await sniffImage(bytes))) throw new ImageRefused('unsupported');
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new ImageRefused('unsupported');
  }
  if (!meta.width || !meta.height) throw new ImageRefused('unsupported');
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw new ImageRefused('too_large');
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { content: data, width: info.width, height: info.height, etag: contentTag(data) };
  } catch {
    // Truncated or corrupt data past the header: not an image we can read.
    throw new ImageRefused('unsupported');
  }
}

/** A short hash of bytes, for ETags and cache-busting URLs. */
export const contentTag = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('base64url').slice(0, 16);
