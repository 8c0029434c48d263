import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Config } from '../config.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { deadlineClient } from './deadline-client.ts';
import { channelFor, listen, type Listener, type ListenOptions } from './notifications.ts';
import { gatePglite, PriorityLane } from './priority-lane.ts';
import { ReplicaSet } from './replicas/replica-set.ts';
import type { Db, DbOrTx } from './handles.ts';
import * as schema from './schema.ts';

// The handles' types live apart so the replicas (replicas/replica-set.ts), which this module opens, can name them too.
export type { Db, DbOrTx, Schema, Tx } from './handles.ts';

export interface Database {
  /** For requests: on a server, a pool whose statements and waits for a connection are bounded (DATABASE_*_TIMEOUT_MS). */
  db: Db;
  /**
   * For work that may rightly take long: migrations, loading the graph, the event dispatcher, jobs. On a server a
   * small pool of its own without the requests' timeouts, so a slow database fails requests fast without
   * failing a migration or an export half-way; on PGlite the same handle as `db`.
   */
  background: Db;
  engine: 'pglite' | 'postgres';
  /** Embedded PGlite's one connection, shared in priority order (priority-lane.ts); a server's pool needs none. */
  lane?: PriorityLane;
  /**
   * A server's LISTEN/NOTIFY channel for committed events (events/announce.ts), and a way to listen on it
   * with a connection of its own. Absent on PGlite, which is one process.
   */
  events?: { channel: string; listen(handlers: Omit<ListenOptions, 'url' | 'schema' | 'channel'>): Listener };
  /** The same for the job queue: a job enqueued in one process wakes the workers of the others (jobs/enqueue.ts). */
  jobs?: { channel: string; listen(handlers: Omit<ListenOptions, 'url' | 'schema' | 'channel'>): Listener };
  /**
   * A server's streaming replicas (DATABASE_REPLICA_URLS), for reads that may be a few seconds stale:
   * server/http/read-db.ts picks one per request. Absent without replicas, and always on PGlite.
   */
  replicas?: ReplicaSet;
  /** A server's request pool now: connections open, idle, and requests waiting for one (for /metrics). */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** Reclaims dead rows and refreshes planner statistics; PGlite never autovacuums. */
  vacuumAnalyze(): Promise<void>;
  /**
   * Embedded PGlite only: its data directory as a gzipped tarball (db/backup.ts), taken between two database
   * calls, so no transaction is half-way through it. A server is backed up with its own tools (pg_dump).
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

/** Runs raw SQL and returns its rows; both drivers return `{ rows }`. */
export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Opens the configured engine: embedded PGlite in the data directory, or a PostgreSQL server. */
export async function openDatabase(config: Config): Promise<Database> {
  const dbc = config.database;
  if (dbc.kind === 'postgres') {
    // Tests give each file its own schema; public stays on the path for pg_trgm's functions.
    const options = dbc.schema ? { options: `-c search_path=${dbc.schema},public` } : {};
    const { statementMs = 0, acquireMs = 0 } = dbc.timeouts ?? {};
    const pool = new pg.Pool({
      connectionString: dbc.url,
      max: dbc.poolMax ?? 10,
      ...options,
      // PostgreSQL cancels a statement running past statementMs; the client ends a connection whose answer is
      // a second later than that (deadline-client.ts); a request waits at most acquireMs for a connection.
      ...(statementMs > 0 ? { statement_timeout: statementMs, Client: deadlineClient(statementMs + 1000) } : {}),
      ...(acquireMs > 0 ? { connectionTimeoutMillis: acquireMs } : {}),
    });
    const backgroundPool = statementMs > 0 || acquireMs > 0 ? new pg.Pool({ connectionString: dbc.url, max: 4, ...options }) : pool;
    for (const p of new Set([pool, backgroundPool])) {
      p.on('error', () => {
        /* idle client errors are surfaced on the next query */
      });
    }
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    const background = backgroundPool === pool ? db : (drizzleNodePg(backgroundPool, { schema }) as unknown as Db);
    const channel = channelFor('rapport_events', dbc.schema);
    const jobsChannel = channelFor('rapport_jobs', dbc.schema);
    const replicas = dbc.replicas ? new ReplicaSet(pool, dbc.replicas, { schema: dbc.schema }) : undefined;
    return {
      db,
      background,
      engine: 'postgres',
      ...(replicas ? { replicas } : {}),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      events: { channel, listen: (handlers) => listen({ ...handlers, url: dbc.url, schema: dbc.schema, channel }) },
      jobs: { channel: jobsChannel, listen: (handlers) => listen({ ...handlers, url: dbc.url, schema: dbc.schema, channel: jobsChannel }) },
      async vacuumAnalyze() {
        await backgroundPool.query('ANALYZE');
      },
      async close() {
        await replicas?.close();
        await pool.end();
        if (backgroundPool !== pool) await backgroundPool.end();
      },
    };
  }

  let release: (() => void) | null = null;
  let dataPath: string | undefined;
  if (dbc.dataDir) {
    mkdirSync(dbc.dataDir, { recursive: true });
    release = acquireDataDirLock(dbc.dataDir);
    dataPath = join(dbc.dataDir, 'pg');
  }
  let client: PGlite;
  try {
    const blank = !dataPath && dbc.blankCluster ? new Blob([readFileSync(dbc.blankCluster)]) : undefined;
    client = await PGlite.create(dataPath, { extensions: { pg_trgm }, ...(blank ? { loadDataDir: blank } : {}) });
  } catch (err) {
    release?.();
    throw err;
  }
  // Health checks and sign-ins must not wait behind a backlog of reads on the single connection.
  const lane = new PriorityLane();
  gatePglite(client, lane);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    background: db,
    engine: 'pglite',
    lane,
    async vacuumAnalyze() {
      await client.exec('VACUUM ANALYZE');
    },
    async dumpDataDir() {
      // Written out first, so the dump needs no crash recovery's worth of WAL replay when restored.
      await client.exec('CHECKPOINT');
      return lane.run('normal', () => client.dumpDataDir('gzip'));
    },
    async close() {
      await client.close();
      release?.();
    },
  };
}
