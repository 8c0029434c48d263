import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCommunity } from '../scripts/demo/generate.ts';
import { loadDemo } from '../scripts/demo/load.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connection.ts';
import { migrate } from '../server/db/migrate.ts';
import { type Benchmark, stats } from './lib.ts';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const RUNS = 5;
const SEED = 42;

/** Spawns `tsx server/main.ts` on a data directory and times it until it prints "Rapport is running". */
async function startOnce(dataDir: string): Promise<{ wallMs: number; readyMs: number }> {
  const started = performance.now();
  // The embedded engine always: a DATABASE_URL in the caller's environment must not redirect the benchmark.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child: ChildProcess = spawn(process.execPath, [join(repo, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], {
    cwd: repo,
    env: { ...env, RAPPORT_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start-up line within 120 s:\n${output}`)), 120_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /Rapport is running.*ready in (\d+) ms/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve({ wallMs: performance.now() - started, readyMs: Number(m[1]) });
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => reject(new Error(`server exited with ${code} before starting:\n${output}`)));
    });
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

/** A data directory with the 2,000-member demo community, built once and reused across bench runs. */
async function demoDataDir(size: number, log: (line: string) => void): Promise<string> {
  const dir = join(tmpdir(), `rapport-bench-demo-${size}-seed${SEED}`);
  const marker = join(dir, 'bench-complete');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  log(`building a ${size}-member data directory in ${dir} (once)`);
  const config = { ...loadConfig({ RAPPORT_DATA_DIR: dir, SCRYPT_LOG_N: '12' }) };
  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    await loadDemo(database, generateCommunity(size, SEED), { publicUrl: config.publicUrl, scryptLogN: config.scryptLogN });
  } finally {
    await database.close();
  }
  writeFileSync(marker, new Date().toISOString());
  return dir;
}

const bench: Benchmark = {
  name: 'startup',
  description: 'time from spawning `tsx server/main.ts` to its "Rapport is running" line, on embedded PGlite',
  async run(log) {
    const out: Record<string, unknown> = { runs: RUNS, note: 'wallMs: spawn to start-up line (includes tsx and module loading); readyMs: the server\'s own figure from main()' };
    const empty: { wallMs: number; readyMs: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-empty-'));
      try {
        empty.push(await startOnce(dir));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    out.emptyDataDir = { wallMs: stats(empty.map((r) => r.wallMs)), readyMs: stats(empty.map((r) => r.readyMs)) };
    log(`empty data dir:   spawn→running p50 ${(out.emptyDataDir as { wallMs: { p50: number } }).wallMs.p50.toFixed(0)} ms`);

    const dir = await demoDataDir(2000, log);
    const full: { wallMs: number; readyMs: number }[] = [];
    for (let i = 0; i < RUNS; i++) full.push(await startOnce(dir));
    out.members2000 = { wallMs: stats(full.map((r) => r.wallMs)), readyMs: stats(full.map((r) => r.readyMs)) };
    log(`2,000 members:    spawn→running p50 ${(out.members2000 as { wallMs: { p50: number } }).wallMs.p50.toFixed(0)} ms`);
    return out;
  },
};

export default bench;
