/**
 * The community baseline of the garden (issue 15): for each dimension, the distribution of members' Blau
 * index over their own connections, kept as a histogram in `garden_baselines`. A garden page then places a
 * member in it with one small read, whatever the size of the community; computing it is a scan of the
 * connections, so the `garden.baseline` job does it daily (jobs/garden-baseline.ts), and a page that finds
 * the rollup empty (a new install) has it computed once (`ensureGardenBaselines`).
 *
 * Only members with at least two connections who said something in a dimension count in it: with one
 * known value, Blau is 0 by definition and says nothing of the member's choices.
 */
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { BLAU_BINS, GARDEN_DIMENSIONS, type GardenDimension } from '../../garden/diversity.ts';
import { DIMENSION_SQL, unblockedConnection } from '../../queries/garden/dimensions.ts';
import { loadBaselines } from '../../queries/garden/baseline.ts';

async function computeDimension(db: Db, dimension: GardenDimension): Promise<{ bins: number[]; members: number; median: number | null }> {
  const found = await rows<{ bin: number; n: number; median: number | null }>(
    db,
    // Each member's value once (an organisation is a subquery: a million of them, not one per connection
    // row), then the connections joined to it by hash: one pass over the connections per dimension.
    sql`WITH vals AS MATERIALIZED (
          SELECT p.member_id AS id, ${DIMENSION_SQL[dimension]} AS v
            FROM profiles p
            JOIN members m ON m.id = p.member_id AND m.status = 'active'
        ), per_value AS (
          SELECT c.member_id AS owner, a.v, count(*)::float8 AS n
            FROM connections c
            JOIN vals a ON a.id = c.other_id AND a.v IS NOT NULL
           WHERE ${unblockedConnection}
           GROUP BY c.member_id, a.v
        ), per_owner AS (
          SELECT po.owner, 1 - sum(po.n * po.n) / (sum(po.n) * sum(po.n)) AS blau
            FROM per_value po
            JOIN members o ON o.id = po.owner AND o.status = 'active'
           GROUP BY po.owner
          HAVING sum(po.n) >= 2
        )
        SELECT least(${BLAU_BINS - 1}, greatest(0, floor(blau * ${BLAU_BINS})))::int AS bin, count(*)::int AS n,
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY blau) FROM per_owner) AS median
          FROM per_owner GROUP BY 1`,
  );
  const bins = new Array<number>(BLAU_BINS).fill(0);
  let members = 0;
  for (const r of found) {
    bins[Number(r.bin)] = Number(r.n);
    members += Number(r.n);
  }
  const median = found[0]?.median;
  return { bins, members, median: median === null || median === undefined ? null : Number(median) };
}

/** Recomputes every dimension's baseline and replaces the rollup in one transaction; returns members counted per dimension. */
export async function refreshGardenBaselines(db: Db): Promise<Record<GardenDimension, number>> {
  const computed: ({ dimension: GardenDimension } & Awaited<ReturnType<typeof computeDimension>>)[] = [];
  // Read outside the transaction: the scan is long, the swap is short.
  for (const dimension of GARDEN_DIMENSIONS) computed.push({ dimension, ...(await computeDimension(db, dimension)) });
  await inTransaction(db, async (tx) => {
    for (const c of computed) {
      await tx.execute(
        sql`INSERT INTO garden_baselines (dimension, bins, members, median, computed_at)
            VALUES (${c.dimension}, ${sql.raw(`ARRAY[${c.bins.join(',')}]::int[]`)}, ${c.members}, ${c.median}, now())
            ON CONFLICT (dimension) DO UPDATE SET bins = EXCLUDED.bins, members = EXCLUDED.members, median = EXCLUDED.median, computed_at = EXCLUDED.computed_at`,
      );
    }
  });
  return Object.fromEntries(computed.map((c) => [c.dimension, c.members])) as Record<GardenDimension, number>;
}

/** One computation at a time per database, so a burst of first garden pages does not start the scan many times. */
const running = new WeakMap<Db, Promise<unknown>>();

/** The rollup, computed first if it is still empty (a new install before the job's first run). */
export async function ensureGardenBaselines(db: Db): ReturnType<typeof loadBaselines> {
  const held = await loadBaselines(db);
  if (held.size > 0) return held;
  let pending = running.get(db);
  if (!pending) {
    pending = refreshGardenBaselines(db).finally(() => running.delete(db));
    running.set(db, pending);
  }
  await pending;
  return loadBaselines(db);
}
