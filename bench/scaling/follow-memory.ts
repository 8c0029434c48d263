/**
 * Heap per follow of the graph index's follow graph (server/graph/follows.ts: a Set per member each way),
 * which the graph benchmarks never load: their generated graph has connections only, while connecting makes
 * two members follow each other, so a real community has about two follows per connection.
 *   node --expose-gc --import tsx bench/scaling/follow-memory.ts [members=100000] [follows per member=100]
 * docs/scaling.md uses the result.
 */
import { FollowGraph } from '../../server/graph/follows.ts';
import { seededRandom } from '../../common/seeded-random.ts';

const members = Number(process.argv[2] ?? 100_000);
const perMember = Number(process.argv[3] ?? 100);
const gc = globalThis.gc;
if (!gc) throw new Error('run with node --expose-gc');
const random = seededRandom(42);

gc();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
const graph = new FollowGraph();
// Each connection is two follows, one each way, as connect() writes them.
for (let a = 0; a < members; a++) {
  for (let k = 0; k < perMember / 2; k++) {
    const b = Math.floor(random() * members);
    graph.follow(a, b);
    graph.follow(b, a);
  }
}
const buildMs = Math.round(performance.now() - started);
gc();
const heapBytes = process.memoryUsage().heapUsed - before;
const follows = graph.size();
console.log(JSON.stringify({ members, follows, buildMs, heapBytes, bytesPerFollow: +(heapBytes / follows).toFixed(1), codeEstimate: graph.bytes() / follows }));
