/**
 * A member's garden (issue 15): their connections counted by each self-declared dimension, Blau and Shannon
 * per dimension, where that stands in the community's baseline, and the gaps in words. Private to the
 * member: the route only ever asks for the signed-in member's own.
 */
import type { CareerStage } from '../../../common/limits.ts';
import { blau, GARDEN_DIMENSIONS, type GardenDimension, percentileOf, shannon } from '../../garden/diversity.ts';
import { findGaps, type Gap, type ValueCount } from '../../garden/gaps.ts';
import type { Baseline } from './baseline.ts';
import type { GardenRow } from './network.ts';

/** Values listed by name per dimension; the rest are summed as one "other" entry (a chart of 900 bars says nothing). */
export const TOP_VALUES = 12;

export interface GardenCount {
  /** The grouped value (lower-cased text, a code, an organisation's slug); null for "other" and "unknown". */
  value: string | null;
  /** How to show it: the most common spelling, the organisation's name, or the code (the web words codes). */
  label: string;
  count: number;
  kind: 'value' | 'other' | 'unknown';
}

export interface GardenDimensionView {
  name: GardenDimension;
  /** Biggest first, then "other", then "unknown"; together they are every counted connection. */
  counts: GardenCount[];
  known: number;
  unknown: number;
  /** Over the known values only (null when nobody said). */
  blau: number | null;
  shannon: number | null;
  /** Share (0–100) of members whose network is less varied in this dimension, and the community's median Blau. */
  baseline: { percentile: number; median: number | null; members: number } | null;
}

export interface Garden {
  connections: number;
  dimensions: GardenDimensionView[];
  gaps: Gap[];
}

interface Grouped {
  key: string;
  count: number;
  spellings: Map<string, number>;
}

/** Groups one dimension's values; the label is the most common spelling. */
function group(rows: readonly GardenRow[], pick: (r: GardenRow) => [key: string | null, spelling: string]): { values: Grouped[]; unknown: number } {
  const byKey = new Map<string, Grouped>();
  let unknown = 0;
  for (const r of rows) {
    const [key, spelling] = pick(r);
    if (key === null) {
      unknown += 1;
      continue;
    }
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { key, count: 0, spellings: new Map() }));
    g.count += 1;
    g.spellings.set(spelling, (g.spellings.get(spelling) ?? 0) + 1);
  }
  // Ties in code-unit order: deterministic, and no collator call (thousands of organisations per garden).
  const values = [...byKey.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { values, unknown };
}

/** Ties go to the spelling first in code-unit order, so capitalised beats lower-case ("Milan" over "milan") and the label never depends on row order. */
function labelOf(g: Grouped): string {
  let label = '', most = -1;
  for (const [spelling, n] of g.spellings) {
    if (n > most || (n === most && spelling < label)) {
      label = spelling;
      most = n;
    }
  }
  return label;
}

const PICK: Record<GardenDimension, (r: GardenRow) => [string | null, string]> = {
  industry: (r) => [r.industry, r.industryText],
  function: (r) => [r.function, r.functionText],
  careerStage: (r) => [r.careerStage, r.careerStage ?? ''],
  location: (r) => [r.location, r.locationText],
  organisation: (r) => [r.orgSlug, r.orgName ?? ''],
  ageBand: (r) => [r.ageBand, r.ageBand ?? ''],
};

/** Puts the loaded rows and the community baseline together; pure, so it is tested without a database. */
export function assembleGarden(rows: readonly GardenRow[], baselines: ReadonlyMap<GardenDimension, Baseline>): Garden {
  const known: Partial<Record<GardenDimension, ValueCount[]>> = {};
  const dimensions = GARDEN_DIMENSIONS.map((name): GardenDimensionView => {
    const { values, unknown } = group(rows, PICK[name]);
    known[name] = values.map((g) => ({ value: labelOf(g), count: g.count }));
    const counts = values.slice(0, TOP_VALUES).map((g, i): GardenCount => ({ value: g.key, label: known[name]![i]!.value, count: g.count, kind: 'value' }));
    const rest = values.slice(TOP_VALUES).reduce((s, g) => s + g.count, 0);
    if (rest > 0) counts.push({ value: null, label: 'other', count: rest, kind: 'other' });
    if (unknown > 0) counts.push({ value: null, label: 'unknown', count: unknown, kind: 'unknown' });
    const all = values.map((g) => g.count);
    const b = blau(all);
    const total = all.reduce((s, n) => s + n, 0);
    const base = baselines.get(name);
    // The baseline counts members with at least two known values (commands/garden/baseline.ts): compare like with like.
    const percentile = b !== null && total >= 2 && base ? percentileOf(b, base.bins) : null;
    return {
      name,
      counts,
      known: total,
      unknown,
      blau: b,
      shannon: shannon(all),
      baseline: percentile === null || !base ? null : { percentile, median: base.median, members: base.members },
    };
  });
  const gaps = findGaps({
    careerStage: (known.careerStage ?? []).map((v) => ({ value: v.value as CareerStage, count: v.count })),
    industry: known.industry ?? [],
    function: known.function ?? [],
    location: known.location ?? [],
  });
  return { connections: rows.length, dimensions, gaps };
}
