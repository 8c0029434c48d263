/**
 * Hands committed events to the members' open streams: every process's events, through the dispatcher (on a
 * server, fed by the outbox follower: events/remote.ts). Live only: a processor with no saved
 * position, since a stream that reconnects is replayed what it missed from the outbox (replay.ts), and
 * handling is a few map look-ups (plus, for a new post with someone online to tell, the author's blocks
 * from the read caches).
 */
import type { Processor } from '../events/processor.ts';
import type { StoredEvent } from '../events/types.ts';
import { type FeedGraph, onlineFeedReaders } from './feed-audience.ts';
import { LIVE_KINDS, liveMessagesFor } from './routing.ts';
import type { LiveMessage, LiveStreams } from './streams.ts';

/** What routing a new post to its readers needs: the graph index, and a member's blocks both ways. */
export interface FeedRouting {
  graph: FeedGraph;
  /** Everyone on either side of a block with the member (viewer standing, cached). */
  blocksOf(memberId: number): Promise<ReadonlySet<number>>;
}

export class LiveUpdatesProcessor implements Processor {
  readonly name = 'live-updates';
  readonly kinds = LIVE_KINDS;

  constructor(
    private readonly streams: LiveStreams,
    private readonly feed: FeedRouting,
  ) {}

  handle(event: StoredEvent): void | Promise<void> {
    for (const { memberId, message } of liveMessagesFor(event)) this.streams.send(memberId, message);
    if (event.kind === 'post.created') return this.announcePost(event);
  }

  /**
   * What one member would have been told of an event, had their stream been open: the same routing as
   * live delivery (replaying what a reconnecting stream missed: replay.ts), with the graph and blocks as
   * they are now.
   */
  async messagesFor(memberId: number, event: StoredEvent): Promise<LiveMessage[]> {
    const found = liveMessagesFor(event)
      .filter((m) => m.memberId === memberId)
      .map((m) => m.message);
    if (event.kind === 'post.created') {
      const post = event as StoredEvent<'post.created'>;
      const alone = { memberCount: () => 1, members: () => [memberId], has: (id: number) => id === memberId };
      if (onlineFeedReaders(post.actorId, post.data.visibility, this.feed.graph, alone).length > 0 && !(await this.feed.blocksOf(post.actorId)).has(memberId)) {
        found.push({ id: post.id, type: 'post', data: { postId: post.data.postId } });
      }
    }
    return found;
  }

  /** "N new posts": each online reader of the author's feed learns the post's id (the page loads it when asked). */
  private async announcePost(event: StoredEvent<'post.created'>): Promise<void> {
    const readers = onlineFeedReaders(event.actorId, event.data.visibility, this.feed.graph, this.streams);
    if (readers.length === 0) return;
    const blocked = await this.feed.blocksOf(event.actorId);
    const message = { id: event.id, type: 'post' as const, data: { postId: event.data.postId } };
    for (const memberId of readers) if (!blocked.has(memberId)) this.streams.send(memberId, message);
  }
}
