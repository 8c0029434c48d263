/**
 * People you may know, narrowed to widen a garden's gap (issue 15): the suggestions filtered by what the
 * candidates said of themselves (career stage, industry, function, place; or "not this industry/place").
 * The ranking is people-you-may-know's own (queries/suggestions.ts): a wider pool is ranked, then only
 * those matching the filter are kept, so a filter never brings in strangers the ranking would not suggest.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { SuggestionQuery } from '../../../common/schemas/network.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';

export type SuggestionFilter = Omit<SuggestionQuery, 'limit'>;

/** How many suggestions are ranked per one asked for when a filter is on, and at most. */
export const FILTER_POOL_FACTOR = 10;
export const FILTER_POOL_MAX = 500;

const norm = (v: string) => v.trim().toLowerCase();

/** The filter's conditions on the profile aliased `p`; none when nothing (or only blanks) was asked. */
export function filterConditions(f: SuggestionFilter): SQL[] {
  const out: SQL[] = [];
  const eq = (column: string, v: string | undefined) => {
    if (v && norm(v)) out.push(sql`lower(btrim(${sql.raw(`p.${column}`)})) = ${norm(v)}`);
  };
  const ne = (column: string, v: string | undefined) => {
    if (v && norm(v)) out.push(sql`NULLIF(lower(btrim(${sql.raw(`p.${column}`)})), '') <> ${norm(v)}`);
  };
  if (f.careerStage) out.push(sql`p.career_stage = ${f.careerStage}`);
  eq('industry', f.industry);
  eq('function', f.function);
  eq('location', f.location);
  ne('industry', f.notIndustry);
  ne('function', f.notFunction);
  ne('location', f.notLocation);
  return out;
}

/** Of `ids`, those whose profile meets every condition, in the order given. */
export async function matchingMembers(db: DbOrTx, ids: readonly number[], conditions: readonly SQL[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await rows<{ id: number }>(
    db,
    sql`SELECT p.member_id AS id FROM profiles p
         WHERE p.member_id = ANY(${intArray(ids)}::int[]) AND ${sql.join([...conditions], sql` AND `)}`,
  );
  const keep = new Set(found.map((r) => Number(r.id)));
  return ids.filter((id) => keep.has(id));
}
