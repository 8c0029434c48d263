import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

// The real launcher, as `npx rapport` runs it: scripts/rapport.mjs → tsx → scripts/cli.ts.
const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rapport(...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return spawnSync(process.execPath, ['scripts/rapport.mjs', ...args], {
    encoding: 'utf8',
    env: { ...env, RAPPORT_DATA_DIR: join(dir, 'data'), SCRYPT_LOG_N: '10' },
  });
}

it('lists its commands', () => {
  const res = rapport('help');
  expect(res.status).toBe(0);
  expect(res.stdout).toContain('import');
});

it('refuses a malformed CSV with file:line messages, exit code 1 and no database written', () => {
  const file = join(dir, 'people.csv');
  writeFileSync(file, 'email,name,headline,organisation,title,location,skills\nok@example.com,Ok,,,,,\nnope,Bad,,,,,\n');
  const res = rapport('import', 'csv', file);
  expect(res.status).toBe(1);
  expect(res.stderr).toContain('people.csv:3: email: must be a valid email address');
  expect(res.stderr).toContain('nothing was imported');
  // Validation happens before the database is even opened.
  expect(existsSync(join(dir, 'data'))).toBe(false);
});

it('imports a valid CSV into the configured data directory, and creates nobody the second time', () => {
  const file = join(dir, 'good.csv');
  writeFileSync(file, 'email,name,headline,organisation,title,location,skills\nann@example.com,Ann Lee,Chemist,Acme,Chemist,Oslo,Chemistry\n');
  const first = rapport('import', 'csv', file);
  expect(first.stderr).not.toContain('Error');
  expect(first.status).toBe(0);
  expect(first.stdout).toContain('1 new, 0 updated');
  const second = rapport('import', 'csv', file);
  expect(second.status).toBe(0);
  expect(second.stdout).toContain('0 new, 0 updated, 1 unchanged');
}, 180_000);

it('queues the weekly digest on demand, shows the job queue, and refuses to retry a job that is not dead', () => {
  const digest = rapport('jobs', 'digest');
  expect(digest.stderr).not.toContain('Error');
  expect(digest.status).toBe(0);
  expect(digest.stdout).toMatch(/Queued the weekly digest for \d{4}-W\d{2} \(job #(\d+)\)/);
  const id = /job #(\d+)/.exec(digest.stdout)![1]!;
  const status = rapport('jobs', 'status');
  expect(status.status).toBe(0);
  expect(status.stdout).toMatch(/digest\.schedule\s+1\s+0\s+0\s+0/);
  const retry = rapport('jobs', 'retry', id);
  expect(retry.status).toBe(1);
  expect(retry.stderr).toContain(`Job #${id} is queued, not dead`);
  expect(rapport('jobs', 'discard', '987654').stderr).toContain('There is no job #987654.');
  expect(rapport('jobs', 'retry', 'x').status).toBe(2);
}, 180_000);

it('backs up the embedded database and restores it, and refuses a file that is not a backup without changing anything', () => {
  const backup = rapport('backup', '--keep', '3');
  expect(backup.stderr).not.toContain('Error');
  expect(backup.status).toBe(0);
  const file = /^Wrote (\S+rapport-backup-\S+\.tar\.gz)/m.exec(backup.stdout)?.[1];
  expect(file && existsSync(file)).toBe(true);
  const bogus = join(dir, 'bogus.tar.gz');
  writeFileSync(bogus, 'not a backup');
  const refused = rapport('restore', bogus);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('bogus.tar.gz is not a Rapport backup');
  expect(refused.stderr).toContain('Nothing was changed.');
  expect(rapport('backup', '--keep', 'lots').status).toBe(2);
  const restored = rapport('restore', file!);
  expect(restored.stderr).not.toContain('Error');
  expect(restored.status).toBe(0);
  expect(restored.stdout).toContain('rebuilds the graph index');
  // What a restore brings back is checked in server/db/backup.test.ts.
}, 180_000);
