/**
 * Posts, the feed, comments and reactions: the API's request and response shapes, shared by the server's
 * routes and the web client (docs/feed.md). Text is stored as the member wrote it; @mentions and #topics are
 * found in it by common/post-text.ts, and the server answers with the ones it resolved, so a client links
 * exactly those and renders everything else as plain text.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import {
  FEED_ORDERS,
  POST_VISIBILITIES,
  REACTION_KINDS,
  SOCIAL_PROOF_ACTIONS,
  SOCIAL_PROOF_NAMED,
  type FeedOrder,
  type PostVisibility,
  type ReactionKind,
  type SocialProofAction,
} from '../posts.ts';
import { textProblemCode } from '../text.ts';
import { imageAttach, imageView, linkPreviewView } from './media.ts';
import { bigId, cursor, fieldIssue, pageLimit, requiredText, text } from './primitives.ts';
import { page, personCard } from './search.ts';

export { FEED_ORDERS, POST_VISIBILITIES, REACTION_KINDS, SOCIAL_PROOF_ACTIONS, type FeedOrder, type PostVisibility, type ReactionKind, type SocialProofAction };
export type { ImageView, LinkPreviewView } from './media.ts';

export const postCreate = z
  .strictObject({
    /** Required, except on a plain repost: with `repostOf`, an empty text shares the post without a comment. */
    text: text(LIMITS.postMax).default(''),
    visibility: z.enum(POST_VISIBILITIES).default('members'),
    /** A repost: the post shared, with `text` as the optional comment. Sharing a repost shares its original. */
    repostOf: bigId.optional(),
    /**
     * Up to LIMITS.postImagesMax uploaded images (`POST /api/v1/media`), in the order shown, each with its alt
     * text. More is 400 images_too_many; an id that is not the writer's waiting upload is 400 media_unknown.
     * Not on a repost.
     */
    images: z
      .array(imageAttach)
      .optional()
      .superRefine((images, ctx) => {
        const seen = new Set<number>();
        images?.forEach((image, i) => {
          if (seen.has(image.id)) ctx.addIssue({ code: 'custom', message: 'is named twice', path: [i, 'id'] });
          seen.add(image.id);
        });
      }),
  })
  .superRefine((post, ctx) => {
    if (post.repostOf !== undefined && post.images?.length) {
      ctx.addIssue({ code: 'custom', path: ['images'], message: 'a repost carries no images of its own' });
    }
    // Any text must show something; only a repost may have none at all.
    if (post.text === '' && post.repostOf !== undefined) return;
    const problem = textProblemCode(post.text, { required: true });
    if (problem) ctx.addIssue({ code: 'custom', path: ['text'], input: post.text, ...fieldIssue(problem) });
  });
export type PostCreate = z.infer<typeof postCreate>;

/** Editing keeps the visibility; the post shows "edited" from then on. */
export const postEdit = z.strictObject({ text: requiredText(LIMITS.postMax) });

export const commentCreate = z.strictObject({
  text: requiredText(LIMITS.commentMax),
  /**
   * A reply to this top-level comment of the post. Replies go one level deep: to answer a reply, send its
   * `parentId` (a reply's own id is 400 comment_parent_invalid).
   */
  parentId: bigId.optional(),
});
export const commentEdit = z.strictObject({ text: requiredText(LIMITS.commentMax) });

export const reactionSet = z.strictObject({ kind: z.enum(REACTION_KINDS) });

/**
 * `recent`: newest first. `top`: the last few days' posts, those the viewer's people engaged with moved up,
 * then older ones newest first (docs/feed.md, "Top"). A Top cursor remembers which of those posts were shown
 * (so none is shown twice however engagement changes between pages), hence its longer limit.
 */
export const feedQuery = z.strictObject({ order: z.enum(FEED_ORDERS).default('recent'), cursor: z.string().max(1500).optional(), limit: pageLimit });

/** A page of a member's posts, a topic's posts, or a post's top-level comments. */
export const postListQuery = z.strictObject({ cursor, limit: pageLimit });

/** Who reacted to a post or comment, newest first; `kind` keeps one kind. */
export const reactorQuery = z.strictObject({ kind: z.enum(REACTION_KINDS).optional(), cursor, limit: pageLimit });

/** A #topic as a path parameter: what topicsOf (common/post-text.ts) finds after `#`, lower-cased. */
export const topicParam = z
  .string()
  .regex(/^[\p{L}\p{N}_]{1,60}$/u, { message: 'must be a topic: letters, digits or underscores' })
  .transform((t) => t.toLowerCase());

/** Counts of each kind, their total, and the viewer's own reaction (null if none). */
export const reactionSummary = z.object({
  total: z.number(),
  /** Every kind, 0 when nobody chose it (an object with a property per kind: OpenAPI tools read a record of an enum badly). */
  byKind: z.object(Object.fromEntries(REACTION_KINDS.map((k) => [k, z.number()])) as Record<ReactionKind, z.ZodNumber>),
  mine: z.enum(REACTION_KINDS).nullable(),
});
export type ReactionSummary = z.infer<typeof reactionSummary>;

/** A member a text mentions, as resolved by the server when the text was saved (blocked pairs left out). */
export const mention = z.object({ handle: z.string(), name: z.string() });

/** What the viewer may do with a post or comment, decided by the server's policies. */
export const itemAbilities = z.object({
  canEdit: z.boolean(),
  canDelete: z.boolean(),
  canReact: z.boolean(),
  canComment: z.boolean(),
  canRepost: z.boolean(),
  canReport: z.boolean(),
});
export type ItemAbilities = z.infer<typeof itemAbilities>;

const postFields = {
  id: z.number(),
  text: z.string(),
  visibility: z.enum(POST_VISIBILITIES),
  author: personCard,
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  mentions: z.array(mention),
  topics: z.array(z.string()),
  reactions: reactionSummary,
  commentCount: z.number(),
  repostCount: z.number(),
  abilities: itemAbilities,
  /** Its images in order, each with alt text; served only to those who may see the post. */
  images: z.array(imageView).optional(),
  /** The preview of the first link in the text, once the server has fetched it (null until then, or when there is none). */
  linkPreview: linkPreviewView.nullable().optional(),
};

/** A post as the viewer may see it. A repost carries the original, or null when it is gone or hidden. */
export const postView = z.object({
  ...postFields,
  repostOf: z.object(postFields).nullable().optional(),
  /**
   * Top order only (absent in the others; null when nobody engaged): the viewer's people (connections and members
   * they follow) who reacted to or commented on it, "Ana and 3 others from your network reacted". `people`: up
   * to two, the most telling first, never anyone the viewer may not see; `total`: all of them, named or not.
   */
  socialProof: z
    .object({ people: z.array(personCard).max(SOCIAL_PROOF_NAMED), total: z.number(), action: z.enum(SOCIAL_PROOF_ACTIONS) })
    .nullable()
    .optional(),
});
export type PostView = z.infer<typeof postView>;

export const feedPage = page(postView);

export const commentView = z.object({
  id: z.number(),
  postId: z.number(),
  parentId: z.number().nullable(),
  /** Empty for a tombstone. */
  text: z.string(),
  /** Null for a tombstone: the author deleted their account, the comment stays so its replies keep their place. */
  author: personCard.nullable(),
  /** A tombstone (its author's account was deleted): text empty, author null, nothing to do but remove it from one's own post. */
  deleted: z.boolean(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  mentions: z.array(mention),
  reactions: reactionSummary,
  abilities: itemAbilities.extend({
    /** Connect or Follow from the comment in one click: the invitation's origin is this comment. */
    canConnect: z.boolean(),
    canFollow: z.boolean(),
  }),
});
export type CommentView = z.infer<typeof commentView>;
export type CommentAbilities = CommentView['abilities'];

/** Top-level comments, oldest first, each with its replies (oldest first). */
export const commentThread = commentView.extend({ replies: z.array(commentView) });
export const commentPage = page(commentThread);

/** Who reacted, each with their kind, degree badge and mutual count. */
export const reactorPage = page(personCard.extend({ kind: z.enum(REACTION_KINDS) }));
