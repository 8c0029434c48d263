import { describe, expect, it } from 'vitest';
import { BLAU_BINS } from '../../garden/diversity.ts';
import { assembleGarden, TOP_VALUES } from './garden.ts';
import type { GardenRow } from './network.ts';

const row = (r: Partial<GardenRow>): GardenRow => ({
  industry: null, function: null, careerStage: null, location: null, ageBand: null, orgSlug: null, orgName: null,
  industryText: '', functionText: '', locationText: '', ...r,
});

describe('assembling a garden', () => {
  it('groups spellings, counts unknowns apart, and leaves them out of Blau and Shannon', () => {
    const rows = [
      row({ location: 'milan', locationText: 'Milan' }),
      row({ location: 'milan', locationText: 'Milan' }),
      row({ location: 'milan', locationText: 'milan' }),
      row({ location: 'rome', locationText: 'Rome' }),
      row({}),
    ];
    const garden = assembleGarden(rows, new Map());
    const location = garden.dimensions.find((d) => d.name === 'location')!;
    expect(location.counts).toEqual([
      { value: 'milan', label: 'Milan', count: 3, kind: 'value' },
      { value: 'rome', label: 'Rome', count: 1, kind: 'value' },
      { value: null, label: 'unknown', count: 1, kind: 'unknown' },
    ]);
    expect(location).toMatchObject({ known: 4, unknown: 1, baseline: null });
    expect(location.blau).toBeCloseTo(1 - (0.75 ** 2 + 0.25 ** 2));
    expect(garden.connections).toBe(5);
    expect(garden.dimensions.map((d) => d.name)).toEqual(['industry', 'function', 'careerStage', 'location', 'organisation', 'ageBand']);
    expect(garden.gaps).toEqual([{ code: 'garden.mostly_one', params: { dimension: 'location', value: 'Milan', percent: 75 }, widen: { notLocation: 'Milan' } }]);
  });

  it('sums the values past the top ones as "other", and places the member in the baseline', () => {
    const rows = Array.from({ length: TOP_VALUES + 3 }, (_, i) => row({ industry: `i${i}`, industryText: `I${i}` }));
    const bins = new Array<number>(BLAU_BINS).fill(0);
    bins[0] = 3;
    const garden = assembleGarden(rows, new Map([['industry', { bins, members: 3, median: 0 }]]));
    const industry = garden.dimensions[0]!;
    expect(industry.counts).toHaveLength(TOP_VALUES + 1);
    expect(industry.counts.at(-1)).toEqual({ value: null, label: 'other', count: 3, kind: 'other' });
    expect(industry.baseline).toEqual({ percentile: 100, median: 0, members: 3 });
  });
});
