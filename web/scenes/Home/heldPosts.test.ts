import { describe, expect, it } from 'vitest';
import type { PostView } from '../../api/posts.ts';
import { holdNewPosts, newestOf } from './heldPosts.ts';

const post = (id: number, createdAt: string, handle = 'ana') => ({ id, createdAt, author: { handle } }) as PostView;
const pages = (...lists: PostView[][]) => ({ pages: lists.map((items) => ({ items, nextCursor: null })), pageParams: lists.map(() => undefined) });

describe('holding new posts back', () => {
  const loaded = pages([post(3, '2026-01-01T10:00:00.000Z'), post(2, '2026-01-01T09:00:00.000Z')], [post(1, '2026-01-01T08:00:00.000Z')]);

  it('anchors at the newest post loaded, and at nothing when none is', () => {
    expect(newestOf(loaded)).toBe('2026-01-01T10:00:00.000Z');
    expect(newestOf(pages([]))).toBeNull();
  });

  it('keeps the list as it was when a reload brings newer posts, and counts them with the announced ones', () => {
    const reloaded = pages([post(5, '2026-01-01T11:30:00.000Z'), post(4, '2026-01-01T11:00:00.000Z'), post(3, '2026-01-01T10:00:00.000Z')], [post(2, '2026-01-01T09:00:00.000Z'), post(1, '2026-01-01T08:00:00.000Z')]);
    const held = holdNewPosts(reloaded, '2026-01-01T10:00:00.000Z', 'me', new Set([5, 6]));
    expect(held.data?.pages.flatMap((p) => p.items.map((i) => i.id))).toEqual([3, 2, 1]);
    // 4 and 5 reloaded, 6 only announced so far.
    expect(held.waiting).toBe(3);
  });

  it("never holds the member's own post, and does not count an announced post already shown", () => {
    const reloaded = pages([post(7, '2026-01-01T12:00:00.000Z', 'me'), post(3, '2026-01-01T10:00:00.000Z')]);
    const held = holdNewPosts(reloaded, '2026-01-01T10:00:00.000Z', 'me', new Set([3]));
    expect(held.data?.pages[0]?.items.map((i) => i.id)).toEqual([7, 3]);
    expect(held.waiting).toBe(0);
    expect(held.data).toBe(reloaded);
  });

  it('holds nothing without an anchor (an empty feed, or while showing them)', () => {
    expect(holdNewPosts(loaded, null, 'me', new Set()).data).toBe(loaded);
  });
});
