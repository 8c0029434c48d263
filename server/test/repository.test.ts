/**
 * The repository works on any clone: nothing refers to a path on one machine or to a folder beside the
 * checkout, and the data sets the tests read are in datasets/, exactly as their READMEs describe them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Generated, installed or ignored: not part of the repository's own text.
const SKIP_DIRS = new Set(['.git', 'node_modules', 'data', 'dist', 'coverage', 'test-results', '.cache']);
const BINARY = /\.(gz|png|jpe?g|gif|webp|ico|woff2?|wasm|pdf)$/i;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue; // (in a git worktree, .git is a file naming the main checkout)
    if (entry.isDirectory()) yield* files(join(dir, entry.name));
    else if (entry.isFile() && !BINARY.test(entry.name)) yield join(dir, entry.name);
  }
}

describe('a clone that works anywhere', () => {
  it('refers to no absolute machine path and to no folder beside the checkout', () => {
    // Spelled in pieces, so that this file does not match itself.
    const machinePath = new RegExp(['/wo', 'rk/', '|\\.\\./sha', 'red\\b'].join(''));
    const found: string[] = [];
    for (const file of files(ROOT)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (machinePath.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('carries each data set file with the checksum its README gives', () => {
    const datasets = join(ROOT, 'datasets');
    let checked = 0;
    for (const set of readdirSync(datasets, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const dir = join(datasets, set.name);
      const readme = readFileSync(join(dir, 'README.md'), 'utf8');
      const listed = new Map([...readme.matchAll(/^\| `([^`]+\.gz)` \| `([0-9a-f]{64})` \|/gm)].map((m) => [m[1]!, m[2]!]));
      const present = readdirSync(dir).filter((n) => n.endsWith('.gz'));
      expect([...listed.keys()].sort(), `${set.name}/README.md lists every file`).toEqual(present.sort());
      for (const [name, sha256] of listed) {
        const digest = createHash('sha256').update(gunzipSync(readFileSync(join(dir, name)))).digest('hex');
        expect(digest, `${set.name}/${name}`).toBe(sha256);
        checked++;
      }
    }
    expect(checked).toBe(13);
  });
});
