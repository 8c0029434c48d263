/**
 * A throwaway PostgreSQL primary and a streaming replica of it on loopback, for the read-replica tests:
 * initdb, wal_level=replica, pg_basebackup -R, each on a free port, in one temporary directory removed by
 * stop(). The server's binaries are found where Debian puts them (the newest version), as .ci/run does;
 * without them, `streamingBinaries` is null and the suites that need them do not run. As root, every
 * command runs as the postgres user (PostgreSQL refuses to run as root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.ts';

const DEBIAN_VERSIONS = '/usr/lib/postgresql';
const NEEDED = ['initdb', 'pg_ctl', 'pg_basebackup'];

function findBinaries(): string | null {
  if (!existsSync(DEBIAN_VERSIONS)) return null;
  const versions = readdirSync(DEBIAN_VERSIONS)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(DEBIAN_VERSIONS, version, 'bin');
    if (NEEDED.every((name) => existsSync(join(bin, name)))) return bin;
  }
  return null;
}

const asRoot = process.getuid?.() === 0;
/** The directory of initdb, pg_ctl and pg_basebackup, or null: no local PostgreSQL to start. */
export const streamingBinaries: string | null = (() => {
  const bin = findBinaries();
  if (!bin) return null;
  if (asRoot && spawnSync('id', ['-u', 'postgres']).status !== 0) return null;
  return bin;
})();

export interface StreamingPair {
  primaryUrl: string;
  replicaUrl: string;
  /** A connection to the replica, for pausing and resuming its replay. */
  replica: pg.Pool;
  primary: pg.Pool;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stopReplica(): void;
  /** Stops both servers and removes their files; safe to call twice, and after a failed start. */
  stop(): Promise<void>;
}

export async function startStreamingPair(database = 'rapport'): Promise<StreamingPair> {
  const bin = streamingBinaries;
  if (!bin) throw new Error('no PostgreSQL binaries');
  const dir = mkdtempSync(join(tmpdir(), 'rapport-replicas-'));
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  const uid = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : null;
  const gid = asRoot ? Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) : null;
  if (uid !== null && gid !== null) chownSync(dir, uid, gid);

  // Output goes to a file, not a pipe: a server started by pg_ctl keeps its parent's pipes open, and waiting
  // for their end would wait for the server to stop.
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
  const stopServer = (dataDir: string) => {
    if (!existsSync(join(dataDir, 'postmaster.pid'))) return;
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-t', '30', 'stop']);
    } catch {
      /* already stopped */
    }
  };
  const pools: pg.Pool[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
    stopServer(replicaDir);
    stopServer(primaryDir);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    run('initdb', ['-D', primaryDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    // Settings the base backup copies to the replica too; fsync off as in CI: nothing here outlives the test.
    appendFileSync(
      join(primaryDir, 'postgresql.conf'),
      ['', 'wal_level = replica', 'max_wal_senders = 5', 'fsync = off', 'full_page_writes = off', 'listen_addresses = \'127.0.0.1\'', `unix_socket_directories = '${dir}'`, ''].join('\n'),
    );
    appendFileSync(join(primaryDir, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
    run('pg_ctl', ['-D', primaryDir, '-l', join(dir, 'primary.log'), '-w', '-t', '60', '-o', `-p ${primaryPort}`, 'start']);
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${primaryPort}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();

    // A fast checkpoint: the default spreads it over minutes.
    run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
    run('pg_ctl', ['-D', replicaDir, '-l', join(dir, 'replica.log'), '-w', '-t', '60', '-o', `-p ${replicaPort}`, 'start']);

    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/${database}`;
    const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/${database}`;
    const primary = new pg.Pool({ connectionString: primaryUrl, max: 2 });
    const replica = new pg.Pool({ connectionString: replicaUrl, max: 2 });
    for (const pool of [primary, replica]) {
      pool.on('error', () => undefined);
      pools.push(pool);
    }
    return {
      primaryUrl,
      replicaUrl,
      primary,
      replica,
      async caughtUp(timeoutMs = 20_000) {
        const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const r = await replica.query<{ behind: number }>('SELECT pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::float8 AS behind', [rows[0]!.lsn]);
          if (r.rows[0]!.behind <= 0) return;
          if (Date.now() > deadline) throw new Error(`replica still ${r.rows[0]!.behind} bytes behind after ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      stopReplica: () => stopServer(replicaDir),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
