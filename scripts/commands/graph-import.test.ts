import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';

// `rapport graph import` as an operator runs it: scripts/rapport.mjs → tsx → scripts/cli.ts.
const dir = mkdtempSync(join(tmpdir(), 'rapport-graph-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rapport(...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return spawnSync(process.execPath, ['scripts/rapport.mjs', 'graph', 'import', ...args], {
    encoding: 'utf8',
    env: { ...env, RAPPORT_DATA_DIR: join(dir, 'data'), SCRYPT_LOG_N: '10' },
  });
}

it('answers a missing file argument with the usage and exit code 2', () => {
  const res = rapport();
  expect(res.status).toBe(2);
  expect(res.stderr).toContain('Usage: rapport graph import <edge-list>');
  expect(rapport(join(dir, 'missing.txt')).status).toBe(2);
}, 180_000);

it('refuses a malformed edge list with file:line messages, exit code 1 and no database written', () => {
  const file = join(dir, 'bad.txt');
  writeFileSync(file, '0 1\n1 two\n2\n');
  const res = rapport(file);
  expect(res.status).toBe(1);
  expect(res.stderr).toContain('bad.txt:2: node ids must be whole numbers, found "1" and "two"');
  expect(res.stderr).toContain('bad.txt:3: expected two node ids');
  expect(res.stderr).toContain('nothing was imported');
  expect(existsSync(join(dir, 'data'))).toBe(false);
}, 180_000);

it('imports an edge list with the names beside it, writes the id map, and adds nothing the second time', () => {
  const edges = join(dir, 'club_edges.csv');
  writeFileSync(edges, 'id_1,id_2\n0,1\n1,2\n2,0\n1,0\n3,0\n');
  writeFileSync(join(dir, 'club_target.csv'), 'id,name,ml_target\n0,Ada,0\n1,Grace,1\n2,Edsger,0\n3,Barbara,1\n');
  const map = join(dir, 'map.tsv');
  const first = rapport(edges, '--map', map);
  expect(first.stderr).not.toContain('Error');
  expect(first.status).toBe(0);
  expect(first.stderr).toContain('read 4 distinct edges between 4 nodes');
  expect(first.stdout).toContain('4 new members (0 already there), 4 new connections');
  expect(first.stdout).toContain("Member ids are the file's ids + 1: file id 0 is member id 1.");
  expect(readFileSync(map, 'utf8')).toBe('file_id\tmember_id\thandle\n0\t1\tada\n1\t2\tgrace\n2\t3\tedsger\n3\t4\tbarbara\n');

  const second = rapport(edges);
  expect(second.status).toBe(0);
  expect(second.stdout).toContain('0 new members (4 already there), 0 new connections (4 already there or blocked)');
}, 120_000);

it('imports a gzip-compressed edge list with gzip-compressed names beside it, and refuses a damaged one', () => {
  const edges = join(dir, 'band_edges.csv.gz');
  writeFileSync(edges, gzipSync('id_1,id_2\n0,1\n1,2\n'));
  writeFileSync(join(dir, 'band_target.csv.gz'), gzipSync('id,name,ml_target\n0,Nina,0\n1,Ornette,1\n2,Thelonious,0\n'));
  const map = join(dir, 'band-map.tsv');
  const res = rapport(edges, '--map', map);
  expect(res.stderr).toContain('read 2 distinct edges between 3 nodes from band_edges.csv.gz');
  expect(res.stderr).toContain('names from band_target.csv.gz');
  expect(res.status).toBe(0);
  expect(readFileSync(map, 'utf8')).toContain('0\t5\tnina\n1\t6\tornette\n2\t7\tthelonious\n');

  const damaged = join(dir, 'damaged.txt.gz');
  writeFileSync(damaged, gzipSync('0 1\n1 2\n'.repeat(1000)).subarray(0, 40));
  const bad = rapport(damaged);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain(`Cannot read the edge list ${damaged}: not a valid gzip file`);
}, 120_000);
