/**
 * How the Top order ranks the feed (docs/feed.md, "Top"): pure functions over what top.ts read, so the order
 * depends only on those facts (deterministic, and tested without a database).
 *
 * Each candidate post gets an *effective time*: the time it was posted, moved later by the engagement it drew,
 * and the feed shows the newest effective time first:
 *
 *   effective(p) = posted(p) + min(48 h, 6 h · log2(1 + E(p)))
 *   E(p)         = Σ over the viewer's people u who engaged with p:  w(u) · (1 if u reacted + 2 if u commented)
 *                  + 0.1 · (the post's other reactions and comments, by anyone else)
 *   w(u)         = 1 for a connection, 0.5 for someone the viewer follows without being connected
 *
 * "The viewer's people" are their connections and the members they follow; the post's author and the viewer
 * themself never count. Each doubling of the engagement is worth six hours of freshness: one connection's like
 * moves a post up as if it were posted six hours later, three of them twelve hours, a comment counts as two
 * likes, and ten reactions from outside the viewer's network count as one from a connection. The boost stops
 * at two days so nothing stays on top for long, and, since the effective time does not depend on the moment
 * of reading, the order changes only when engagement does.
 *
 * This is the exponential-decay score (1 + E) · 2^(−age / 6 h) written as a time: log2 of it is
 * log2(1 + E) − age / 6 h, which orders posts as effective(p) does.
 */

/** The candidates: the newest posts of the feed, at most this many… */
export const TOP_WINDOW_POSTS = 100;
/** …and none older than this. Older posts follow in the recent order. */
export const TOP_WINDOW_MS = 3 * 86_400_000;
/** Freshness one doubling of engagement is worth. */
export const BOOST_PER_DOUBLING_MS = 6 * 3_600_000;
export const MAX_BOOST_MS = 48 * 3_600_000;
export const CONNECTION_WEIGHT = 1;
export const FOLLOWED_WEIGHT = 0.5;
export const REACTION_POINTS = 1;
export const COMMENT_POINTS = 2;
/** The weight of each reaction or comment by someone outside the viewer's people. */
export const OTHERS_WEIGHT = 0.1;

/** A candidate post, with its counters. */
export interface WindowPost {
  id: number;
  authorId: number;
  createdAtMs: number;
  /** All its reactions and comments, by anyone (the post's counters). */
  reactions: number;
  comments: number;
}

/** One of the viewer's people and what they did on one candidate. */
export interface Engager {
  postId: number;
  memberId: number;
  reacted: boolean;
  commented: boolean;
  /** Connected to the viewer (else followed by them). */
  connected: boolean;
  /** Their latest reaction or comment on it. */
  atMs: number;
}

/** A candidate as ranked: its effective time, and the viewer's people who engaged with it, the most telling first. */
export interface RankedPost {
  id: number;
  effectiveMs: number;
  engagers: Engager[];
}

/** The most telling first: connections before followed members, a comment before a reaction, the latest first. */
function compareEngagers(a: Engager, b: Engager): number {
  return Number(b.connected) - Number(a.connected) || Number(b.commented) - Number(a.commented) || b.atMs - a.atMs || a.memberId - b.memberId;
}

/** The engagement E(p) of one post (see the module comment), from its people and its counters. */
export function engagementOf(post: WindowPost, engagers: readonly Engager[]): number {
  let mine = 0;
  let reactions = 0;
  let comments = 0;
  for (const e of engagers) {
    const points = (e.reacted ? REACTION_POINTS : 0) + (e.commented ? COMMENT_POINTS : 0);
    mine += (e.connected ? CONNECTION_WEIGHT : FOLLOWED_WEIGHT) * points;
    if (e.reacted) reactions++;
    if (e.commented) comments++;
  }
  // What remains of the counters once the viewer's people are taken out (a person's several comments count once above).
  const others = Math.max(0, post.reactions - reactions) + Math.max(0, post.comments - comments);
  return mine + OTHERS_WEIGHT * others;
}

/** How much later than its posting time a post with this engagement counts. */
export function boostMs(engagement: number): number {
  return Math.min(MAX_BOOST_MS, BOOST_PER_DOUBLING_MS * Math.log2(1 + Math.max(0, engagement)));
}

/**
 * Ranks the candidates: newest effective time first, then the newer id. `engagers` may hold anyone; the
 * post's author and the viewer are left out here, so they never raise a post nor appear as its social proof.
 */
export function rankWindow(viewerId: number, posts: readonly WindowPost[], engagers: readonly Engager[]): RankedPost[] {
  const byPost = new Map<number, Engager[]>();
  const authorOf = new Map(posts.map((p) => [p.id, p.authorId]));
  for (const e of engagers) {
    if (e.memberId === viewerId || e.memberId === authorOf.get(e.postId)) continue;
    const list = byPost.get(e.postId);
    if (list) list.push(e);
    else byPost.set(e.postId, [e]);
  }
  return posts
    .map((p) => {
      const mine = (byPost.get(p.id) ?? []).sort(compareEngagers);
      return { id: p.id, effectiveMs: p.createdAtMs + boostMs(engagementOf(p, mine)), engagers: mine };
    })
    .sort((a, b) => b.effectiveMs - a.effectiveMs || b.id - a.id);
}

/** What a post's social proof says: up to `named` people to name, the most telling first, how many in all, and what they did. */
export interface ProofSkeleton {
  /** More than are shown, in order: hydration may leave some out (suspended, blocked since). */
  memberIds: number[];
  total: number;
  action: 'reacted' | 'commented' | 'both';
}

/** The social proof of a ranked post, or null when none of the viewer's people engaged with it. */
export function proofOf(post: RankedPost, candidates: number): ProofSkeleton | null {
  if (post.engagers.length === 0) return null;
  const reacted = post.engagers.some((e) => e.reacted);
  const commented = post.engagers.some((e) => e.commented);
  return {
    memberIds: post.engagers.slice(0, candidates).map((e) => e.memberId),
    total: post.engagers.length,
    action: reacted && commented ? 'both' : commented ? 'commented' : 'reacted',
  };
}
