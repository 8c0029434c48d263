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
