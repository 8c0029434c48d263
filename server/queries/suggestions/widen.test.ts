import { describe, expect, it } from 'vitest';
import { blau, widen } from './widen.ts';

describe('widen my garden', () => {
  it("computes Blau's index over known categories", () => {
    expect(blau(['a', 'a', 'b', 'b', null])).toBeCloseTo(0.5, 12);
    expect(blau([])).toBe(0);
  });

  it('prefers organisations the network lacks when relevance is close, and keeps a clearly better match', () => {
    const ranked = [
      { id: 1, score: 10, category: 'acme' },
      { id: 2, score: 9.9, category: 'acme' },
      { id: 3, score: 9.8, category: 'acme' },
      { id: 4, score: 9.7, category: 'globex' },
      { id: 5, score: 1, category: 'initech' },
    ];
    const network = ['acme', 'acme', 'acme', 'globex'];
    const picked = widen(ranked, network, 3).map((r) => r.id);
    expect(picked[0]).toBe(4);
    expect(picked).toContain(1);
    expect(blau(picked.map((id) => ranked.find((r) => r.id === id)!.category))).toBeGreaterThan(blau(ranked.slice(0, 3).map((r) => r.category)));
    expect(picked).not.toContain(5);
  });
});
