/**
 * A throwaway PostgreSQL server of the test's own on loopback, which the test may stop and start at will
 * (the shared test server must not be restarted under other suites). initdb + pg_ctl from Debian's
 * binaries, as the postgres user when running as root; `postgresBinaries` is null where they are missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../free-port.ts';
import { streamingBinaries } from '../streaming-replica.ts';

/** The directory of initdb and pg_ctl, or null. */
export const postgresBinaries = streamingBinaries;
const asRoot = process.getuid?.() === 0;

export interface ThrowawayPostgres {
  url: string;
  /** `pg_ctl stop -m fast`: every connection is ended (57P01), new ones refused. */
  stop(): void;
  start(): void;
  /** Stops the server and removes its files; safe to call twice. */
  remove(): void;
}

export async function startThrowawayPostgres(database = 'rapport'): Promise<ThrowawayPostgres> {
  const bin = postgresBinaries;
  if (!bin) throw new Error('no PostgreSQL binaries');
  const dir = mkdtempSync(join(tmpdir(), 'rapport-pg-'));
  const dataDir = join(dir, 'data');
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  // Output to a file, not a pipe: a server started by pg_ctl keeps its parent's pipes open.
  const output = join(dir, 'commands.log');
  const run = (name: string, args: string[]) => {
    const [command, full] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, name), ...args]] : [join(bin, name), args];
    const fd = openSync(output, 'a');
    try {
      const result = spawnSync(command, full, { cwd: dir, stdio: ['ignore', fd, fd], timeout: 60_000 });
      if (result.error) throw result.error;
      if (result.status !== 0) throw new Error(`${name} exited ${result.status}: ${readFileSync(output, 'utf8').slice(-2000)}`);
    } finally {
      closeSync(fd);
    }
  };
  const port = await freePort();
  const start = () => run('pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port}`, 'start']);
  const stop = () => run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-t', '30', 'stop']);
    } catch {
      /* already stopped */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    appendFileSync(join(dataDir, 'postgresql.conf'), ['', 'fsync = off', "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`, ''].join('\n'));
    start();
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, stop, start, remove };
  } catch (err) {
    remove();
    throw err;
  }
}
