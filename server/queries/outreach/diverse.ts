/**
 * Suggestion (3) of the week: a diverse weak tie, a 2nd-degree person who would widen the member's network.
 * Candidates are people you may know (queries/suggestions.ts: blocks, "I don't know", open invitations and
 * suspended members already left out), 2nd degree only; each is scored by how rare its industry, function,
 * career stage or location is among the member's connections (1 − the share of connections with that value,
 * on the dimension where it is rarest). Only someone who differs from most (novelty ≥ MIN_NOVELTY) is
 * suggested; ties go to people-you-may-know's order, then a tie-break seeded by the week.
 */
import { sql } from 'drizzle-orm';
import type { DiversityDimension } from '../../../common/outreach.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { suggestPeople } from '../suggestions.ts';
import { weekSeeded } from './seed.ts';
import type { WeekSuggestion } from './types.ts';

const CANDIDATES = 50;
export const MIN_NOVELTY = 0.5;

type Profile = Record<DiversityDimension, string>;

const PROFILE_COLUMNS = sql`lower(btrim(p.industry)) AS industry, lower(btrim(p.function)) AS function,
  COALESCE(p.career_stage, '') AS career_stage, lower(btrim(p.location)) AS location`;

/** How the member's connections spread over each dimension: value → count, ignoring empty values. */
async function networkSpread(db: DbOrTx, memberId: number): Promise<Map<DiversityDimension, Map<string, number>>> {
  const found = await rows<{ dim: DiversityDimension; value: string; n: number | string }>(
    db,
    sql`WITH mine AS (SELECT ${PROFILE_COLUMNS} FROM connections c JOIN profiles p ON p.member_id = c.other_id WHERE c.member_id = ${memberId})
        SELECT 'industry' AS dim, industry AS value, count(*) AS n FROM mine WHERE industry <> '' GROUP BY industry
        UNION ALL SELECT 'function', function, count(*) FROM mine WHERE function <> '' GROUP BY function
        UNION ALL SELECT 'career_stage', career_stage, count(*) FROM mine WHERE career_stage <> '' GROUP BY career_stage
        UNION ALL SELECT 'location', location, count(*) FROM mine WHERE location <> '' GROUP BY location`,
  );
  const spread = new Map<DiversityDimension, Map<string, number>>();
  for (const r of found) {
    const m = spread.get(r.dim) ?? new Map<string, number>();
    m.set(r.value, Number(r.n));
    spread.set(r.dim, m);
  }
  return spread;
}

export async function diverseWeakTie(deps: { db: DbOrTx; graph: GraphIndex }, memberId: number, week: string): Promise<WeekSuggestion | null> {
  const nowMs = Date.parse(`${week}T00:00:00Z`);
  const pymk = (await suggestPeople(deps, memberId, CANDIDATES, { nowMs })).filter((s) => s.degree === 2);
  if (pymk.length === 0) return null;
  const spread = await networkSpread(deps.db, memberId);
  const profiles = await rows<Profile & { id: number; shown: string }>(
    deps.db,
    sql`SELECT p.member_id AS id, ${PROFILE_COLUMNS},
               json_build_object('industry', p.industry, 'function', p.function, 'career_stage', COALESCE(p.career_stage, ''), 'location', p.location)::text AS shown
          FROM profiles p WHERE p.member_id = ANY(${intArray(pymk.map((s) => s.memberId))}::int[])`,
  );
  const byId = new Map(profiles.map((p) => [p.id, p]));
  let best: { s: (typeof pymk)[number]; novelty: number; dim: DiversityDimension; rank: number; tie: number } | null = null;
  pymk.forEach((s, rank) => {
    const p = byId.get(s.memberId);
    if (!p) return;
    for (const dim of ['industry', 'function', 'career_stage', 'location'] as const) {
      const value = p[dim];
      if (!value) continue;
      const counts = spread.get(dim);
      const total = counts ? [...counts.values()].reduce((a, b) => a + b, 0) : 0;
      if (total === 0) continue; // nothing known of my network on this dimension: no claim to widen it
      const novelty = 1 - (counts!.get(value) ?? 0) / total;
      if (novelty < MIN_NOVELTY) continue;
      const tie = weekSeeded(week, s.memberId);
      const better =
        !best || novelty > best.novelty || (novelty === best.novelty && (rank < best.rank || (rank === best.rank && tie > best.tie)));
      if (better) best = { s, novelty, dim, rank, tie };
    }
  });
  if (!best) return null;
  const chosen = best as { s: (typeof pymk)[number]; dim: DiversityDimension };
  const shown = JSON.parse(byId.get(chosen.s.memberId)!.shown) as Profile;
  return {
    otherId: chosen.s.memberId,
    reason: 'diverse_weak_tie',
    params: { dimension: chosen.dim, value: shown[chosen.dim], mutualCount: chosen.s.mutualCount },
  };
}
