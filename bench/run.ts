import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Benchmark, machine } from './lib.ts';

/**
 * `npm run bench [-- name ... [--flag value ...]]`: runs every bench/*.bench.ts (or the named ones) in turn and writes each
 * result to bench/results/<name>-<timestamp>.json and bench/results/latest-<name>.json.
 */
const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(here, 'results');

async function main(): Promise<void> {
  // Benchmark names come first; what follows the first --flag is the benchmarks' own (bench/feed/options.ts).
  const args = process.argv.slice(2);
  const firstFlag = args.findIndex((a) => a.startsWith('--'));
  const wanted = firstFlag < 0 ? args : args.slice(0, firstFlag);
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  const chosen = wanted.length ? files.filter((f) => wanted.includes(f.replace(/\.bench\.ts$/, ''))) : files;
  if (chosen.length === 0) throw new Error(`No benchmark matches ${wanted.join(', ')}; available: ${files.join(', ')}`);
  mkdirSync(resultsDir, { recursive: true });
  for (const file of chosen) {
    const bench = ((await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark }).default;
    console.log(`\n== ${bench.name}: ${bench.description}`);
    const startedAt = new Date();
    const result = await bench.run((line) => console.log(`  ${line}`));
    const record = {
      name: bench.name,
      description: bench.description,
      startedAt: startedAt.toISOString(),
      durationS: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
      machine: machine(),
      result,
    };
    const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
    const json = `${JSON.stringify(record, null, 2)}\n`;
    writeFileSync(join(resultsDir, `${bench.name}-${stamp}.json`), json);
    writeFileSync(join(resultsDir, `latest-${bench.name}.json`), json);
    console.log(`  wrote bench/results/latest-${bench.name}.json`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
