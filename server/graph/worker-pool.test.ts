/**
 * The worker pool answers exactly what the CSR index answers on the main thread: on a generated graph for
 * every read, after writes that edit rows in place, grow the overlay pool, grow member capacity and compact
 * (each of which publishes new arrays to the workers), and while writes race with queries (the seqlock).
 * It shuts down cleanly, and a process that forgets to close it still exits.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGraph, makeRandom } from '../../bench/graph/generate.ts';
import { CsrGraph, CTL } from './csr.ts';
import { egoStructureOf } from './csr-ego.ts';
import { CsrGraphIndex } from './csr-index.ts';
import type { GraphIndex } from './graph-index.ts';
import { DAY_MS, EPOCH_2000_MS } from './scoring.ts';
import { GraphPoolUnavailable } from './worker-pool.ts';
import { twoHopWork, WorkerGraphIndex } from './worker-index.ts';

const NOW = EPOCH_2000_MS + 9000 * DAY_MS;
const at = { nowMs: NOW };

/** A power-law graph with hubs big enough (2-hop work ≥ 200k) to exercise the hub-ball caches. */
function buildGraph(compactAt?: number): { graph: CsrGraph; hubs: number[] } {
  const gen = generateGraph(20_000, { avgDegree: 30, hubs: 4, seed: 7 });
  const graph = CsrGraph.fromEdges(gen.n, gen.src, gen.dst, gen.days, compactAt === undefined ? {} : { compactAt });
  return { graph, hubs: gen.hubs };
}

const sorted = (a: Int32Array): number[] => [...a].sort((x, y) => x - y);

/** Every read on `viewers`, from `index`, in a comparable form. */
async function readAll(index: GraphIndex, graph: CsrGraph, viewers: number[], seed: number): Promise<unknown[]> {
  const rand = makeRandom(seed);
  const pick = (): number => Math.floor(rand() * graph.n);
  const out: unknown[] = [];
  for (const v of viewers) {
    const avoid = new Set([pick(), pick(), pick(), -1, 2.5]);
    const targets = [v, -1, graph.n + 5, ...Array.from({ length: 40 }, pick)];
    const nbr = graph.neighbours(v);
    const friend = nbr[Math.floor(rand() * nbr.length)] ?? pick();
    const fof = graph.neighbours(friend)[0] ?? pick();
    out.push(
      await index.degrees(v, targets),
      await index.degrees(v, targets, { avoid }),
      await index.mutuals(v, fof, 3, at),
      await index.mutuals(v, friend, 5, { ...at, avoid }),
      await index.mutualCounts(v, targets),
      await index.mutualCounts(v, [fof, friend, ...targets], { avoid }),
      await index.paths(v, pick(), 3, at),
      await index.paths(v, fof, 5, { ...at, avoid }),
      sorted(await index.secondDegree(v)),
      sorted(await index.secondDegree(v, { avoid })),
      await index.suggest(v, 20, at),
      await index.suggest(v, 10, { ...at, avoid, exclude: new Set([fof, pick(), -3]) }),
    );
  }
  return out;
}

function viewersOf(graph: CsrGraph, hubs: number[], count: number, seed: number): number[] {
  const rand = makeRandom(seed);
  return [...hubs, -1, graph.n + 1, ...Array.from({ length: count }, () => Math.floor(rand() * graph.n))];
}

describe('WorkerGraphIndex', () => {
  let graph: CsrGraph;
  let hubs: number[];
  let index: WorkerGraphIndex;

  beforeAll(async () => {
    ({ graph, hubs } = buildGraph(4000));
    // Every read goes to the pool (no inline cut-off), so each answer below comes from a worker.
    index = new WorkerGraphIndex(new CsrGraphIndex(graph), { size: 2, inlineWork: 0 });
    await index.ready();
  });
  afterAll(async () => {
    await index.close();
  });

  it('answers every read exactly as the CSR index on the main thread', async () => {
    const viewers = viewersOf(graph, hubs, 40, 1);
    const expected = await readAll(index.csr, graph, viewers, 2);
    expect(await readAll(index, graph, viewers, 2)).toEqual(expected);
    // Twice, so the workers answer hub badges from their cached balls as well.
    expect(await readAll(index, graph, viewers, 2)).toEqual(expected);
    for (const op of ['degrees', 'mutuals', 'mutualCounts', 'paths', 'secondDegree', 'suggest'] as const) {
      expect(index.routed[op].pool, op).toBeGreaterThan(0);
      expect(index.routed[op].fallback, op).toBe(0);
    }
    expect(index.pool.stats().answered).toBeGreaterThan(viewers.length * 8);
  });

  it('answers the ego-network structure in a worker exactly as inline (the garden map)', async () => {
    const viewers = [hubs[0]!, ...viewersOf(graph, [], 3, 5)];
    for (const v of viewers) {
      const avoid = new Set(graph.neighbours(v).slice(0, 2));
      const inline = egoStructureOf(graph, v, avoid, 3);
      const pooled = await index.egoStructure(v, { avoid, seed: 3 });
      expect({ ...pooled, bridgeScore: Array.from(pooled.bridgeScore) }).toEqual({ ...inline, bridgeScore: Array.from(inline.bridgeScore) });
    }
    expect(index.routed.egoStructure.pool).toBe(viewers.length);
    expect(index.routed.egoStructure.fallback).toBe(0);
  });

  it('passes activity to the workers (path ranking)', async () => {
    const activity = Array.from({ length: graph.n }, (_, i) => (i % 7) / 6);
    index.setActivity(activity);
    const viewers = viewersOf(graph, hubs, 20, 3);
    expect(await readAll(index, graph, viewers, 4)).toEqual(await readAll(index.csr, graph, viewers, 4));
    index.setActivity(null);
  });

  it('reflects writes: in-place edits, pool growth, member growth and compaction', async () => {
    const gen0 = Atomics.load(graph.ctl, CTL.GEN);
    const cap0 = graph.off.length - 1;
    const rand = makeRandom(5);
    const pick = (): number => Math.floor(rand() * graph.n);
    const viewers = viewersOf(graph, hubs, 10, 6);
    let compactions = 0;
    const poolBefore = graph.pool;
    // Enough writes to outgrow the overlay pool (1,024 entries) and pass compactAt (4,000) a few times.
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 200; i++) {
        const a = pick(), b = pick();
        if (i % 3 === 0) await index.removeConnection(a, graph.neighbours(a)[0] ?? b);
        else await index.addConnection(a, b, NOW - i * DAY_MS);
      }
      const overlay = graph.overlaySize();
      // Queries between the write and the scheduled compaction see the overlay rows.
      expect(await readAll(index, graph, viewers, 10 + round)).toEqual(await readAll(index.csr, graph, viewers, 10 + round));
      await new Promise((resolve) => setImmediate(resolve));
      if (graph.overlaySize() < overlay) compactions++;
    }
    expect(graph.pool).not.toBe(poolBefore);
    expect(compactions).toBeGreaterThan(0);
    // New members past capacity: every per-member array is replaced.
    graph.ensureNodes(cap0 + 5000);
    const newcomer = cap0 + 4999;
    for (const v of viewers.slice(0, 8)) await index.addConnection(newcomer, v, NOW);
    await index.addConnection(newcomer + 1 - 5000, newcomer, NOW);
    expect(graph.off.length - 1).toBeGreaterThan(cap0);
    expect(Atomics.load(graph.ctl, CTL.GEN)).toBeGreaterThan(gen0 + 2);
    const after = [newcomer, ...viewers];
    expect(await readAll(index, graph, after, 20)).toEqual(await readAll(index.csr, graph, after, 20));
    expect(await index.degrees(newcomer, viewers.slice(0, 8))).toEqual(viewers.slice(0, 8).map((v) => (v < 0 || v >= graph.n ? null : 1)));
  });

  it('validates answers with the seqlock while writes race with the queries', async () => {
    // Toggle one edge (v, w) at distance 2, compacting now and then so array sets change mid-query too.
    const v = hubs[0]!;
    const second = sorted(await index.csr.secondDegree(v));
    const w = second[Math.floor(second.length / 2)]!;
    const c = graph.neighbours(w)[0]!;
    const targets = [w, ...second.slice(0, 30)];
    const ask = (i: number): Promise<unknown> =>
      i % 3 === 0 ? index.degrees(v, targets) : i % 3 === 1 ? index.secondDegree(v).then(sorted) : index.mutuals(v, c, 3, at);
    const answersNow = async (): Promise<unknown[]> => [await index.csr.degrees(v, targets), sorted(await index.csr.secondDegree(v)), await index.csr.mutuals(v, c, 3, at)];
    const without = await answersNow();
    await index.addConnection(v, w, NOW);
    const withEdge = await answersNow();
    await index.removeConnection(v, w);
    expect(withEdge).not.toEqual(without);

    const before = index.pool.stats();
    let stop = false, toggles = 0;
    const writer = (async () => {
      while (!stop) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (toggles % 2 === 0) await index.addConnection(v, w, NOW);
        else await index.removeConnection(v, w);
        if (toggles % 7 === 0) graph.compact();
        toggles++;
      }
    })();
    // Rounds of 60 queries until the writer has toggled often enough for the race to have happened: how many
    // toggles one round overlaps depends on the machine's speed, never on the code under test.
    const answers: { i: number; answer: unknown }[] = [];
    for (let round = 0; round < 200 && (round === 0 || toggles <= 20); round++) {
      answers.push(...(await Promise.all(Array.from({ length: 60 }, (_, i) => ask(i).then((answer) => ({ i, answer }))))));
    }
    stop = true;
    await writer;
    if (graph.hasEdge(v, w)) await index.removeConnection(v, w);
    for (const { i, answer } of answers) expect([without[i % 3], withEdge[i % 3]]).toContainEqual(answer);
    const after = index.pool.stats();
    expect(toggles).toBeGreaterThan(20);
    // Runs thrown away (retries) or queries handed back (contended): the race did happen and was caught.
    expect(after.retries - before.retries + after.contended - before.contended).toBeGreaterThan(0);
    // …and the thrown-away runs left nothing behind (scratch bits, hub balls) to spoil later answers.
    const later = [v, c, w, ...viewersOf(graph, hubs, 10, 50)];
    expect(await readAll(index, graph, later, 51)).toEqual(await readAll(index.csr, graph, later, 51));
    for (const u of later) expect(await index.degrees(u, [w, v, c])).toEqual(await index.csr.degrees(u, [w, v, c]));
  });

  it('replaces a worker that dies, failing only its own query', async () => {
    // Reaching into the pool: there is no public way to kill a worker, which is the point.
    const slots = (index.pool as unknown as { slots: { worker: Worker }[] }).slots;
    await slots[0]!.worker.terminate();
    const viewers = viewersOf(graph, hubs, 10, 30);
    expect(await readAll(index, graph, viewers, 31)).toEqual(await readAll(index.csr, graph, viewers, 31));
    expect(index.pool.stats()).toMatchObject({ size: 2, respawns: 1 });
  });
});

describe('WorkerGraphIndex routing and shutdown', () => {
  it('answers cheap reads inline and heavy ones in the pool', async () => {
    const { graph, hubs } = buildGraph();
    const index = new WorkerGraphIndex(new CsrGraphIndex(graph), { size: 1 });
    try {
      // The members with the lightest 2-hop neighbourhoods, whose badges and 2nd degree fall under the cut-off.
      const members = Array.from({ length: graph.n }, (_, u) => u).filter((u) => graph.degree(u) > 0);
      const work = (u: number): number => twoHopWork(graph, u, Infinity);
      const light = members.sort((a, b) => work(a) - work(b)).slice(0, 10);
      expect(work(light[9]!)).toBeLessThan(index.inlineWork / 2);
      // Hubs go to the pool; -1 and n + 1 are trivial everywhere (people-you-may-know is otherwise never inline).
      const viewers = [...hubs, ...light, -1, graph.n + 1];
      expect(await readAll(index, graph, viewers, 41)).toEqual(await readAll(index.csr, graph, viewers, 41));
      expect(index.routed.mutuals).toMatchObject({ pool: 0 });
      expect(index.routed.suggest.inline).toBe(4);
      for (const op of ['degrees', 'paths', 'secondDegree', 'suggest'] as const) {
        expect(index.routed[op].inline, op).toBeGreaterThan(0);
        expect(index.routed[op].pool, op).toBeGreaterThan(0);
      }
    } finally {
      await index.close();
    }
  });

  it('answers badges for the viewer\'s own connections inline, and for members further away in the pool', async () => {
    const { graph } = buildGraph();
    const index = new WorkerGraphIndex(new CsrGraphIndex(graph), { size: 1 });
    try {
      // A viewer with a small row but a 2-hop neighbourhood past the cut-off (connected to hubs).
      const viewer = Array.from({ length: graph.n }, (_, u) => u).find(
        (u) => graph.degree(u) >= 5 && graph.degree(u) < index.inlineWork / 10 && twoHopWork(graph, u, Infinity) > index.inlineWork,
      )!;
      expect(viewer).toBeDefined();
      const row = graph.rowArr(viewer);
      const connections = Array.from(row.subarray(graph.rowLo(viewer), graph.rowLo(viewer) + 5));
      expect(await index.degrees(viewer, [viewer, ...connections])).toEqual([0, 1, 1, 1, 1, 1]);
      expect(index.routed.degrees).toMatchObject({ inline: 1, pool: 0 });
      const far = Array.from({ length: graph.n }, (_, u) => u).filter((u) => u !== viewer && !graph.hasEdge(viewer, u)).slice(0, 5);
      expect(await index.degrees(viewer, far)).toEqual(await index.csr.degrees(viewer, far));
      expect(index.routed.degrees).toMatchObject({ inline: 1, pool: 1 });
    } finally {
      await index.close();
    }
  });

  it('closes: workers stop, later reads run inline with the same answers', async () => {
    const { graph, hubs } = buildGraph();
    const index = new WorkerGraphIndex(new CsrGraphIndex(graph), { size: 2, inlineWork: 0 });
    await index.ready();
    const pending = index.secondDegree(hubs[0]!);
    await index.close();
    expect(sorted(await pending)).toEqual(sorted(await index.csr.secondDegree(hubs[0]!)));
    expect(index.pool.stats()).toMatchObject({ size: 0, busy: 0, queued: 0, closed: true });
    await expect(index.pool.run('secondDegree', { viewer: hubs[0]!, avoid: null })).rejects.toBeInstanceOf(GraphPoolUnavailable);
    expect(await index.suggest(hubs[1]!, 5, at)).toEqual(await index.csr.suggest(hubs[1]!, 5, at));
    expect(index.routed.suggest.fallback).toBe(1);
    await index.close();
  });

  it('lets a process exit without close() (workers are unref\'d when idle), and with it', () => {
    const url = new URL('./worker-index.ts', import.meta.url).href;
    for (const closing of [false, true]) {
      const script = `
        import { WorkerGraphIndex } from ${JSON.stringify(url)};
        const index = new WorkerGraphIndex(undefined, { size: 2, inlineWork: 0 });
        await index.addConnection(0, 1, Date.now());
        await index.addConnection(1, 2, Date.now());
        const second = await index.secondDegree(0);
        console.log(JSON.stringify([...second]));
        ${closing ? 'await index.close();' : ''}`;
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.stderr).toBe('');
      expect({ status: run.status, signal: run.signal, out: run.stdout.trim() }).toEqual({ status: 0, signal: null, out: '[2]' });
    }
  });
});
