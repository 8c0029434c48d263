/**
 * The fixed vocabularies of posts: plain values with no zod, so the web can import them without pulling
 * the schema library into its bundle (the schemas: common/schemas/posts.ts, which re-exports these).
 */
export const POST_VISIBILITIES = ['members', 'connections', 'followers'] as const;
export type PostVisibility = (typeof POST_VISIBILITIES)[number];

/** LinkedIn's five reactions; one per member per post or comment, changeable. */
export const REACTION_KINDS = ['like', 'celebrate', 'support', 'insightful', 'funny'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

export const FEED_ORDERS = ['recent', 'top'] as const;
export type FeedOrder = (typeof FEED_ORDERS)[number];

/** What the viewer's people did on a post in the Top order: "Ana and 3 others reacted", "…commented", "…reacted or commented". */
export const SOCIAL_PROOF_ACTIONS = ['reacted', 'commented', 'both'] as const;
export type SocialProofAction = (typeof SOCIAL_PROOF_ACTIONS)[number];

/** How many of them a post's social proof names at most; the others are counted. */
export const SOCIAL_PROOF_NAMED = 2;

/**
 * Whom a comment answers: the writer of the comment it replies to (unless that is the writer themself),
 * otherwise the post's author; null when that is the writer too (talking on one's own post to oneself).
 */
export function answeredBy(writerId: number, postAuthorId: number, parentAuthorId: number | null): number | null {
  const answered = parentAuthorId !== null && parentAuthorId !== writerId ? parentAuthorId : postAuthorId;
  return answered === writerId ? null : answered;
}
