/**
 * One conformance suite for every GraphIndex implementation (in the manner of hono's
 * src/router/common.case.test.ts): the CSR index built from edge arrays, the CSR index built entirely in
 * its overlay, and the SQL reference on PGlite (and on PostgreSQL when TEST_DATABASE_URL is set).
 * Real-graph checks against a plain BFS and against SQL live in graph.real.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, engines, openTestDatabase } from '../test/engines.ts';
import { CsrGraph } from './csr.ts';
import { CsrGraphIndex } from './csr-index.ts';
import type { GraphIndex } from './graph-index.ts';
import { DAY_MS, EPOCH_2000_MS } from './scoring.ts';
import { SqlGraphIndex } from './sql.ts';
import { TEST_GRAPH_TABLES, clearGraphTestTables, createGraphTestTables, loadGraphTestEdges } from './sql-test-tables.ts';

/** Edge: [a, b] or [a, b, day]; day defaults to 3650 (2010). */
type Edge = readonly [number, number, number?];

export interface Harness {
  name: string;
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
  /** A fresh index holding exactly these edges. */
  build(edges: readonly Edge[]): Promise<GraphIndex>;
  /** Folds any overlay (no-op for SQL). */
  compact(index: GraphIndex): void;
}

const DEFAULT_DAY = 3650;
const NOW = EPOCH_2000_MS + 4000 * DAY_MS;
const at = { nowMs: NOW };

function arrays(edges: readonly Edge[]): { n: number; src: Int32Array; dst: Int32Array; days: Uint16Array } {
  const src = Int32Array.from(edges, (e) => e[0]);
  const dst = Int32Array.from(edges, (e) => e[1]);
  const days = Uint16Array.from(edges, (e) => e[2] ?? DEFAULT_DAY);
  const n = edges.reduce((m, e) => Math.max(m, e[0] + 1, e[1] + 1), 0);
  return { n, src, dst, days };
}

const csrBase: Harness = {
  name: 'csr (base rows)',
  async build(edges) {
    const { n, src, dst, days } = arrays(edges);
    return new CsrGraphIndex(CsrGraph.fromEdges(n, src, dst, days));
  },
  compact(index) {
    (index as CsrGraphIndex).graph.compact();
  },
};

const csrOverlay: Harness = {
  name: 'csr (overlay rows)',
  async build(edges) {
    // A huge threshold keeps every edge in the overlay until a test compacts explicitly.
    const index = new CsrGraphIndex(CsrGraph.empty({ compactAt: 1 << 30 }));
    for (const [a, b, d] of edges) await index.addConnection(a, b, EPOCH_2000_MS + (d ?? DEFAULT_DAY) * DAY_MS + DAY_MS / 2);
    return index;
  },
  compact(index) {
    (index as CsrGraphIndex).graph.compact();
  },
};

function sqlHarness(engine: Engine): Harness {
  let opened: Awaited<ReturnType<typeof openTestDatabase>> | null = null;
  return {
    name: `sql (${engine})`,
    async setup() {
      opened = await openTestDatabase(engine);
      await createGraphTestTables(opened.database.db);
    },
    async teardown() {
      await opened?.drop();
    },
    async build(edges) {
      if (!opened) throw new Error('not set up');
      const db = opened.database.db;
      await clearGraphTestTables(db);
      const { src, dst, days } = arrays(edges);
      if (edges.length > 0) await loadGraphTestEdges(db, src, dst, days);
      return new SqlGraphIndex(db, TEST_GRAPH_TABLES);
    },
    compact() {},
  };
}

export const harnesses: Harness[] = [csrBase, csrOverlay, ...engines().map(sqlHarness)];

const sorted = (a: Int32Array): number[] => [...a].sort((x, y) => x - y);

describe.each(harnesses)('GraphIndex conformance: $name', (h) => {
  beforeAll(async () => h.setup?.(), 180_000);
  afterAll(async () => h.teardown?.());

  // A–B–C–D chain (0–1–2–3), plus an isolated member 4 and a 5th hop 3–5.
  const chain: Edge[] = [[0, 1], [1, 2], [2, 3], [3, 5], [4, 4]];

  it('chain: degrees 1, 2, 3, then out of network; 0 for the viewer', async () => {
    const g = await h.build(chain);
    expect(await g.degrees(0, [0, 1, 2, 3, 5, 4, 99, -1])).toEqual([0, 1, 2, 3, null, null, null, null]);
    expect(await g.degrees(3, [0, 5])).toEqual([3, 1]);
    expect(await g.degrees(0, [])).toEqual([]);
  });

  it('chain: the path A→B→C→D, mutuals(A, C) = [B]', async () => {
    const g = await h.build(chain);
    expect(await g.paths(0, 3, 3, at)).toEqual([[0, 1, 2, 3]]);
    expect(await g.paths(0, 1, 3, at)).toEqual([[0, 1]]);
    expect(await g.paths(0, 2, 3, at)).toEqual([[0, 1, 2]]);
    expect(await g.paths(0, 5, 3, at)).toEqual([]);
    expect(await g.paths(0, 0, 3, at)).toEqual([]);
    expect(await g.mutuals(0, 2, 5, at)).toEqual({ count: 1, first: [1] });
    expect(await g.mutuals(0, 3, 5, at)).toEqual({ count: 0, first: [] });
    expect(await g.mutuals(1, 1, 5, at)).toEqual({ count: 0, first: [] });
  });

  it('avoiding B (a block) puts C and D out of network, with no path and no mutual', async () => {
    const g = await h.build(chain);
    const avoid = new Set([1]);
    expect(await g.degrees(0, [1, 2, 3], { avoid })).toEqual([null, null, null]);
    expect(await g.paths(0, 3, 3, { ...at, avoid })).toEqual([]);
    expect(await g.paths(0, 1, 3, { ...at, avoid })).toEqual([]);
    expect(await g.mutuals(0, 2, 5, { ...at, avoid })).toEqual({ count: 0, first: [] });
    expect(sorted(await g.secondDegree(0, { avoid }))).toEqual([]);
    expect(sorted(await g.secondDegree(0))).toEqual([2]);
    // Avoiding the target alone hides the target but not the rest.
    expect(await g.degrees(0, [2, 3], { avoid: new Set([2]) })).toEqual([null, null]);
    expect(await g.degrees(0, [1, 3], { avoid: new Set([2]) })).toEqual([1, null]);
  });

  it('triangle: two 1st degrees sharing a mutual; the 2nd-degree set excludes connections', async () => {
    const g = await h.build([[0, 1], [1, 2], [0, 2], [2, 3], [3, 4]]);
    expect(await g.degrees(0, [1, 2, 3, 4])).toEqual([1, 1, 2, 3]);
    expect(await g.mutuals(0, 1, 5, at)).toEqual({ count: 1, first: [2] });
    expect(sorted(await g.secondDegree(0))).toEqual([3]);
    expect(sorted(await g.secondDegree(3))).toEqual([0, 1]);
  });

  it('disconnected components: out of network, no paths, no suggestions', async () => {
    const g = await h.build([[0, 1], [2, 3], [3, 4]]);
    expect(await g.degrees(0, [2, 3, 4])).toEqual([null, null, null]);
    expect(await g.paths(0, 4, 3, at)).toEqual([]);
    expect(await g.suggest(0, 10, at)).toEqual([]);
    expect(sorted(await g.secondDegree(0))).toEqual([]);
  });

  it('k distinct shortest paths, tie-broken by id, and ranked by the mutuals of each hop', async () => {
    // 0 reaches 4 through 1, 2 and 3; nothing else differs, so ids decide.
    const diamond: Edge[] = [[0, 1], [1, 4], [0, 2], [2, 4], [0, 3], [3, 4]];
    let g = await h.build(diamond);
    expect(await g.paths(0, 4, 3, at)).toEqual([[0, 1, 4], [0, 2, 4], [0, 3, 4]]);
    expect(await g.paths(0, 4, 2, at)).toEqual([[0, 1, 4], [0, 2, 4]]);
    expect(await g.paths(0, 4, 10, at)).toHaveLength(3);
    // Member 5 knows both 0 and 3: the 0–3 tie is embedded (one mutual), so the path through 3 leads.
    g = await h.build([...diamond, [0, 5], [3, 5]]);
    expect(await g.paths(0, 4, 3, at)).toEqual([[0, 3, 4], [0, 1, 4], [0, 2, 4]]);
    // A brand-new 0–2 tie (recency 1 against 1/(1 + 350/365)) outweighs that one mutual.
    const fresh = 4000;
    g = await h.build([[0, 1], [1, 4], [0, 2, fresh], [2, 4], [0, 3], [3, 4], [0, 5], [3, 5]]);
    expect(await g.paths(0, 4, 3, at)).toEqual([[0, 2, 4], [0, 3, 4], [0, 1, 4]]);
  });

  it('activity of the intermediaries ranks paths', async () => {
    const g = await h.build([[0, 1], [1, 4], [0, 2], [2, 4], [0, 3], [3, 4]]);
    const activity = new Float32Array([0.5, 0, 0.5, 1, 0.5]);
    g.setActivity(activity);
    expect(await g.paths(0, 4, 3, at)).toEqual([[0, 3, 4], [0, 2, 4], [0, 1, 4]]);
    g.setActivity(null);
    expect(await g.paths(0, 4, 1, at)).toEqual([[0, 1, 4]]);
  });

  it('3-hop paths: all distinct shortest ones, deterministic order, never through an avoided member', async () => {
    const g = await h.build([[0, 1], [0, 2], [1, 3], [2, 3], [3, 5], [1, 4], [4, 5]]);
    expect(await g.degrees(0, [5])).toEqual([3]);
    const expected = [[0, 1, 3, 5], [0, 1, 4, 5], [0, 2, 3, 5]];
    expect(await g.paths(0, 5, 5, at)).toEqual(expected);
    expect(await g.paths(0, 5, 5, at)).toEqual(expected);
    expect(await g.paths(0, 5, 5, { ...at, avoid: new Set([1]) })).toEqual([[0, 2, 3, 5]]);
    expect(await g.paths(0, 5, 5, { ...at, avoid: new Set([3]) })).toEqual([[0, 1, 4, 5]]);
    expect(await g.paths(0, 5, 5, { ...at, avoid: new Set([1, 2]) })).toEqual([]);
  });

  it('mutuals: count, limit, and relevance (few-connection, recent mutuals first), never avoided ones', async () => {
    // 0 and 1 share 2, 3 and 4; 2 is an open networker (degree 5).
    const g = await h.build([[0, 2], [1, 2], [0, 3], [1, 3], [0, 4, 3999], [1, 4], [2, 5], [2, 6], [2, 7]]);
    expect(await g.mutuals(0, 1, 3, at)).toEqual({ count: 3, first: [4, 3, 2] });
    expect(await g.mutuals(1, 0, 2, at)).toEqual({ count: 3, first: [4, 3] });
    expect(await g.mutuals(0, 1, 0, at)).toEqual({ count: 3, first: [] });
    expect(await g.mutuals(0, 1, 5, { ...at, avoid: new Set([4]) })).toEqual({ count: 2, first: [3, 2] });
  });

  it('mutual counts of a page: each equals mutuals().count, in order; 0 for the viewer and unknown ids', async () => {
    // 0 and 1 share 2, 3 and 4; 0 shares 2 with 5 and with 6, and 5 with 2; 2 is the hub of the page.
    const g = await h.build([[0, 2], [1, 2], [0, 3], [1, 3], [0, 4], [1, 4], [2, 5], [2, 6], [2, 7], [5, 0], [6, 8]]);
    const page = [1, 5, 6, 2, 0, 99, -1, 1];
    expect(await g.mutualCounts(0, page)).toEqual([3, 1, 1, 1, 0, 0, 0, 3]);
    for (const [i, other] of page.entries()) {
      if (other >= 0 && other < 9) expect((await g.mutuals(0, other, 0)).count, `other ${other}`).toBe((await g.mutualCounts(0, page))[i]);
    }
    // Avoided members are never counted as mutuals (an avoided member on the page still gets its count).
    expect(await g.mutualCounts(0, [1, 5, 2], { avoid: new Set([2, 1]) })).toEqual([2, 0, 1]);
    expect(await g.mutualCounts(0, [])).toEqual([]);
    expect(await g.mutualCounts(99, [0, 1])).toEqual([0, 0]);
  });

  it('suggestions: Adamic–Adar shaped toward moderately weak ties, with reasons and exclusions', async () => {
    // Viewer 0 knows 1, 2, 3. Candidate 6 shares all three; 4 shares 1 and 2 and knows no one else
    // (fully embedded); 7 shares 1 and 2 but bridges to 8–11; 5 shares only 3.
    const g = await h.build([
      [0, 1], [0, 2], [0, 3],
      [4, 1], [4, 2],
      [5, 3],
      [6, 1], [6, 2], [6, 3],
      [7, 1], [7, 2], [7, 8], [7, 9], [7, 10], [7, 11],
    ]);
    const s = await g.suggest(0, 10, at);
    expect(s.map((x) => x.id)).toEqual([6, 7, 4, 5]);
    expect(s.map((x) => x.mutualCount)).toEqual([3, 2, 2, 1]);
    expect(s[0]!.mutuals).toHaveLength(2);
    expect(s[3]!.mutuals).toEqual([3]);
    expect((await g.suggest(0, 2, at)).map((x) => x.id)).toEqual([6, 7]);
    expect((await g.suggest(0, 10, { ...at, exclude: new Set([6, 5]) })).map((x) => x.id)).toEqual([7, 4]);
    const avoiding = await g.suggest(0, 10, { ...at, avoid: new Set([1, 7]) });
    expect(avoiding.map((x) => [x.id, x.mutualCount])).toEqual([[6, 2], [4, 1], [5, 1]]);
    expect(avoiding.flatMap((x) => x.mutuals)).not.toContain(1);
  });

  it('overlay: adds and removes are visible at once, and the same after compaction', async () => {
    const g = await h.build(chain);
    await g.addConnection(0, 3, NOW);
    await g.addConnection(0, 3, NOW); // idempotent
    await g.removeConnection(1, 2);
    await g.removeConnection(1, 2);
    await g.addConnection(6, 7, NOW); // brand-new members grow the index
    await g.addConnection(6, 6, NOW); // self-loops are ignored
    const check = async (): Promise<void> => {
      expect(await g.degrees(0, [1, 2, 3, 5, 6])).toEqual([1, 2, 1, 2, null]);
      expect(await g.degrees(6, [7, 0])).toEqual([1, null]);
      expect(await g.paths(0, 2, 3, at)).toEqual([[0, 3, 2]]);
      expect(await g.mutuals(0, 2, 3, at)).toEqual({ count: 1, first: [3] });
      expect(sorted(await g.secondDegree(0))).toEqual([2, 5]);
      expect((await g.stats()).edges).toBe(5);
    };
    await check();
    h.compact(g);
    await check();
    await g.removeConnection(0, 3);
    expect(await g.degrees(0, [2, 3])).toEqual([null, null]);
    h.compact(g);
    expect(await g.degrees(0, [1, 2, 3])).toEqual([1, null, null]);
  });

  it('follows are a separate directed graph and never change degrees', async () => {
    const g = await h.build(chain);
    await g.follow(0, 5);
    await g.follow(0, 5);
    await g.follow(2, 0);
    expect(await g.following(0, [5, 2, 1])).toEqual([true, false, false]);
    expect(await g.following(2, [0])).toEqual([true]);
    expect(await g.degrees(0, [5])).toEqual([null]);
    expect((await g.stats()).follows).toBe(2);
    await g.unfollow(0, 5);
    expect(await g.following(0, [5])).toEqual([false]);
  });

  it('lists whom a member follows, ascending, and tells connections from follows', async () => {
    const g = await h.build(chain);
    await g.follow(0, 5);
    await g.follow(0, 2);
    await g.follow(0, 4);
    await g.follow(3, 0);
    expect(await g.followees(0)).toEqual([2, 4, 5]);
    expect(await g.followees(3)).toEqual([0]);
    expect(await g.followees(1)).toEqual([]);
    expect(await g.followees(99)).toEqual([]);
    await g.unfollow(0, 4);
    expect(await g.followees(0)).toEqual([2, 5]);
    // Connected is the 1st degree alone: following someone is not, nor being oneself, nor an unknown id.
    expect(await g.connectedTo(0, [1, 2, 5, 0, 99, -1])).toEqual([true, false, false, false, false, false]);
    expect(await g.connectedTo(2, [3, 1, 0])).toEqual([true, true, false]);
    await g.removeConnection(0, 1);
    expect(await g.connectedTo(0, [1])).toEqual([false]);
    expect(await g.connectedTo(0, [])).toEqual([]);
  });

  it('stats count members and undirected connections (duplicates and both directions once)', async () => {
    const g = await h.build([[0, 1], [1, 0], [0, 1], [1, 2], [2, 2]]);
    const s = await g.stats();
    expect(s.nodes).toBe(3);
    expect(s.edges).toBe(2);
  });
});
