/**
 * How each garden dimension reads a connection's self-declared profile, in SQL, written once for the
 * member's own garden (network.ts) and the community baseline (commands/garden/baseline.ts), so both group
 * values the same way: free text trimmed and lower-cased ("Milan" and "milan " are one place), the
 * organisation of the current position listed first, the age band only where the member gave a year of
 * birth and allowed it to count (profiles.age_band_shared). NULL is "did not say".
 */
import { type SQL, sql } from 'drizzle-orm';
import type { GardenDimension } from '../../garden/diversity.ts';

const text = (column: string) => sql.raw(`NULLIF(lower(btrim(p.${column})), '')`);

/** The bands of garden/diversity.ts `ageBand`, by the age the member turns this year. */
const AGE_BAND = sql.raw(`CASE WHEN p.age_band_shared AND p.birth_year IS NOT NULL THEN
  CASE WHEN extract(year FROM now())::int - p.birth_year < 25 THEN 'under25'
       WHEN extract(year FROM now())::int - p.birth_year < 35 THEN '25to34'
       WHEN extract(year FROM now())::int - p.birth_year < 45 THEN '35to44'
       WHEN extract(year FROM now())::int - p.birth_year < 55 THEN '45to54'
       WHEN extract(year FROM now())::int - p.birth_year < 65 THEN '55to64'
       ELSE '65plus' END END`);

/** The current organisation (open-ended position, first listed), by id; `p` is the connection's profile. */
export const CURRENT_ORGANISATION = sql.raw(
  `(SELECT e.organisation_id FROM experiences e WHERE e.member_id = p.member_id AND e.end_date IS NULL ORDER BY e.position LIMIT 1)`,
);

/** Each dimension's value for the profile aliased `p`, as text (NULL: unknown). */
export const DIMENSION_SQL: Record<GardenDimension, SQL> = {
  industry: text('industry'),
  function: text('function'),
  careerStage: sql.raw('p.career_stage'),
  location: text('location'),
  organisation: sql`${CURRENT_ORGANISATION}::text`,
  ageBand: AGE_BAND,
};

/**
 * The same, for one member's garden, written so the planner walks the member's connections by index: joined
 * to `members`, a garden of 5,000 connections was planned as a hash join over a sequential scan of every
 * member (≈ 400 ms of its 580 at 1 M members, bench/garden.bench.ts); a status read per connection is 5,000
 * index lookups. The baseline, which does scan everyone, keeps the join.
 */
export const countedConnectionOfOne = (owner: number) => sql`c.member_id = ${owner}
  AND (SELECT m.status FROM members m WHERE m.id = c.other_id) = 'active'
  -- The owner's blocks either way, read once and hashed: asked per connection, they were 10,000 index probes.
  AND c.other_id NOT IN (SELECT b.blocked_id FROM blocks b WHERE b.blocker_id = ${owner}
                         UNION ALL SELECT b.blocker_id FROM blocks b WHERE b.blocked_id = ${owner})`;

/**
 * `text(column)`'s grouping, in JavaScript, for a value SQL already trimmed (`btrim`, spaces only): one
 * member's garden reads each text once, as written, and groups it here, rather than sending it twice.
 */
export const valueKey = (trimmed: string | null): string | null => trimmed?.toLowerCase() || null;

/**
 * For the baseline over everyone: connection `c` has no block either way. Two NOT EXISTS, not one with an
 * OR: each becomes a hash anti-join against the (small) blocks table, where the OR was a probe per
 * connection, tens of millions of them at 1 M members. Whether the other member is active is the caller's
 * join (the baseline's per-member values keep active members only).
 */
export const unblockedConnection = sql`NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = c.member_id AND b.blocked_id = c.other_id)
  AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = c.other_id AND b.blocked_id = c.member_id)`;
