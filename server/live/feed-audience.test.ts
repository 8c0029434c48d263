import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../events/types.ts';
import { type FeedGraph, onlineFeedReaders, type OpenStreams } from './feed-audience.ts';
import { LiveUpdatesProcessor } from './live-processor.ts';
import { type LiveMessage, LiveStreams } from './streams.ts';
import { Registry } from 'prom-client';

const AUTHOR = 1;

/** A graph where `followers` follow the author and `connected` are connected to them, counting every look-up. */
function countingGraph(followers: Iterable<number>, connected: Iterable<number> = []) {
  const set = new Set(followers);
  const links = new Set(connected);
  const calls = { iterated: 0, tests: 0 };
  const graph: FeedGraph = {
    followerCount: (a) => (a === AUTHOR ? set.size : 0),
    *followers(a) {
      if (a !== AUTHOR) return;
      for (const id of set) {
        calls.iterated++;
        yield id;
      }
    },
    isFollowing: (f, a) => (calls.tests++, a === AUTHOR && set.has(f)),
    isConnected: (x, y) => (y === AUTHOR && links.has(x)) || (x === AUTHOR && links.has(y)),
  };
  return { graph, calls };
}

function streamsOf(ids: number[]): OpenStreams & { tests: number } {
  const set = new Set(ids);
  const s = {
    tests: 0,
    memberCount: () => set.size,
    members: () => set.values(),
    has: (id: number) => (s.tests++, set.has(id)),
  };
  return s;
}

describe('who hears of a new post live', () => {
  it('walks the open streams, not the 10,000 followers, when few are online', () => {
    const { graph, calls } = countingGraph(Array.from({ length: 10_000 }, (_, i) => i + 100));
    const online = streamsOf([150, 9_000, 20_000, AUTHOR]);
    expect(onlineFeedReaders(AUTHOR, 'members', graph, online).sort((a, b) => a - b)).toEqual([150, 9_000]);
    expect(calls.iterated).toBe(0);
    expect(calls.tests).toBe(4);
  });

  it('walks the followers when they are fewer than the open streams', () => {
    const { graph, calls } = countingGraph([5, 6, 7]);
    const online = streamsOf(Array.from({ length: 1_000 }, (_, i) => i + 2));
    expect(onlineFeedReaders(AUTHOR, 'followers', graph, online)).toEqual([5, 6, 7]);
    expect(calls.iterated).toBe(3);
    expect(online.tests).toBe(3);
  });

  it('keeps a post for connections only to the followers connected to the author', () => {
    const { graph } = countingGraph([5, 6, 7], [6]);
    expect(onlineFeedReaders(AUTHOR, 'connections', graph, streamsOf([5, 6, 7]))).toEqual([6]);
  });

  it("tells no one across a block with the author, even were the follow graph to say they follow", async () => {
    const { graph } = countingGraph([5, 6]);
    const streams = new LiveStreams(new Registry());
    const got: [number, LiveMessage][] = [];
    for (const id of [5, 6, AUTHOR]) streams.add(id, { write: (m) => got.push([id, m]), close: () => undefined });
    const processor = new LiveUpdatesProcessor(streams, { graph, blocksOf: async (id) => new Set(id === AUTHOR ? [6] : []) });
    const event = {
      id: 77,
      kind: 'post.created',
      createdAt: new Date(),
      actorId: AUTHOR,
      subjectId: null,
      data: { postId: 9, visibility: 'members', repostOf: null, mentioned: [] },
    } as StoredEvent<'post.created'>;
    await processor.handle(event);
    expect(got).toEqual([[5, { id: 77, type: 'post', data: { postId: 9 } }]]);
  });
});
