/**
 * `npm run bench -- community-structure [--members 1000000] [--degree 20] [--runs 3]`: the graph part of the
 * daily community.structure job (commands/community/structure.ts): copying the CSR without the excluded
 * members and Louvain over it with the clusters and bridges (graph/csr-community.ts), through one graph worker
 * as the job runs it. The graph is bench/graph/generate.ts's (power-law degrees, planted communities, hubs).
 * Also reported inline, by phase. The database part (reading inactive members, the labels' sample, writing
 * ≤ 40 clusters and ≤ 100 bridges) does not grow with the community beyond the list of inactive members.
 */
import { generateGraph } from './graph/generate.ts';
import { CsrGraph } from '../server/graph/csr.ts';
import { copyForLouvain, structureOf } from '../server/graph/csr-community.ts';
import { CsrGraphIndex } from '../server/graph/csr-index.ts';
import { WorkerGraphIndex } from '../server/graph/worker-index.ts';
import { DEFAULT_SEED } from '../server/garden/ego-analysis.ts';
import { type Benchmark, stats } from './lib.ts';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const v = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const bench: Benchmark = {
  name: 'community-structure',
  description: 'Community-wide Louvain, clusters and bridges (the community.structure job) in a graph worker',
  async run(log) {
    const members = flag('members', 1_000_000), avgDegree = flag('degree', 20), runs = flag('runs', 3);
    let t = performance.now();
    const gen = generateGraph(members, { avgDegree, seed: 15 });
    const graph = CsrGraph.fromEdges(gen.n, gen.src, gen.dst, gen.days);
    log(`graph: ${graph.n} members, ${graph.directedEdges / 2} connections, built in ${Math.round(performance.now() - t)} ms`);
    // One member in a hundred inactive, as suspended and deleted members are left out.
    const exclude = new Set<number>();
    for (let i = 0; i < graph.n; i += 100) exclude.add(i);

    const copy: number[] = [], cluster: number[] = [];
    let last: ReturnType<typeof structureOf> | null = null;
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      const c = copyForLouvain(graph, Int32Array.from(exclude));
      copy.push(performance.now() - t);
      t = performance.now();
      last = structureOf(c.csr, c.members, DEFAULT_SEED);
      cluster.push(performance.now() - t);
    }
    log(`inline: copy p50 ${stats(copy).p50} ms, Louvain + clusters + bridges p50 ${stats(cluster).p50} ms; ${last!.clusterSizes.length} clusters named, modularity ${last!.modularity.toFixed(4)}, ${last!.bridges.length} bridges`);

    const index = new WorkerGraphIndex(new CsrGraphIndex(graph), { size: 1, inlineWork: 0 });
    await index.ready();
    const worker: number[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        t = performance.now();
        await index.communityStructure({ exclude, seed: DEFAULT_SEED });
        worker.push(performance.now() - t);
      }
    } finally {
      await index.close();
    }
    log(`in a worker: p50 ${stats(worker).p50} ms, max ${stats(worker).max} ms over ${runs} runs (pool ${index.routed.communityStructure.pool}, fallback ${index.routed.communityStructure.fallback})`);
    return {
      members: graph.n,
      connections: graph.directedEdges / 2,
      copy: stats(copy),
      cluster: stats(cluster),
      worker: stats(worker),
      clusters: last!.clusterSizes.length,
      largestClusters: last!.clusterSizes.slice(0, 5),
      modularity: last!.modularity,
      bridges: last!.bridges.length,
    };
  },
};

export default bench;
