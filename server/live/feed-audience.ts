/**
 * Who hears of a new post live ("N new posts" on their feed): the members whose home feed it enters and who
 * have a stream open in this process. The feed is follow-based (docs/feed.md), so that is the author's
 * followers, narrowed by the post's visibility: a post for connections only reaches followers who are
 * connected to the author. Never the author (their page shows the post already), never anyone on either side
 * of a block with them.
 *
 * Cost: the followers (the graph index's set, in memory) are intersected with the members who have a stream
 * open here, walking the smaller of the two with a set test or a follow test per member; so an author with
 * 10,000 followers of whom 30 are online costs 30 look-ups, and a process with 1,000 open streams never walks
 * more than 1,000. No query per follower: the author's blocks are one cached read (viewer standing), made
 * only when somebody is left to tell.
 */
import type { PostVisibility } from '../../common/posts.ts';

/** The graph index's answers the routing needs, synchronous (the main thread's follow sets and CSR rows). */
export interface FeedGraph {
  followerCount(authorId: number): number;
  followers(authorId: number): Iterable<number>;
  isFollowing(followerId: number, authorId: number): boolean;
  isConnected(a: number, b: number): boolean;
}

/** The members with a stream open in this process. */
export interface OpenStreams {
  memberCount(): number;
  members(): Iterable<number>;
  has(memberId: number): boolean;
}

/**
 * The members with an open stream whose feed a new post of `authorId` enters, before blocks (the caller
 * removes those): followers, and for `connections` only the followers connected to the author.
 */
export function onlineFeedReaders(authorId: number, visibility: PostVisibility, graph: FeedGraph, streams: OpenStreams): number[] {
  const found: number[] = [];
  const fits = (id: number) => id !== authorId && (visibility !== 'connections' || graph.isConnected(id, authorId));
  if (streams.memberCount() < graph.followerCount(authorId)) {
    for (const id of streams.members()) if (graph.isFollowing(id, authorId) && fits(id)) found.push(id);
  } else {
    for (const id of graph.followers(authorId)) if (streams.has(id) && fits(id)) found.push(id);
  }
  return found;
}

/** The routing's view of the app's graph index: the main thread's follow sets and connection rows, read as they are now. */
export function feedGraphOf(graph: { csrIndex: { graph: { hasEdge(a: number, b: number): boolean; follows: FollowSets } } }): FeedGraph {
  const g = () => graph.csrIndex.graph;
  return {
    followerCount: (authorId) => g().follows.followerCount(authorId),
    followers: (authorId) => g().follows.followerSet(authorId),
    isFollowing: (followerId, authorId) => g().follows.isFollowing(followerId, authorId),
    isConnected: (a, b) => g().hasEdge(a, b),
  };
}

interface FollowSets {
  followerCount(b: number): number;
  followerSet(b: number): ReadonlySet<number>;
  isFollowing(a: number, b: number): boolean;
}
