import { describe, expect, it } from 'vitest';
import { ageBand, blau, BLAU_BINS, percentileOf, shannon } from './diversity.ts';
import { findGaps } from './gaps.ts';

describe('garden measures', () => {
  it('Blau is 1 − Σp²: 0 when everyone is alike, (k−1)/k for k even groups, null when nobody said', () => {
    expect(blau([5])).toBe(0);
    expect(blau([1, 1])).toBeCloseTo(0.5);
    expect(blau([2, 2, 2, 2])).toBeCloseTo(0.75);
    expect(blau([3, 1])).toBeCloseTo(1 - (0.75 ** 2 + 0.25 ** 2));
    expect(blau([])).toBeNull();
    expect(blau([0, 0])).toBeNull();
  });

  it('Shannon entropy is −Σp ln p: 0 alone, ln k for k even groups', () => {
    expect(Object.is(shannon([4]), 0)).toBe(true);
    expect(shannon([1, 1, 1])).toBeCloseTo(Math.log(3));
    expect(shannon([3, 1])).toBeCloseTo(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)));
    expect(shannon([])).toBeNull();
  });

  it('bands ages by the age turned this year, capped at both ends', () => {
    expect(ageBand(2004, 2026)).toBe('under25');
    expect(ageBand(2001, 2026)).toBe('25to34');
    expect(ageBand(1990, 2026)).toBe('35to44');
    expect(ageBand(1972, 2026)).toBe('45to54');
    expect(ageBand(1962, 2026)).toBe('55to64');
    expect(ageBand(1940, 2026)).toBe('65plus');
  });

  it('places a Blau among the community: members below, half of those in the same bin', () => {
    const bins = new Array<number>(BLAU_BINS).fill(0);
    bins[10] = 2; // two members at 0.10
    bins[50] = 6; // six at 0.50
    bins[90] = 2; // two at 0.90
    expect(percentileOf(0.05, bins)).toBe(0);
    expect(percentileOf(0.5, bins)).toBe(50); // 2 below + 3 of the 6 alike
    expect(percentileOf(0.95, bins)).toBe(100);
    expect(percentileOf(0.9, bins)).toBe(90);
    expect(percentileOf(1, bins)).toBe(100); // the last bin holds 1 too
    expect(percentileOf(0.5, new Array<number>(BLAU_BINS).fill(0))).toBeNull();
  });
});

describe('garden gaps', () => {
  const none = { industry: [], function: [], location: [], careerStage: [] };

  it('says "all in one place" and "mostly one industry", each with the filter that widens it', () => {
    const gaps = findGaps({
      ...none,
      location: [{ value: 'Milan', count: 4 }],
      industry: [{ value: 'Finance', count: 3 }, { value: 'Law', count: 1 }],
      function: [{ value: 'Sales', count: 2 }, { value: 'Design', count: 2 }],
    });
    expect(gaps).toEqual([
      { code: 'garden.all_in_one', params: { dimension: 'location', value: 'Milan', count: 4 }, widen: { notLocation: 'Milan' } },
      { code: 'garden.mostly_one', params: { dimension: 'industry', value: 'Finance', percent: 75 }, widen: { notIndustry: 'Finance' } },
    ]);
  });

  it('names each missing career stage once enough people said theirs, and says nothing from too few', () => {
    const stages = findGaps({ ...none, careerStage: [{ value: 'mid', count: 2 }, { value: 'senior', count: 1 }] });
    expect(stages.map((g) => g.params)).toEqual([{ stage: 'student' }, { stage: 'early' }, { stage: 'executive' }]);
    expect(stages[1]).toMatchObject({ code: 'garden.no_career_stage', widen: { careerStage: 'early' } });
    expect(findGaps({ ...none, careerStage: [{ value: 'mid', count: 2 }], location: [{ value: 'Milan', count: 2 }] })).toEqual([]);
  });
});
