import { describe, expect, it } from 'vitest';
import { computeShares, degreeAtStart, type OriginFacts, originsOf, unionOrigins } from './shares.ts';

const met = (f: Partial<OriginFacts> = {}): OriginFacts => ({
  connected: true,
  context: 'search',
  degreeAtSend: null,
  openInvitation: false,
  viaPosts: false,
  importedContact: false,
  ...f,
});

describe('originsOf', () => {
  it('names no origin for a connection from a search at an unknown degree', () => {
    expect(originsOf(met())).toEqual([]);
  });

  it('counts a 2nd or 3rd degree at send as a weak tie, and neither 0 (beyond) nor unknown', () => {
    expect(originsOf(met({ degreeAtSend: 2 }))).toEqual(['weak_tie']);
    expect(originsOf(met({ degreeAtSend: 3 }))).toEqual(['weak_tie']);
    expect(originsOf(met({ degreeAtSend: 0 }))).toEqual([]);
    expect(originsOf(met({ degreeAtSend: null }))).toEqual([]);
  });

  it('names every way a relationship began, in the report order', () => {
    expect(originsOf(met({ context: 'introduction', degreeAtSend: 3, openInvitation: true }))).toEqual(['weak_tie', 'introduction', 'open_invitation']);
    expect(originsOf(met({ context: 'comment' }))).toEqual(['posts']);
    expect(originsOf(met({ viaPosts: true }))).toEqual(['posts']);
    expect(originsOf(met({ context: 'import' }))).toEqual(['import']);
    expect(originsOf(met({ importedContact: true }))).toEqual(['import']);
  });

  it('counts a person I am not connected to, without a weak tie at the time', () => {
    expect(originsOf(met({ connected: false, context: null, degreeAtSend: 2 }))).toEqual(['not_connected']);
    expect(originsOf(met({ connected: false, context: null, importedContact: true }))).toEqual(['import', 'not_connected']);
  });
});

describe('degreeAtStart', () => {
  it('words the stored degree', () => {
    expect([2, 3, 0, null].map(degreeAtStart)).toEqual(['2', '3', 'beyond', 'unknown']);
  });
});

describe('computeShares', () => {
  it('is all zeros for an empty log', () => {
    const s = computeShares([]);
    expect(s.total).toBe(0);
    expect(s.shares.every((x) => x.count === 0 && x.share === 0 && x.valueShare === null)).toBe(true);
  });

  it('counts an opportunity once per origin, overlapping, with the rest as other', () => {
    const s = computeShares([
      { value: null, origins: ['weak_tie', 'introduction'] },
      { value: null, origins: unionOrigins([['weak_tie'], ['weak_tie', 'posts']]) },
      { value: null, origins: ['import'] },
      { value: null, origins: [] },
      { value: null, origins: [] },
    ]);
    const by = Object.fromEntries(s.shares.map((x) => [x.origin, x]));
    expect(s.total).toBe(5);
    expect(by.weak_tie).toMatchObject({ count: 2, share: 0.4, valueShare: null });
    expect(by.posts!.count).toBe(1);
    expect(by.introduction!.count).toBe(1);
    expect(by.import!.share).toBeCloseTo(0.2);
    expect(by.open_invitation!.count).toBe(0);
    expect(s.other).toBe(2);
  });

  it('weighs by value over the opportunities that carry one', () => {
    const s = computeShares([
      { value: 9000, origins: ['introduction'] },
      { value: 1000, origins: ['weak_tie'] },
      { value: null, origins: ['weak_tie'] },
    ]);
    const by = Object.fromEntries(s.shares.map((x) => [x.origin, x]));
    expect(s).toMatchObject({ total: 3, totalValue: 10000, valued: 2 });
    expect(by.introduction).toMatchObject({ count: 1, value: 9000, valueShare: 0.9 });
    expect(by.weak_tie).toMatchObject({ count: 2, value: 1000, valueShare: 0.1 });
    expect(by.weak_tie!.share).toBeCloseTo(2 / 3);
  });

  it('gives no value share when every value given is zero', () => {
    expect(computeShares([{ value: 0, origins: ['posts'] }]).shares[1]).toMatchObject({ origin: 'posts', valueShare: null });
  });
});
