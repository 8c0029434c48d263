import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../server/graph/edge-list.ts';
import { UsageError } from '../lib/database.ts';
import { runGraphQuery } from './graph-query.ts';
import { seededRandom } from '../../common/seeded-random.ts';

// `rapport graph query --file` through the real launcher, and in-process for many single answers.
const dir = mkdtempSync(join(tmpdir(), 'rapport-graph-query-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FACEBOOK = fileURLToPath(new URL('../../datasets/ego-facebook/facebook_combined.txt.gz', import.meta.url));

function rapport(args: string[], input?: string) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return spawnSync(process.execPath, ['scripts/rapport.mjs', 'graph', 'query', ...args], {
    encoding: 'utf8',
    env: { ...env, RAPPORT_DATA_DIR: join(dir, 'data') },
    ...(input === undefined ? {} : { input }),
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** One in-process run: its output, or the usage error it stopped with. */
async function inProcess(args: string[], input = ''): Promise<string> {
  let out = '';
  try {
    await runGraphQuery(args, { readInput: async () => input, write: (text) => (out += text) });
  } catch (err) {
    if (err instanceof UsageError) return `usage error: ${err.message}`;
    throw err;
  }
  return out;
}

const rng = seededRandom;

describe('ids too large for a number', () => {
  it('refuses an edge list with a node id above 2^53 − 1, naming the file and line, with exit code 2', () => {
    const file = join(dir, 'big.txt');
    // 2^53 − 1 is the largest id a number holds exactly; as numbers, 9007199254740993 and 9007199254740992
    // are one value, so two members would silently merge.
    writeFileSync(file, '# ids from a 64-bit system\n1 9007199254740991\n1 9007199254740993\n2 9007199254740992\n');
    const res = rapport(['degree', '--viewer', '1', '--target', '2', '--file', file]);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(`${file}:3: node id 9007199254740993 is larger than 9007199254740991 (2^53 − 1)`);
    expect(res.status).toBe(2);
  });

  it('refuses such an id as --viewer or --target rather than rounding it onto another member', async () => {
    const file = join(dir, 'small.txt');
    writeFileSync(file, '1 2\n2 3\n');
    expect(await inProcess(['paths', '--viewer', '1', '--target', '9007199254740993', '--file', file])).toContain(
      'usage error: --target must be a member id (a non-negative integer up to 2^53 − 1): 9007199254740993 is larger than 9007199254740991',
    );
  });
});

describe('--batch', () => {
  // A slice of ego-Facebook, so a thousand in-process single runs (each reading the file) stay quick.
  const sliceFile = join(dir, 'facebook-slice.txt');
  writeFileSync(sliceFile, readDataset('ego-facebook/facebook_combined.txt.gz').split('\n').slice(0, 12_000).join('\n'));
  const rand = rng(2024);
  const node = () => Math.floor(rand() * 1000);

  it('answers 1,000 queries as 1,000 JSON lines, each equal to the single query’s answer', async () => {
    const pairs = Array.from({ length: 1000 }, () => [node(), node()] as const);
    const input = `# viewer target\n${pairs.map(([v, t]) => `${v} ${t}`).join('\n')}\n`;
    const started = performance.now();
    const batch = rapport(['paths', '--batch', '--k', '3', '--file', sliceFile], input);
    const batchMs = performance.now() - started;
    expect(batch.stderr).toBe('');
    expect(batch.status).toBe(0);
    const lines = batch.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1000);

    // The same answers one call at a time: three through the launcher, all thousand in-process.
    const singleStarted = performance.now();
    for (const i of [0, 499, 999]) {
      const [v, t] = pairs[i]!;
      const single = rapport(['paths', '--viewer', String(v), '--target', String(t), '--k', '3', '--file', sliceFile]);
      expect(single.stdout).toBe(`${lines[i]}\n`);
    }
    const singleMs = (performance.now() - singleStarted) / 3;
    for (let i = 0; i < pairs.length; i++) {
      const [v, t] = pairs[i]!;
      expect(await inProcess(['paths', '--viewer', String(v), '--target', String(t), '--k', '3', '--file', sliceFile])).toBe(`${lines[i]}\n`);
    }
    expect(lines.some((l) => (JSON.parse(l) as { paths: number[][] }).paths.length > 0)).toBe(true);
    console.log(
      `graph query --batch: 1,000 paths queries in ${Math.round(batchMs)} ms in one process; ` +
        `one query per process takes ${Math.round(singleMs)} ms, so ~${Math.round(singleMs)} s for the thousand`,
    );
  }, 300_000);

  it('answers every kind of query the way a single call does, from the gzip-compressed data set', async () => {
    const viewers = Array.from({ length: 8 }, node);
    const cases: [string, string[]][] = [
      ['degree', viewers.map((v) => `${v} ${node()} ${node()},${node()}`)],
      ['mutuals', viewers.map((v) => `${v} ${node()}`)],
      ['suggest', viewers.map((v) => `${v}`)],
    ];
    for (const [query, batchLines] of cases) {
      const out = (await inProcess([query, '--batch', '--limit', '5', '--file', FACEBOOK], batchLines.join('\n'))).trimEnd().split('\n');
      expect(out).toHaveLength(batchLines.length);
      for (let i = 0; i < batchLines.length; i++) {
        const [viewer, ...targets] = batchLines[i]!.split(/[\s,]+/);
        const single = [query, '--viewer', viewer!, '--limit', '5', '--file', FACEBOOK];
        if (query === 'degree') single.push('--targets', targets.join(','));
        if (query === 'mutuals') single.push('--target', targets[0]!);
        expect(await inProcess(single)).toBe(`${out[i]}\n`);
      }
    }
  }, 300_000);

  it('names every bad line and unknown node by its line, and answers nothing', async () => {
    const file = join(dir, 'square.txt');
    writeFileSync(file, '0 1\n1 2\n2 3\n3 0\n');
    const res = rapport(['paths', '--batch', '--file', file], '0 2\n\nx 1\n3\n1 2 3\n2 77\n');
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('stdin:3: "x" is not a member id (a non-negative integer)');
    expect(res.stderr).toContain('stdin:4: expected "viewer target", found 1 id');
    expect(res.stderr).toContain('stdin:5: expected "viewer target", found 3 ids');
    expect(res.stderr).toContain('3 bad lines; nothing was answered.');
    expect(res.status).toBe(2);
    const unknown = rapport(['paths', '--batch', '--file', file], '0 2\n2 77\n');
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain(`stdin:2: 77: no such node in ${file}`);
    expect(unknown.status).toBe(2);
    expect(await inProcess(['paths', '--batch', '--viewer', '1', '--file', file])).toContain('--batch reads the viewers and targets from its input');
  });
});
