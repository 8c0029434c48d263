/**
 * The garden benchmark's database (`rapport_bench_garden` next to --pg, never `test`), built once and reused
 * while its sizes match (`bench_garden_meta`):
 *
 * - members, profiles (name, headline, place, industry, function) and connections: the generated graph of
 *   `bench:graph` (bench/graph/generate.ts, seed 1) loaded by bench/graph/pg-setup.ts, as the feed bench does;
 * - the rest of what a garden counts, in bulk (INSERT … SELECT / one UPDATE, never row by row): a career
 *   stage for 80 % of members, a year of birth for 60 % (half of them sharing its age band), and a current
 *   position for 70 % at one of 20,000 organisations (skewed, so big employers exist);
 * - the hub: the best-connected member, topped up to exactly --connections connections with members two hops
 *   away (friends of friends, as a real network grows), so its connections have ties among themselves for
 *   the ego clustering to find;
 * - the community baseline (`garden_baselines`), computed once as the daily job does, and timed.
 */
import pg from 'pg';
import { lapTimer } from '../lib.ts';
import { CsrGraph } from '../../server/graph/csr.ts';
import { generateGraph } from '../graph/generate.ts';
import { benchUrl, createBenchDatabase, createTokens, existingBenchMembers } from '../graph/pg-setup.ts';
import { readBenchMeta, withClient } from '../feed/setup.ts';

export interface GardenBenchOptions {
  pg: string;
  database: string;
  members: number;
  avgDegree: number;
  /** The hub's connections (issue 15: 5,000). */
  connections: number;
  rebuild: boolean;
  /** Compute the baseline rollup with the daily job's code (slow at 1 M) rather than a stand-in. */
  baselineJob: boolean;
}

export interface GardenMeta {
  members: number;
  avgDegree: number;
  connections: number;
  /** The hub's member id and a personal access token for it. */
  hub: number;
  token: string;
  /** A connection of the hub whose profile the bench edits to refresh the cached garden. */
  neighbour: number;
  neighbourToken: string;
  connectionRows: number;
  setupMs: Record<string, number>;
}

const readMeta = (url: string) => readBenchMeta<GardenMeta>(url, 'bench_garden_meta');

/** The database as the options ask for it: reused when it matches, built otherwise. */
export async function ensureGardenDatabase(o: GardenBenchOptions, log: (line: string) => void): Promise<{ meta: GardenMeta; reused: boolean }> {
  const url = benchUrl(o.pg, o.database);
  const meta = o.rebuild ? null : await readMeta(url);
  if (meta && meta.members === o.members && meta.avgDegree === o.avgDegree && meta.connections === o.connections) {
    const existing = await existingBenchMembers(o.pg, o.database);
    if (existing?.members === o.members) return { meta, reused: true };
  }
  return { meta: await build(o, url, log), reused: false };
}

async function build(o: GardenBenchOptions, url: string, log: (line: string) => void): Promise<GardenMeta> {
  const { ms, lap } = lapTimer(log);
  const list = generateGraph(o.members, { avgDegree: o.avgDegree, seed: 1 });
  const g = CsrGraph.fromEdges(list.n, list.src, list.dst, list.days);
  lap('generateGraph');
  const timings = await createBenchDatabase(o.pg, g, log, o.database);
  lap('membersAndConnections');
  const found = await withClient(url, async (c) => {
    await c.query(`SET synchronous_commit = off`);
    await c.query(`SET maintenance_work_mem = '1GB'`);
    await attributes(c);
    lap('profileAttributes');
    await positions(c);
    lap('positions');
    const hub = await plantHub(c, o.connections);
    lap('hub');
    await c.query(`VACUUM (ANALYZE) profiles, experiences, organisations, connections`);
    lap('vacuum');
    return hub;
  });
  if (o.baselineJob) {
    // The baseline as the daily job keeps it (jobs/garden-baseline.ts), through the server's own code.
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const schema = await import('../../server/db/schema.ts');
    const { refreshGardenBaselines } = await import('../../server/commands/garden/baseline.ts');
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await refreshGardenBaselines(drizzle(pool, { schema }) as unknown as Parameters<typeof refreshGardenBaselines>[0]);
    } finally {
      await pool.end();
    }
  } else {
    // A stand-in rollup (flat histogram): a garden reads it in one small statement whatever it holds, and
    // the job's full scan (minutes at this size) is not what this bench measures.
    await withClient(url, (c) =>
      c.query(`INSERT INTO garden_baselines (dimension, bins, members, median, computed_at)
               SELECT d, array_fill(10000, ARRAY[100]), 1000000, 0.5, now()
                 FROM unnest(ARRAY['industry','function','careerStage','location','organisation','ageBand']) d
               ON CONFLICT (dimension) DO NOTHING`),
    );
  }
  lap('baselineJob');
  // createTokens takes bench ids (member id − 1).
  const [token, neighbourToken] = await createTokens(o.pg, [found.hub - 1, found.neighbour - 1], o.database);
  const meta: GardenMeta = {
    members: o.members,
    avgDegree: o.avgDegree,
    connections: o.connections,
    ...found,
    token: token!,
    neighbourToken: neighbourToken!,
    connectionRows: timings.connectionRows,
    setupMs: { ...ms, ...(timings as unknown as Record<string, number>) },
  };
  await withClient(url, async (c) => {
    await c.query(`CREATE TABLE IF NOT EXISTS bench_garden_meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
    await c.query(`INSERT INTO bench_garden_meta VALUES ('meta', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [JSON.stringify(meta)]);
  });
  return meta;
}

/** Career stage, year of birth and age-band consent for everyone, in one UPDATE. */
async function attributes(c: pg.Client): Promise<void> {
  await c.query(`UPDATE profiles SET
      career_stage = CASE WHEN abs(hashint4(member_id + 37)) % 10 < 8
                          THEN (ARRAY['student','early','mid','senior','executive','retired'])[1 + abs(hashint4(member_id + 41)) % 6] END,
      birth_year = CASE WHEN abs(hashint4(member_id + 43)) % 10 < 6 THEN 1950 + abs(hashint4(member_id + 47)) % 56 END,
      age_band_shared = abs(hashint4(member_id + 53)) % 2 = 0`);
}

/** 20,000 organisations and a current position for 70 % of members, a few big employers and a long tail. */
async function positions(c: pg.Client): Promise<void> {
  await c.query(`INSERT INTO organisations (name, name_key, slug, kind)
      SELECT 'Organisation ' || i, 'organisation ' || i, 'organisation-' || i, 'company' FROM generate_series(1, 20000) i`);
  const lowest = (await c.query<{ id: number }>(`SELECT min(id) AS id FROM organisations WHERE slug LIKE 'organisation-%'`)).rows[0]!.id;
  await c.query(`DROP INDEX IF EXISTS experiences_member_idx`);
  await c.query(`DROP INDEX IF EXISTS experiences_org_idx`);
  // (u^3) skews toward the first organisations: a few with thousands of people, most with a handful.
  await c.query(
    `INSERT INTO experiences (member_id, organisation_id, organisation_name, title, start_date, position)
     SELECT id, $1::int + o, 'Organisation ' || (o + 1), 'Engineer', date '2015-01-01' + (abs(hashint4(id + 61)) % 3000), 0
       FROM (SELECT id, floor(power((abs(hashint4(id + 59)) % 1000000) / 1000000.0, 3) * 20000)::int AS o
               FROM members WHERE abs(hashint4(id + 57)) % 10 < 7) x`,
    [lowest],
  );
  await c.query(`CREATE INDEX experiences_member_idx ON experiences (member_id, position)`);
  await c.query(`CREATE INDEX experiences_org_idx ON experiences (organisation_id, member_id)`);
}

/** The best-connected member, given exactly `want` connections: its own first, then friends of friends. */
async function plantHub(c: pg.Client, want: number): Promise<{ hub: number; neighbour: number }> {
  const hub = (await c.query<{ id: number }>(`SELECT member_id AS id FROM connections GROUP BY member_id ORDER BY count(*) DESC, member_id LIMIT 1`)).rows[0]!.id;
  const have = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM connections WHERE member_id = $1`, [hub])).rows[0]!.n);
  if (have > want) {
    await c.query(
      `DELETE FROM connections WHERE (member_id = $1 AND other_id IN (SELECT other_id FROM connections WHERE member_id = $1 ORDER BY other_id OFFSET $2))
          OR (other_id = $1 AND member_id IN (SELECT other_id FROM connections WHERE member_id = $1 ORDER BY other_id OFFSET $2))`,
      [hub, want],
    );
  } else if (have < want) {
    await c.query(
      `WITH fof AS (
         SELECT DISTINCT c2.other_id AS id FROM connections c1 JOIN connections c2 ON c2.member_id = c1.other_id
          WHERE c1.member_id = $1 AND c2.other_id <> $1
            AND NOT EXISTS (SELECT 1 FROM connections x WHERE x.member_id = $1 AND x.other_id = c2.other_id)
       ), chosen AS (SELECT id FROM fof ORDER BY hashint4(id) LIMIT $2)
       INSERT INTO connections (member_id, other_id, created_at, origin_context)
       SELECT a, b, now() - (abs(hashint4(id)) % 700) * interval '1 day', 'import'
         FROM chosen, LATERAL (VALUES ($1::int, id), (id, $1::int)) AS pair(a, b)`,
      [hub, want - have],
    );
  }
  const n = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM connections WHERE member_id = $1`, [hub])).rows[0]!.n);
  if (n !== want) throw new Error(`the hub has ${n} connections, not ${want} (too few friends of friends?)`);
  const neighbour = (await c.query<{ id: number }>(`SELECT other_id AS id FROM connections WHERE member_id = $1 ORDER BY other_id LIMIT 1`, [hub])).rows[0]!.id;
  return { hub, neighbour };
}
