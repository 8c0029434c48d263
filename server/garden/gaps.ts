/**
 * Gaps in words (issue 15): what a member's network lacks, as stable codes with parameters that the web
 * words in the member's language, each with the people-you-may-know filter that would widen it. Pure: it is
 * handed the counts the garden query loaded.
 *
 * The rules stay few and plain, so a member can check each one against their own chart:
 * - `garden.no_career_stage`: nobody at a career stage (the students, early-career, mid-career, senior and
 *   executive stages; retired people are not a gap to fill), once enough people said theirs to tell.
 * - `garden.all_in_one`: everyone who said is in one place, one industry or one function ("all in Milan").
 * - `garden.mostly_one`: at least MOSTLY_SHARE of them are ("80% in finance").
 * Age bands and organisations never suggest anyone: a year of birth is private, and "not at Acme" is no
 * search anyone can act on.
 */
import type { GapDimension, WidenFilter } from '../../common/garden.ts';
import type { CareerStage } from '../../common/limits.ts';

/** Below this many known values in a dimension, no rule speaks: two people in one city is not a pattern. */
export const MIN_KNOWN = 3;
/** A dimension is "mostly one" value from this share of the known values up. */
export const MOSTLY_SHARE = 0.75;
/** Career stages whose absence is a gap worth widening. */
export const GAP_STAGES: readonly CareerStage[] = ['student', 'early', 'mid', 'senior', 'executive'];

export type { GapDimension, WidenFilter };

export type Gap =
  | { code: 'garden.no_career_stage'; params: { stage: CareerStage }; widen: WidenFilter }
  | { code: 'garden.all_in_one'; params: { dimension: GapDimension; value: string; count: number }; widen: WidenFilter }
  | { code: 'garden.mostly_one'; params: { dimension: GapDimension; value: string; percent: number }; widen: WidenFilter };

/** One value of a dimension and how many connections have it. */
export interface ValueCount {
  value: string;
  count: number;
}

const notFilter = (dimension: GapDimension, value: string): WidenFilter =>
  dimension === 'industry' ? { notIndustry: value } : dimension === 'function' ? { notFunction: value } : { notLocation: value };

/**
 * The gaps of one network, most telling first: a dimension all in one value, then mostly one, then missing
 * career stages. `known` holds each dimension's known values (unknowns left out), biggest first.
 */
export function findGaps(known: { careerStage: readonly ValueCount[] } & Record<GapDimension, readonly ValueCount[]>): Gap[] {
  const gaps: Gap[] = [];
  const concentrated: Gap[] = [];
  for (const dimension of ['location', 'industry', 'function'] as const) {
    const values = known[dimension];
    const total = values.reduce((s, v) => s + v.count, 0);
    const top = values[0];
    if (!top || total < MIN_KNOWN) continue;
    if (top.count === total) {
      gaps.push({ code: 'garden.all_in_one', params: { dimension, value: top.value, count: total }, widen: notFilter(dimension, top.value) });
    } else if (top.count / total >= MOSTLY_SHARE) {
      const percent = Math.floor((100 * top.count) / total);
      concentrated.push({ code: 'garden.mostly_one', params: { dimension, value: top.value, percent }, widen: notFilter(dimension, top.value) });
    }
  }
  gaps.push(...concentrated);
  const stages = new Map(known.careerStage.map((v) => [v.value, v.count]));
  const stageTotal = known.careerStage.reduce((s, v) => s + v.count, 0);
  if (stageTotal >= MIN_KNOWN) {
    for (const stage of GAP_STAGES) {
      if (!stages.get(stage)) gaps.push({ code: 'garden.no_career_stage', params: { stage }, widen: { careerStage: stage } });
    }
  }
  return gaps;
}
