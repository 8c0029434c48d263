/**
 * Images on posts and messages, and link previews: the API's shapes (docs/feed.md, "Images" and "Link
 * previews"). An image is uploaded first (`POST /api/v1/media`, multipart) and then attached by its id to a
 * post or a message, with its alt text; one that is never attached expires.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { bigId, text } from './primitives.ts';

/** The answer to an upload: the image as stored (re-encoded to WebP), its own URL, and when it expires unless attached. */
export const imageUploaded = z.object({
  id: z.number(),
  url: z.string(),
  width: z.number(),
  height: z.number(),
  expiresAt: z.string(),
});
export type ImageUploaded = z.infer<typeof imageUploaded>;

/** An uploaded image to attach, with what it shows in words for those who cannot see it (may be empty for a decorative image). */
export const imageAttach = z.strictObject({ id: bigId, alt: text(LIMITS.imageAltMax).default('') });
export type ImageAttach = z.infer<typeof imageAttach>;

/** An image as a post or message carries it: its URL (served only to those who may see the post or message), alt text and size. */
export const imageView = z.object({
  id: z.number(),
  url: z.string(),
  alt: z.string(),
  width: z.number(),
  height: z.number(),
});
export type ImageView = z.infer<typeof imageView>;

/**
 * The preview of the first link in a post, read by the server from the page's Open Graph and Twitter card
 * tags. `url` is the link as the post has it (what a client links to); `canonicalUrl` what the page calls
 * itself. The image, when there is one, was fetched and re-encoded by the server and is served from it, so
 * no reader's browser asks the linked site for anything.
 */
export const linkPreviewView = z.object({
  url: z.string(),
  canonicalUrl: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  siteName: z.string().nullable(),
  image: z.object({ url: z.string(), width: z.number(), height: z.number() }).nullable(),
});
export type LinkPreviewView = z.infer<typeof linkPreviewView>;
