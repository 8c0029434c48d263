/**
 * The reasons shown with a suggestion, as codes with parameters and their English rendering
 * (common/reasons.ts). Pure: facts and names in, reasons out.
 */
import { type Reason, reason } from '../../../common/reasons.ts';

/** Mutual connections named in a reason at most. */
const NAMED_MUTUALS = 2;

/** `suggestion.mutual_connections`: the count, and up to two of them by name ("…: Ana Ruiz, Li Wei and 12 others"). */
export function mutualReason(count: number, names: readonly string[]): Reason {
  return reason('suggestion.mutual_connections', { count, names: names.slice(0, Math.min(NAMED_MUTUALS, count)) });
}

export interface OverlapSpan {
  kind: 'org' | 'school';
  name: string;
  /** First year of the overlap. */
  fromYear: number;
  /** Last year of the overlap (null while both are still there). */
  toYear: number | null;
}

/** `suggestion.same_organisation` or `suggestion.same_school`: "Both at Acme, 2019–2021", "Both studying at X since 2022". */
export function overlapReason(o: OverlapSpan): Reason {
  const years = { fromYear: o.fromYear, ...(o.toYear === null ? {} : { toYear: o.toYear }) };
  return o.kind === 'org' ? reason('suggestion.same_organisation', { organisation: o.name, ...years }) : reason('suggestion.same_school', { school: o.name, ...years });
}

/** `suggestion.replied_to_each_other`: "You and Ana Ruiz have replied to each other 4 times". */
export const exchangeReason = (count: number, name: string): Reason => reason('suggestion.replied_to_each_other', { count, name });

export const placeReason = (place: string): Reason => reason('suggestion.same_place', { place });
export const industryReason = (industry: string): Reason => reason('suggestion.same_industry', { industry });
