/**
 * Event-loop lag under heavy graph queries, inline versus the worker pool:
 * `node --max-old-space-size=8192 --import tsx bench/graph/event-loop.bench.ts [--members 1000000]
 *  [--seconds 10] [--concurrency 16] [--workers N] [--calibrate 2000]`
 *
 * On a generated graph (bench/graph/generate.ts, average degree ≈ 100):
 * 1. Calibration. The worker round trip (latency, and the main thread's own busy time per query from
 *    eventLoopUtilization), and for random viewers each heavy read's inline time against the cost estimate
 *    WorkerGraphIndex routes by (worker-index.ts), to check the inline cut-off.
 * 2. Load phases. A closed loop of `concurrency` clients, each awaiting one query at a time, yields to the
 *    event loop before each query (as a request arriving on a socket would; without it, inline queries
 *    chained through resolved promises would starve timers outright). The mix: random viewers' badges
 *    (50 targets) and mutuals, and hub viewers' (the top 100 by degree, more than a worker's ball cache
 *    holds) paths, people-you-may-know and 2nd degree, plus random viewers' paths. Meanwhile lag is
 *    measured twice: perf_hooks.monitorEventLoopDelay at 1 ms resolution, and a 1 ms setTimeout ping
 *    (lag = how late it fired). Phases: idle (no load), inline (CsrGraphIndex), pool (WorkerGraphIndex with
 *    its default cut-off) and pool-all (every read in the pool).
 *
 * Writes bench/results/event-loop-<timestamp>.json and bench/results/latest-event-loop.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { CsrGraph } from '../../server/graph/csr.ts';
import { CsrGraphIndex } from '../../server/graph/csr-index.ts';
import type { GraphIndex } from '../../server/graph/graph-index.ts';
import { defaultPoolSize } from '../../server/graph/worker-pool.ts';
import { INLINE_WORK, readCost, twoHopWork, WorkerGraphIndex } from '../../server/graph/worker-index.ts';
import { machine, type Stats, stats } from '../lib.ts';
import { generateGraph, makeRandom } from './generate.ts';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const MEMBERS = Number(flag('members') ?? 1_000_000);
const SECONDS = Number(flag('seconds') ?? 10);
const CONCURRENCY = Number(flag('concurrency') ?? 16);
const WORKERS = Number(flag('workers') ?? defaultPoolSize());
const CALIBRATE = Number(flag('calibrate') ?? 2000);
const RESULTS = new URL('../results/', import.meta.url);

const log = (line: string): void => console.log(line);
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

// ---- graph and workload ----

const startedAt = new Date();
let t = performance.now();
const gen = generateGraph(MEMBERS, { avgDegree: 100, seed: 1 });
const graph = CsrGraph.fromEdges(gen.n, gen.src, gen.dst, gen.days);
log(`graph: ${graph.n} members, ${graph.directedEdges / 2} connections, built in ${Math.round(performance.now() - t)} ms`);
const csr = new CsrGraphIndex(graph);
const rand = makeRandom(42);
const anyMember = (): number => {
  for (;;) {
    const v = Math.floor(rand() * graph.n);
    if (graph.degree(v) > 0) return v;
  }
};
const neighbourOf = (v: number): number => graph.rowArr(v)[graph.rowLo(v) + Math.floor(rand() * graph.degree(v))]!;
const HUB_COUNT = 100;
const hubs = (() => {
  const order = Array.from({ length: graph.n }, (_, u) => u).sort((a, b) => graph.degree(b) - graph.degree(a));
  return order.slice(0, HUB_COUNT);
})();
const hubDegrees = { min: graph.degree(hubs.at(-1)!), max: graph.degree(hubs[0]!) };
const nowMs = Date.now();

type Kind = 'badges' | 'mutuals' | 'paths' | 'hubPaths' | 'hubSuggest' | 'hubSecondDegree';
/** Weights of the query mix (per 100). */
const MIX: [Kind, number][] = [
  ['badges', 40],
  ['mutuals', 15],
  ['paths', 10],
  ['hubPaths', 15],
  ['hubSuggest', 10],
  ['hubSecondDegree', 10],
];
const pickKind = (x: number): Kind => {
  let acc = 0;
  for (const [k, w] of MIX) if (x < (acc += w)) return k;
  return 'badges';
};
const hub = (): number => hubs[Math.floor(rand() * hubs.length)]!;

function query(index: GraphIndex, kind: Kind): Promise<unknown> {
  switch (kind) {
    case 'badges':
      return index.degrees(anyMember(), Array.from({ length: 50 }, () => Math.floor(rand() * graph.n)));
    case 'mutuals': {
      const v = anyMember();
      return index.mutuals(v, neighbourOf(neighbourOf(v)), 3, { nowMs });
    }
    case 'paths':
      return index.paths(anyMember(), anyMember(), 3, { nowMs });
    case 'hubPaths':
      return index.paths(hub(), anyMember(), 3, { nowMs });
    case 'hubSuggest':
      return index.suggest(hub(), 20, { nowMs });
    case 'hubSecondDegree':
      return index.secondDegree(hub());
  }
}

// ---- lag probes ----

interface Lag {
  /** monitorEventLoopDelay, ms: the delay of its 1 ms timer. */
  histogram: { p50: number; p99: number; max: number; mean: number };
  /** A 1 ms setTimeout chain, ms late. */
  ping: Stats;
}

function startLag(): () => Lag {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const late: number[] = [];
  let stopped = false;
  let expected = performance.now() + 1;
  const tick = (): void => {
    const now = performance.now();
    late.push(Math.max(0, now - expected));
    if (stopped) return;
    expected = now + 1;
    setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  return () => {
    stopped = true;
    h.disable();
    const ms = (ns: number): number => r3(ns / 1e6);
    return { histogram: { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean) }, ping: stats(late) };
  };
}

// ---- phases ----

interface Phase {
  seconds: number;
  lagMs: Lag;
  queriesPerSecond: number;
  /** Main-thread busy share (eventLoopUtilization) during the phase. */
  mainThreadUtilisation: number;
  latencyMs: Partial<Record<Kind, Stats & { perSecond: number }>>;
  routed?: unknown;
  pool?: unknown;
}

async function phase(name: string, index: GraphIndex | null): Promise<Phase> {
  const latencies = new Map<Kind, number[]>(MIX.map(([k]) => [k, []]));
  const elu0 = performance.eventLoopUtilization();
  const stopLag = startLag();
  const start = performance.now();
  const end = start + SECONDS * 1000;
  let done = 0;
  const client = async (): Promise<void> => {
    while (performance.now() < end) {
      await yieldToLoop();
      const kind = pickKind(rand() * 100);
      const q0 = performance.now();
      await query(index!, kind);
      latencies.get(kind)!.push(performance.now() - q0);
      done++;
    }
  };
  if (index) await Promise.all(Array.from({ length: CONCURRENCY }, client));
  else await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const seconds = (performance.now() - start) / 1000;
  const lag = stopLag();
  const elu = performance.eventLoopUtilization(elu0);
  const latencyMs: Phase['latencyMs'] = {};
  for (const [k, xs] of latencies) if (xs.length) latencyMs[k] = { ...stats(xs), perSecond: r3(xs.length / seconds) };
  const result: Phase = { seconds: r3(seconds), lagMs: lag, queriesPerSecond: r3(done / seconds), mainThreadUtilisation: r3(elu.utilization), latencyMs };
  if (index instanceof WorkerGraphIndex) {
    result.routed = index.routed;
    result.pool = index.pool.stats();
  }
  log(
    `${name.padEnd(9)} lag p50 ${lag.histogram.p50} / p99 ${lag.histogram.p99} / max ${lag.histogram.max} ms (ping p99 ${lag.ping.p99}, max ${lag.ping.max}) · ${result.queriesPerSecond} q/s · main thread ${Math.round(elu.utilization * 100)}% busy`,
  );
  return result;
}

// ---- calibration ----

/** Worker round trip on an empty query: latency, and the main thread's busy time per query. */
async function roundTrip(index: WorkerGraphIndex, count: number): Promise<Record<string, unknown>> {
  const times: number[] = [];
  for (let i = 0; i < 200; i++) await index.pool.run('mutuals', { a: -1, b: -2, limit: 3, avoid: null, nowDay: 0 });
  const elu0 = performance.eventLoopUtilization();
  for (let i = 0; i < count; i++) {
    const q0 = performance.now();
    await index.pool.run('mutuals', { a: -1, b: -2, limit: 3, avoid: null, nowDay: 0 });
    times.push((performance.now() - q0) * 1000);
  }
  const elu = performance.eventLoopUtilization(elu0);
  return { latencyMicros: stats(times), mainThreadMicrosPerQuery: r3((elu.active * 1000) / count) };
}

/**
 * Inline time against the routing estimate (worker-index.ts `readCost`), per read, for random viewers:
 * how many fall under the cut-off, how long those take inline, and the time per unit of raw 2-hop work.
 */
function costModel(count: number): Record<string, unknown> {
  const q = csr.queries;
  const nowDay = Math.floor((nowMs - Date.UTC(2000, 0, 1)) / 86_400_000);
  interface Sample {
    cost: number;
    raw: number;
    micros: number;
  }
  const sample = (make: () => { cost: number; raw: number; run: () => unknown }): Sample[] => {
    const out: Sample[] = [];
    for (let i = 0; i < count; i++) {
      const { cost, raw, run } = make();
      const q0 = performance.now();
      run();
      out.push({ cost, raw, micros: (performance.now() - q0) * 1000 });
    }
    return out;
  };
  const ops: Record<string, Sample[]> = {
    badges: sample(() => {
      const v = anyMember(), targets = Array.from({ length: 50 }, () => Math.floor(rand() * graph.n));
      const raw = readCost.degrees(graph, v, targets, Infinity);
      return { cost: raw, raw, run: () => q.degrees(v, targets) };
    }),
    secondDegree: sample(() => {
      const v = anyMember();
      return { cost: readCost.secondDegree(graph, v, Infinity), raw: twoHopWork(graph, v, Infinity), run: () => q.secondDegree(v) };
    }),
    suggest: sample(() => {
      const v = anyMember();
      return { cost: readCost.suggest(graph, v, 20), raw: twoHopWork(graph, v, Infinity), run: () => q.suggest(v, 20, undefined, undefined, nowDay) };
    }),
    paths: sample(() => {
      const v = anyMember(), x = anyMember();
      const raw = twoHopWork(graph, v, Infinity) + twoHopWork(graph, x, Infinity);
      return { cost: readCost.paths(graph, v, x, 3, Infinity), raw, run: () => q.paths(v, x, 3, undefined, nowDay) };
    }),
    mutuals: sample(() => {
      const v = anyMember(), x = neighbourOf(neighbourOf(v));
      return { cost: readCost.mutuals(graph, v, x), raw: graph.degree(v) + graph.degree(x), run: () => q.mutuals(v, x, 3, undefined, nowDay) };
    }),
  };
  const summary: Record<string, unknown> = {};
  for (const [op, xs] of Object.entries(ops)) {
    const below = xs.filter((x) => x.cost < INLINE_WORK).map((x) => x.micros);
    const above = xs.filter((x) => x.cost >= INLINE_WORK).map((x) => x.micros);
    summary[op] = {
      shareInline: r3(below.length / xs.length),
      inlineMicros: stats(below),
      pooledMicros: stats(above),
      nsPerRawUnit: stats(xs.filter((x) => x.raw > 1000).map((x) => (x.micros * 1000) / x.raw)),
      rawWorkOfMedianViewer: stats(xs.map((x) => x.raw)).p50,
    };
  }
  return summary;
}

// ---- run ----

const result: Record<string, unknown> = {
  members: graph.n,
  connections: graph.directedEdges / 2,
  hubViewers: { count: HUB_COUNT, ...hubDegrees },
  workers: WORKERS,
  concurrency: CONCURRENCY,
  secondsPerPhase: SECONDS,
  mix: Object.fromEntries(MIX),
  inlineCutOff: INLINE_WORK,
  notes: [
    'lagMs.histogram is monitorEventLoopDelay at 1 ms resolution: its values include the 1 ms timer period (idle p50 ≈ 1.1). lagMs.ping is how late a 1 ms setTimeout fired.',
    'Closed loop: each client yields to the event loop (setImmediate) before each query, so inline, every client whose turn comes in one loop iteration runs its query before timers do (as requests arriving together on sockets would).',
    'Latencies in the pool phases include queueing: concurrency clients share the pool, one query in flight per worker.',
    'mainThreadMicrosPerQuery (round trip) is wall time the event loop was active (eventLoopUtilization), inflated when other processes preempt it.',
  ],
};

const pooled = new WorkerGraphIndex(csr, { size: WORKERS });
const pooledAll = new WorkerGraphIndex(new CsrGraphIndex(graph), { size: WORKERS, inlineWork: 0 });
t = performance.now();
await Promise.all([pooled.ready(), pooledAll.ready()]);
log(`pools ready in ${Math.round(performance.now() - t)} ms (${WORKERS} worker(s) each)`);
try {
  // Warm both paths (JIT, scratch sized) before measuring anything.
  for (let i = 0; i < 300; i++) {
    const kind = pickKind(rand() * 100);
    await query(csr, kind);
    await query(pooledAll, kind);
  }
  result.roundTrip = await roundTrip(pooledAll, 2000);
  log(`round trip: ${JSON.stringify(result.roundTrip)}`);
  result.costModel = costModel(CALIBRATE);
  for (const [op, s] of Object.entries(result.costModel as Record<string, { shareInline: number; inlineMicros: Stats; pooledMicros: Stats; nsPerRawUnit: Stats }>)) {
    log(`cost ${op.padEnd(12)} inline share ${s.shareInline}: inline p50/p99 ${s.inlineMicros.p50}/${s.inlineMicros.p99} µs, the rest ${s.pooledMicros.p50}/${s.pooledMicros.p99} µs; ns per 2-hop visit p50 ${s.nsPerRawUnit.p50}`);
  }
  result.phases = {
    idle: await phase('idle', null),
    inline: await phase('inline', csr),
    pool: await phase('pool', pooled),
    poolAll: await phase('pool-all', pooledAll),
  };
} finally {
  await Promise.all([pooled.close(), pooledAll.close()]);
}

const record = {
  name: 'event-loop',
  description: 'event-loop lag and query throughput under heavy graph queries, inline vs worker pool',
  startedAt: startedAt.toISOString(),
  durationS: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
  machine: machine(),
  result,
};
mkdirSync(RESULTS, { recursive: true });
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
const json = `${JSON.stringify(record, null, 2)}\n`;
writeFileSync(new URL(`event-loop-${stamp}.json`, RESULTS), json);
writeFileSync(new URL('latest-event-loop.json', RESULTS), json);
log(`wrote bench/results/event-loop-${stamp}.json`);
