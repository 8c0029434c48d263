import { describe, expect, it } from 'vitest';
import type { ReactionSummary } from '../../api/posts.ts';
import { applyReaction, kindsByCount, toggledReaction } from './reactions.ts';

const summary = (byKind: Partial<ReactionSummary['byKind']>, mine: ReactionSummary['mine'] = null): ReactionSummary => ({
  total: Object.values(byKind).reduce((a, b) => a + (b ?? 0), 0),
  byKind: byKind as ReactionSummary['byKind'],
  mine,
});

describe('applyReaction (the optimistic summary)', () => {
  it('adds a first reaction to its kind and the total', () => {
    expect(applyReaction(summary({ celebrate: 2 }), 'like')).toEqual({ total: 3, byKind: { celebrate: 2, like: 1 }, mine: 'like' });
  });

  it('moves a changed reaction from the old kind to the new one, the total unchanged', () => {
    expect(applyReaction(summary({ like: 3, funny: 1 }, 'like'), 'funny')).toEqual({ total: 4, byKind: { like: 2, funny: 2 }, mine: 'funny' });
  });

  it('takes a reaction back', () => {
    expect(applyReaction(summary({ like: 1 }, 'like'), null)).toEqual({ total: 0, byKind: { like: 0 }, mine: null });
  });

  it('leaves the summary as it is when nothing changes, and never counts below zero', () => {
    const same = summary({ like: 1 }, 'like');
    expect(applyReaction(same, 'like')).toBe(same);
    // A stale summary (the server had already dropped the count) must not show -1.
    expect(applyReaction({ total: 0, byKind: {} as ReactionSummary['byKind'], mine: 'support' }, null)).toEqual({ total: 0, byKind: { support: 0 }, mine: null });
  });
});

describe('toggledReaction (a click on the main button)', () => {
  it('likes when there is no reaction, and takes back any kind', () => {
    expect(toggledReaction(null)).toBe('like');
    expect(toggledReaction('like')).toBeNull();
    expect(toggledReaction('insightful')).toBeNull();
  });
});

describe('kindsByCount', () => {
  it('lists the kinds with reactions, most first, ties in LinkedIn’s order', () => {
    expect(kindsByCount(summary({ funny: 2, like: 2, insightful: 5, celebrate: 0 }))).toEqual([
      { kind: 'insightful', count: 5 },
      { kind: 'like', count: 2 },
      { kind: 'funny', count: 2 },
    ]);
    expect(kindsByCount(summary({}))).toEqual([]);
  });
});
