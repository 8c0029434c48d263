import { describe, expect, it } from 'vitest';
import { boostMs, type Engager, engagementOf, MAX_BOOST_MS, proofOf, rankWindow, type WindowPost } from './top-rank.ts';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 5, 1);
const VIEWER = 1;
const postAt = (id: number, hoursAgo: number, counts: Partial<WindowPost> = {}): WindowPost => ({
  id,
  authorId: 100 + id,
  createdAtMs: NOW - hoursAgo * HOUR,
  reactions: 0,
  comments: 0,
  ...counts,
});
const by = (postId: number, memberId: number, e: Partial<Engager> = {}): Engager => ({
  postId,
  memberId,
  reacted: true,
  commented: false,
  connected: true,
  atMs: NOW,
  ...e,
});

describe('the Top order', () => {
  it('is worth six hours per doubling of engagement, up to two days', () => {
    expect(boostMs(0)).toBe(0);
    expect(boostMs(1)).toBe(6 * HOUR);
    expect(boostMs(3)).toBe(12 * HOUR);
    expect(boostMs(1e9)).toBe(MAX_BOOST_MS);
  });

  it("weighs a connection's like as 1, a followed member's as 0.5, a comment as two likes, and ten reactions by others as one", () => {
    const p = postAt(1, 0, { reactions: 12, comments: 1 });
    const engagers = [by(1, 2), by(1, 3, { connected: false }), by(1, 4, { reacted: false, commented: true })];
    // 1 + 0.5 + 2 from the viewer's people; the counters' 12 reactions and 1 comment minus theirs (2 and 1) by others.
    expect(engagementOf(p, engagers)).toBeCloseTo(3.5 + 0.1 * 10);
  });

  it("ranks by effective time, never counting the author's or the viewer's own engagement", () => {
    const posts = [postAt(1, 1), postAt(2, 4), postAt(3, 4, { reactions: 4 })];
    const engagers = [by(2, 7), by(1, VIEWER), by(1, 101, { commented: true })];
    const ranked = rankWindow(VIEWER, posts, engagers);
    // Post 2: four hours old plus six; post 1: one hour old (its author and the viewer do not count, but their
    // reactions remain in its counters: here none); post 3: four hours old with four reactions by others.
    expect(ranked.map((r) => r.id)).toEqual([2, 1, 3]);
    expect(ranked[1]!.engagers).toEqual([]);
    expect(ranked[0]!.effectiveMs).toBe(NOW + 2 * HOUR);
  });

  it('orders social proof connections first, then comments, then the latest, and says what they did', () => {
    const [ranked] = rankWindow(VIEWER, [postAt(1, 0)], [
      by(1, 2, { connected: false, commented: true, reacted: false, atMs: NOW }),
      by(1, 3, { atMs: NOW - HOUR }),
      by(1, 4, { atMs: NOW }),
      by(1, 5, { commented: true, atMs: NOW - 2 * HOUR }),
    ]);
    expect(proofOf(ranked!, 3)).toEqual({ memberIds: [5, 4, 3], total: 4, action: 'both' });
    expect(proofOf({ id: 9, effectiveMs: 0, engagers: [] }, 3)).toBeNull();
  });
});
