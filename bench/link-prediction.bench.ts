import { type Benchmark } from './lib.ts';
import { evaluate, EVAL_MEMBERS, graphs, K, markdown, writeSection } from './link-prediction.ts';

/** `npm run bench -- link-prediction` (run it with `nice -n 10`: CPU-bound for a few minutes). bench/link-prediction.ts says how. */
const bench: Benchmark = {
  name: 'link-prediction',
  description: `People you may know: precision@${K} on held-out connections of the real graphs (${EVAL_MEMBERS} members per graph)`,
  async run(log) {
    const results = [];
    for (const g of graphs()) {
      const r = evaluate(g, log);
      log(JSON.stringify(r.precision));
      results.push(r);
    }
    const tables = markdown(results);
    console.log(`\n${tables}`);
    writeSection(tables);
    log('wrote docs/performance.md, section "People you may know: precision@10"');
    return { results };
  },
};

export default bench;
