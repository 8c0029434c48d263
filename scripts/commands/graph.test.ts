import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { connect, members } from '../../server/routes/network/network-test-helpers.ts';

// `rapport graph` through the real launcher, as scripts/cli.test.ts runs the other commands.
const dir = mkdtempSync(join(tmpdir(), 'rapport-graph-cli-'));
const dataDir = join(dir, 'data');
const config = loadConfig({ RAPPORT_DATA_DIR: dataDir, SCRYPT_LOG_N: '10', LOG_LEVEL: 'silent' });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rapport(...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return spawnSync(process.execPath, ['scripts/rapport.mjs', ...args], { encoding: 'utf8', env: { ...env, RAPPORT_DATA_DIR: dataDir } });
}

let ids: number[] = [];
beforeAll(async () => {
  // A small network made through the API; closing the app writes the graph snapshot into the data dir.
  const app = await buildApp(config, { background: false });
  const people = await members(app, ['Gail A', 'Gail B', 'Gail C']);
  await connect(people[0]!, people[1]!);
  await connect(people[1]!, people[2]!);
  ids = people.map((p) => p.id);
  await app.close();
}, 120_000);

it('is listed by `rapport help`', () => {
  const res = rapport('help');
  expect(res.stdout).toMatch(/^ {2}graph +check the graph index/m);
});

it('verifies a clean database (rebuild and snapshot) with exit code 0', () => {
  const res = rapport('graph', 'verify');
  expect(res.stderr).toBe('');
  expect(res.stdout).toContain('rebuilt from the tables: 4 directed edges, 4 follows: matches the tables');
  expect(res.stdout).toMatch(/snapshot \(mark \d+, .*\) \+ 0 changes replayed: 4 directed edges, 4 follows: matches the tables/);
  expect(res.status).toBe(0);
}, 180_000);

it('exits 1 and prints the difference after one direction of a connection row is deleted', async () => {
  const [a, b] = ids;
  const database = await openDatabase(config);
  await database.db.execute(sql`DELETE FROM connections WHERE member_id = ${b} AND other_id = ${a}`);
  await database.close();
  const res = rapport('graph', 'verify', '--limit', '5');
  expect(res.stdout).toContain(`one-sided-row  connection row ${a} → ${b} has no reverse row ${b} → ${a}`);
  expect(res.stdout).toContain(`extra-edge     index edge ${b} → ${a} has no connection row`);
  expect(res.stdout).toContain('DIFFERENCES FOUND');
  expect(res.status).toBe(1);
}, 180_000);

it('answers queries over a SNAP edge list as JSON, and names a bad argument with exit code 2', () => {
  const file = join(dir, 'edges.txt');
  writeFileSync(file, '# a square with a tail\n0 1\n1 2\n2 3\n3 0\n3 4\n');
  const degree = rapport('graph', 'query', 'degree', '--viewer', '0', '--targets', '1,2,4', '--file', file);
  expect(degree.status).toBe(0);
  expect(JSON.parse(degree.stdout)).toEqual({ viewer: 0, degrees: [{ id: 1, degree: 1 }, { id: 2, degree: 2 }, { id: 4, degree: 2 }] });
  const paths = rapport('graph', 'query', 'paths', '--viewer', '1', '--target', '4', '--file', file);
  expect(JSON.parse(paths.stdout)).toEqual({ viewer: 1, target: 4, paths: [[1, 0, 3, 4], [1, 2, 3, 4]] });
  const mutuals = rapport('graph', 'query', 'mutuals', '--viewer', '0', '--target', '2', '--file', file);
  expect(JSON.parse(mutuals.stdout)).toMatchObject({ count: 2, mutuals: expect.arrayContaining([1, 3]) });

  const bad = rapport('graph', 'query', 'paths', '--viewer', '0', '--target', '99', '--file', file);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('--target 99: no such node');
  expect(rapport('graph', 'query', 'suggest', '--file', file).stderr).toContain('--viewer must be a member id');
});
