import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ReplicaConfig } from '../../config.ts';
import type { Db } from '../handles.ts';
import * as schema from '../schema.ts';
import { isConnectionFailure, ReplicaFallbackPool } from './fallback-pool.ts';
import { type PrimaryPosition, primaryPosition, replicaLagMs } from './lag.ts';
import { RecentWriters } from './recent-writers.ts';

/** A replica as the rotation sees it. Named by its index in DATABASE_REPLICA_URLS: its URL may hold a password. */
export interface ReplicaStatus {
  index: number;
  inRotation: boolean;
  /** At the last check; null when it could not be measured (the replica failed or is not one). */
  lagMs: number | null;
  /** Why it is out of the rotation, when it is. */
  reason: string | null;
}

interface Replica extends ReplicaStatus {
  pool: pg.Pool;
  db: Db;
}

interface Logger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/**
 * The streaming replicas reads may go to (docs/operations.md, "Read replicas"): a pool and a Drizzle handle
 * each, a lag check on a timer that takes a replica out of the rotation while it is more than maxLagMs
 * behind or failing, and back once it is healthy, and the choice of one for a read, round-robin among those
 * in rotation. With none in rotation, reads go to the primary: never an error for want of a replica.
 *
 * A replica starts out of the rotation: it has to pass a check before it is trusted with a read.
 */
export class ReplicaSet {
  /** Members whose reads stay on the primary for a while after a write (read-your-writes). */
  readonly writers: RecentWriters;
  private readonly replicas: Replica[];
  private next = 0;
  private previous: PrimaryPosition | null = null;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private log: Logger | null = null;
  private gauges: { lag: Gauge; inRotation: Gauge; fallbacks: Counter } | null = null;

  constructor(
    private readonly primary: pg.Pool,
    readonly config: ReplicaConfig,
    options: { schema?: string | undefined } = {},
  ) {
    this.writers = new RecentWriters(config.readYourWritesMs);
    this.replicas = config.urls.map((url, index) => {
      const pool = new pg.Pool({
        connectionString: url,
        max: 10,
        // A replica that does not answer is left for the primary quickly, not waited on for the OS's timeout.
        connectionTimeoutMillis: 2_000,
        ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}),
      });
      pool.on('error', () => {
        /* idle client errors: the next query or check finds out */
      });
      const replica: Replica = { index, inRotation: false, lagMs: null, reason: 'not checked yet', pool, db: null as unknown as Db };
      const client = new ReplicaFallbackPool(pool, primary, (err) => this.failedRead(replica, err));
      replica.db = drizzle({ client: client as unknown as pg.Pool, schema }) as unknown as Db;
      return replica;
    });
  }

  /** A replica in rotation for one read (round-robin), or null: read from the primary. */
  pick(): Db | null {
    const n = this.replicas.length;
    for (let i = 0; i < n; i++) {
      const replica = this.replicas[(this.next + i) % n]!;
      if (replica.inRotation) {
        this.next = (this.next + i + 1) % n;
        return replica.db;
      }
    }
    return null;
  }

  status(): ReplicaStatus[] {
    return this.replicas.map(({ index, inRotation, lagMs, reason }) => ({ index, inRotation, lagMs, reason }));
  }

  /**
   * Starts the lag checks (a timer that keeps no process alive) with metrics in the app's registry, after a
   * first check, so a healthy replica takes reads from the first request. Returns the function that stops them.
   */
  async monitor(options: { metrics: Registry; log: Logger }): Promise<() => void> {
    this.log = options.log;
    const registers = [options.metrics];
    this.gauges = {
      lag: new Gauge({ name: 'rapport_replica_lag_seconds', help: 'How far each read replica was behind the primary at its last check (absent: could not be measured)', labelNames: ['replica'], registers }),
      inRotation: new Gauge({ name: 'rapport_replica_in_rotation', help: 'Whether each read replica takes reads (1) or was left out for lag or failure (0)', labelNames: ['replica'], registers }),
      fallbacks: new Counter({ name: 'rapport_replica_fallbacks_total', help: 'Reads a replica failed that the primary then answered', labelNames: ['replica'], registers }),
    };
    for (const replica of this.replicas) this.gauges.inRotation.set({ replica: String(replica.index) }, 0);
    await this.check();
    this.timer = setInterval(() => void this.check(), this.config.checkIntervalMs);
    this.timer.unref();
    return () => {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
    };
  }

  /** Measures every replica once (a check already under way is joined, not doubled). Never throws. */
  check(): Promise<void> {
    this.checking ??= this.checkAll().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.checking;
    await Promise.all(this.replicas.map((r) => r.pool.end()));
  }

  private async checkAll(): Promise<void> {
    let current: PrimaryPosition;
    try {
      current = await primaryPosition(this.primary);
    } catch (err) {
      // Without the primary's position no lag can be told; reads fall back to the primary, which is what is failing.
      for (const replica of this.replicas) this.update(replica, null, `primary position unavailable: ${messageOf(err)}`);
      return;
    }
    const previous = this.previous;
    await Promise.all(
      this.replicas.map(async (replica) => {
        try {
          const lagMs = await withTimeout(replicaLagMs(replica.pool, current, previous), Math.max(1_000, this.config.maxLagMs));
          const over = lagMs > this.config.maxLagMs;
          this.update(replica, lagMs, !over ? null : Number.isFinite(lagMs) ? `lag ${Math.round(lagMs)} ms over ${this.config.maxLagMs} ms` : 'behind, with no replayed commit to time it by');
        } catch (err) {
          this.update(replica, null, messageOf(err));
        }
      }),
    );
    this.previous = current;
  }

  private update(replica: Replica, lagMs: number | null, reason: string | null): void {
    const inRotation = reason === null;
    if (inRotation !== replica.inRotation) {
      if (inRotation) this.log?.info({ replica: replica.index, lagMs }, 'read replica back in rotation');
      else this.log?.warn({ replica: replica.index, lagMs, reason }, 'read replica left the rotation');
    }
    Object.assign(replica, { inRotation, lagMs, reason });
    const labels = { replica: String(replica.index) };
    this.gauges?.inRotation.set(labels, inRotation ? 1 : 0);
    if (lagMs === null || !Number.isFinite(lagMs)) this.gauges?.lag.remove(labels);
    else this.gauges?.lag.set(labels, lagMs / 1000);
  }

  /** A read the replica failed (the primary answered it): a broken connection takes it out until a check passes. */
  private failedRead(replica: Replica, err: unknown): void {
    this.gauges?.fallbacks.inc({ replica: String(replica.index) });
    if (replica.inRotation && isConnectionFailure(err)) this.update(replica, null, `read failed: ${messageOf(err)}`);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
