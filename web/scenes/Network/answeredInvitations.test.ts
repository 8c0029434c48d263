import { describe, expect, it } from 'vitest';
import { holdOf, keepInPlace } from './answeredInvitations.ts';

const items = (...ids: number[]) => ids.map((id) => ({ id }));
const ids = (list: { id: number }[]) => list.map((i) => i.id);
/** Answers `answered` (in that order) in a list shown as `shown`, then lays out what the server returns. */
const layout = (shown: number[], answered: number[], server: number[]) => {
  const held = answered.map((id) => holdOf(items(...shown), { id }));
  return ids(keepInPlace(items(...server), held));
};

describe('keepInPlace', () => {
  it('keeps an answered item where it was after the server drops it', () => {
    expect(layout([5, 4, 3, 2], [4], [5, 3, 2])).toEqual([5, 4, 3, 2]);
    expect(layout([5, 4, 3], [5], [4, 3])).toEqual([5, 4, 3]);
    expect(layout([5, 4, 3], [3], [5, 4])).toEqual([5, 4, 3]);
    expect(layout([4], [4], [])).toEqual([4]);
  });

  it('keeps several answered items in their order, whichever was answered first, and takes new items from the server', () => {
    expect(layout([5, 4, 3, 2], [5, 4, 3], [2])).toEqual([5, 4, 3, 2]);
    expect(layout([5, 4, 3, 2], [3, 4], [5, 2])).toEqual([5, 4, 3, 2]);
    expect(layout([5, 4], [4], [6, 5])).toEqual([6, 5, 4]);
    // An item still on the server is shown once, where the server has it.
    expect(layout([5, 4, 3], [4], [5, 4, 3])).toEqual([5, 4, 3]);
  });
});
