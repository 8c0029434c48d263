/**
 * The reference GraphIndex: straight SQL over the connection table, independent of the CSR code. It is
 * slow by design (every query is a few joins) and exists to check the CSR index: graph.case.test.ts runs
 * one suite against both, and `rapport graph verify` will compare them.
 *
 * SQL computes every graph fact (degrees, common neighbours, edge dates, mutual counts per hop); the
 * shared pure formulas in scoring.ts turn those facts into an order, so both implementations rank alike.
 *
 * The connection table stores each undirected connection twice, (a, b) and (b, a), with a unique (a, b).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import type { Degree, GraphIndex, GraphStats, Mutuals, QueryOptions, Suggestion, SuggestOptions } from './graph-index.ts';
import {
  adamicAdarWeight,
  comparePaths,
  mutualRelevance,
  nowDayOf,
  pathScore,
  suggestionScore,
  toDay,
} from './scoring.ts';

/** Where the graph lives: the only place table and column names appear. */
export interface GraphTables {
  connections: { table: string; a: string; b: string; createdAt: string };
  follows: { table: string; follower: string; followee: string };
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): SQL {
  if (!IDENT.test(name)) throw new Error(`graph tables: bad identifier ${JSON.stringify(name)}`);
  return sql.raw(`"${name}"`);
}

/** A Postgres int[] literal, passed as one text parameter (drizzle would expand a JS array into many). */
export function intArray(ids: Iterable<number>): string {
  const parts: string[] = [];
  for (const id of ids) if (Number.isInteger(id)) parts.push(String(id));
  return `{${parts.join(',')}}`;
}

export class SqlGraphIndex implements GraphIndex {
  private readonly E: SQL;
  private readonly A: SQL;
  private readonly B: SQL;
  private readonly T: SQL;
  private readonly F: SQL;
  private readonly FA: SQL;
  private readonly FB: SQL;
  private activity: ArrayLike<number> | null = null;

  constructor(
    private readonly db: DbOrTx,
    tables: GraphTables,
  ) {
    this.E = ident(tables.connections.table);
    this.A = ident(tables.connections.a);
    this.B = ident(tables.connections.b);
    this.T = ident(tables.connections.createdAt);
    this.F = ident(tables.follows.table);
    this.FA = ident(tables.follows.follower);
    this.FB = ident(tables.follows.followee);
  }

  /** Milliseconds of an edge's created_at, exact (extract() is numeric on PostgreSQL 14+). */
  private ms(alias: string): SQL {
    return sql`floor(extract(epoch FROM ${sql.raw(alias)}.${this.T}) * 1000)::float8`;
  }

  /** |N(u) ∩ N(w)| as a correlated subquery; u and w are SQL expressions. */
  private common(u: SQL, w: SQL): SQL {
    const { E, A, B } = this;
    return sql`(SELECT count(*)::int FROM ${E} p JOIN ${E} q ON q.${A} = ${w} AND q.${B} = p.${B} WHERE p.${A} = ${u})`;
  }

  async degrees(viewer: number, targets: readonly number[], opts: QueryOptions = {}): Promise<Degree[]> {
    if (targets.length === 0) return [];
    const { E, A, B } = this;
    const avoid = intArray(opts.avoid ?? []);
    const result = await rows<{ ord: number; degree: number | null }>(
      this.db,
      sql`WITH tg AS (SELECT u.id, u.ord FROM unnest(${intArray(targets)}::int[]) WITH ORDINALITY AS u(id, ord)),
        n1 AS (SELECT e.${B} AS x FROM ${E} e WHERE e.${A} = ${viewer} AND NOT (e.${B} = ANY(${avoid}::int[]))),
        n2 AS (SELECT DISTINCT e.${B} AS x FROM n1 JOIN ${E} e ON e.${A} = n1.x
               WHERE e.${B} <> ${viewer} AND NOT (e.${B} = ANY(${avoid}::int[]))),
        ball AS (SELECT x FROM n1 UNION SELECT x FROM n2)
      SELECT tg.ord::int AS ord, CASE
        WHEN tg.id = ${viewer} THEN 0
        WHEN tg.id = ANY(${avoid}::int[]) THEN NULL
        WHEN EXISTS (SELECT 1 FROM n1 WHERE n1.x = tg.id) THEN 1
        WHEN EXISTS (SELECT 1 FROM n2 WHERE n2.x = tg.id) THEN 2
        WHEN EXISTS (SELECT 1 FROM ${E} e JOIN ball ON ball.x = e.${B} WHERE e.${A} = tg.id) THEN 3
        ELSE NULL END AS degree
      FROM tg ORDER BY tg.ord`,
    );
    return result.map((r) => (r.degree === null ? null : (Number(r.degree) as Degree)));
  }

  async mutuals(a: number, b: number, limit: number, opts: QueryOptions = {}): Promise<Mutuals> {
    if (a === b) return { count: 0, first: [] };
    const { E, A, B } = this;
    const nowDay = nowDayOf(opts.nowMs);
    const found = await rows<{ z: number; deg: number; ta: number; tb: number }>(
      this.db,
      sql`SELECT e1.${B} AS z, (SELECT count(*)::int FROM ${E} d WHERE d.${A} = e1.${B}) AS deg,
          ${this.ms('e1')} AS ta, ${this.ms('e2')} AS tb
        FROM ${E} e1 JOIN ${E} e2 ON e2.${A} = ${b} AND e2.${B} = e1.${B}
        WHERE e1.${A} = ${a} AND NOT (e1.${B} = ANY(${intArray(opts.avoid ?? [])}::int[]))`,
    );
    const ranked = found
      .map((r) => ({ z: r.z, rel: mutualRelevance(r.deg, toDay(Number(r.ta)), toDay(Number(r.tb)), nowDay) }))
      .sort((x, y) => y.rel - x.rel || x.z - y.z);
    return { count: found.length, first: ranked.slice(0, Math.max(0, limit)).map((r) => r.z) };
  }

  async mutualCounts(viewerId: number, otherIds: readonly number[], opts: QueryOptions = {}): Promise<number[]> {
    if (otherIds.length === 0) return [];
    const { E, A, B } = this;
    const result = await rows<{ ord: number; n: number }>(
      this.db,
      sql`SELECT o.ord::int AS ord, CASE WHEN o.id = ${viewerId} THEN 0 ELSE (
            SELECT count(*)::int FROM ${E} p JOIN ${E} q ON q.${A} = o.id AND q.${B} = p.${B}
            WHERE p.${A} = ${viewerId} AND NOT (p.${B} = ANY(${intArray(opts.avoid ?? [])}::int[]))) END AS n
          FROM unnest(${intArray(otherIds)}::int[]) WITH ORDINALITY AS o(id, ord) ORDER BY o.ord`,
    );
    const counts = new Array<number>(otherIds.length).fill(0);
    // intArray drops non-integers, so map back by position among the integer ids.
    const positions = otherIds.flatMap((id, i) => (Number.isInteger(id) ? [i] : []));
    for (const r of result) counts[positions[r.ord - 1]!] = Number(r.n);
    return counts;
  }

  async paths(viewer: number, target: number, k: number, opts: QueryOptions = {}): Promise<number[][]> {
    if (viewer === target || k <= 0) return [];
    const [d] = await this.degrees(viewer, [target], opts);
    if (d === 1) return [[viewer, target]];
    if (d !== 2 && d !== 3) return [];
    const { E, A, B } = this;
    const avoid = intArray(opts.avoid ?? []);
    const nowDay = nowDayOf(opts.nowMs);
    let cands: { nodes: number[]; score: number }[];
    if (d === 2) {
      const found = await rows<{ x: number; t1: number; t2: number; m1: number; m2: number }>(
        this.db,
        sql`SELECT e1.${B} AS x, ${this.ms('e1')} AS t1, ${this.ms('e2')} AS t2,
            ${this.common(sql`e1.${B}`, sql`${viewer}::int`)} AS m1,
            ${this.common(sql`e1.${B}`, sql`${target}::int`)} AS m2
          FROM ${E} e1 JOIN ${E} e2 ON e2.${A} = e1.${B} AND e2.${B} = ${target}
          WHERE e1.${A} = ${viewer} AND NOT (e1.${B} = ANY(${avoid}::int[]))`,
      );
      cands = found.map((r) => {
        const nodes = [viewer, r.x, target];
        return { nodes, score: pathScore(nodes, [r.m1, r.m2], [toDay(Number(r.t1)), toDay(Number(r.t2))], nowDay, this.activity) };
      });
    } else {
      const found = await rows<{ x: number; y: number; t1: number; t2: number; t3: number; m1: number; m2: number; m3: number }>(
        this.db,
        sql`SELECT e1.${B} AS x, e2.${B} AS y, ${this.ms('e1')} AS t1, ${this.ms('e2')} AS t2, ${this.ms('e3')} AS t3,
            ${this.common(sql`e1.${B}`, sql`${viewer}::int`)} AS m1,
            ${this.common(sql`e1.${B}`, sql`e2.${B}`)} AS m2,
            ${this.common(sql`e2.${B}`, sql`${target}::int`)} AS m3
          FROM ${E} e1 JOIN ${E} e2 ON e2.${A} = e1.${B} JOIN ${E} e3 ON e3.${A} = e2.${B} AND e3.${B} = ${target}
          WHERE e1.${A} = ${viewer} AND NOT (e1.${B} = ANY(${avoid}::int[])) AND NOT (e2.${B} = ANY(${avoid}::int[]))`,
      );
      cands = found.map((r) => {
        const nodes = [viewer, r.x, r.y, target];
        const days = [toDay(Number(r.t1)), toDay(Number(r.t2)), toDay(Number(r.t3))];
        return { nodes, score: pathScore(nodes, [r.m1, r.m2, r.m3], days, nowDay, this.activity) };
      });
    }
    return cands
      .sort(comparePaths)
      .slice(0, k)
      .map((c) => c.nodes);
  }

  async secondDegree(viewer: number, opts: QueryOptions = {}): Promise<Int32Array> {
    const { E, A, B } = this;
    const avoid = intArray(opts.avoid ?? []);
    const found = await rows<{ z: number }>(
      this.db,
      sql`SELECT DISTINCT e2.${B} AS z FROM ${E} e1 JOIN ${E} e2 ON e2.${A} = e1.${B}
        WHERE e1.${A} = ${viewer} AND NOT (e1.${B} = ANY(${avoid}::int[]))
          AND e2.${B} <> ${viewer} AND NOT (e2.${B} = ANY(${avoid}::int[]))
          AND NOT EXISTS (SELECT 1 FROM ${E} d WHERE d.${A} = ${viewer} AND d.${B} = e2.${B})
        ORDER BY z`,
    );
    return Int32Array.from(found, (r) => r.z);
  }

  async suggest(viewer: number, limit: number, opts: SuggestOptions = {}): Promise<Suggestion[]> {
    if (limit <= 0) return [];
    const { E, A, B } = this;
    const avoid = intArray(opts.avoid ?? []);
    const notCandidate = intArray([...(opts.avoid ?? []), ...(opts.exclude ?? [])]);
    const found = await rows<{ z: number; x: number; dx: number; dz: number }>(
      this.db,
      sql`SELECT e2.${B} AS z, e1.${B} AS x,
          (SELECT count(*)::int FROM ${E} d WHERE d.${A} = e1.${B}) AS dx,
          (SELECT count(*)::int FROM ${E} d WHERE d.${A} = e2.${B}) AS dz
        FROM ${E} e1 JOIN ${E} e2 ON e2.${A} = e1.${B}
        WHERE e1.${A} = ${viewer} AND NOT (e1.${B} = ANY(${avoid}::int[]))
          AND e2.${B} <> ${viewer} AND NOT (e2.${B} = ANY(${notCandidate}::int[]))
          AND NOT EXISTS (SELECT 1 FROM ${E} d WHERE d.${A} = ${viewer} AND d.${B} = e2.${B})
        ORDER BY z, x`,
    );
    const [dvRow] = await rows<{ d: number }>(this.db, sql`SELECT count(*)::int AS d FROM ${E} WHERE ${A} = ${viewer}`);
    const dv = dvRow?.d ?? 0;
    const scored: { id: number; score: number; mutualCount: number }[] = [];
    for (let i = 0; i < found.length; ) {
      const z = found[i]!.z, dz = found[i]!.dz;
      let aa = 0, count = 0;
      for (; i < found.length && found[i]!.z === z; i++) {
        aa += adamicAdarWeight(found[i]!.dx);
        count++;
      }
      scored.push({ id: z, score: suggestionScore(aa, count, dv, dz), mutualCount: count });
    }
    scored.sort((a, b) => b.score - a.score || a.id - b.id);
    const out: Suggestion[] = [];
    for (const s of scored.slice(0, limit)) {
      out.push({ ...s, mutuals: (await this.mutuals(viewer, s.id, 2, opts)).first });
    }
    return out;
  }

  async following(viewer: number, targets: readonly number[]): Promise<boolean[]> {
    const { F, FA, FB } = this;
    const found = await rows<{ b: number }>(
      this.db,
      sql`SELECT ${FB} AS b FROM ${F} WHERE ${FA} = ${viewer} AND ${FB} = ANY(${intArray(targets)}::int[])`,
    );
    const set = new Set(found.map((r) => r.b));
    return targets.map((t) => set.has(t));
  }

  async followees(viewer: number): Promise<number[]> {
    const { F, FA, FB } = this;
    const found = await rows<{ b: number }>(this.db, sql`SELECT ${FB} AS b FROM ${F} WHERE ${FA} = ${viewer} ORDER BY ${FB}`);
    return found.map((r) => r.b);
  }

  async connectedTo(viewer: number, targets: readonly number[]): Promise<boolean[]> {
    const { E, A, B } = this;
    const found = await rows<{ b: number }>(
      this.db,
      sql`SELECT ${B} AS b FROM ${E} WHERE ${A} = ${viewer} AND ${B} = ANY(${intArray(targets)}::int[])`,
    );
    const set = new Set(found.map((r) => r.b));
    return targets.map((t) => t !== viewer && set.has(t));
  }

  async addConnection(a: number, b: number, createdAtMs: number): Promise<void> {
    if (a === b) return;
    const { E, A, B, T } = this;
    await this.db.execute(
      sql`INSERT INTO ${E} (${A}, ${B}, ${T})
        SELECT x, y, 'epoch'::timestamptz + ${createdAtMs}::float8 * interval '1 millisecond'
        FROM (VALUES (${a}::int, ${b}::int), (${b}::int, ${a}::int)) AS v(x, y)
        ON CONFLICT DO NOTHING`,
    );
  }

  async removeConnection(a: number, b: number): Promise<void> {
    const { E, A, B } = this;
    await this.db.execute(sql`DELETE FROM ${E} WHERE (${A} = ${a} AND ${B} = ${b}) OR (${A} = ${b} AND ${B} = ${a})`);
  }

  async follow(a: number, b: number): Promise<void> {
    if (a === b) return;
    const { F, FA, FB } = this;
    await this.db.execute(sql`INSERT INTO ${F} (${FA}, ${FB}) VALUES (${a}, ${b}) ON CONFLICT DO NOTHING`);
  }

  async unfollow(a: number, b: number): Promise<void> {
    const { F, FA, FB } = this;
    await this.db.execute(sql`DELETE FROM ${F} WHERE ${FA} = ${a} AND ${FB} = ${b}`);
  }

  setActivity(activity: ArrayLike<number> | null): void {
    this.activity = activity;
  }

  async stats(): Promise<GraphStats> {
    const { E, A, B, F } = this;
    const [r] = await rows<{ nodes: number; edges: number; follows: number }>(
      this.db,
      sql`SELECT coalesce((SELECT max(greatest(${A}, ${B})) + 1 FROM ${E}), 0)::int AS nodes,
          (SELECT count(*) / 2 FROM ${E})::int AS edges, (SELECT count(*) FROM ${F})::int AS follows`,
    );
    return { nodes: r?.nodes ?? 0, edges: r?.edges ?? 0, follows: r?.follows ?? 0, bytes: 0 };
  }
}
