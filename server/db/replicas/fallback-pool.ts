import type pg from 'pg';

/** What drizzle's node-postgres session calls on its client: `query(config, params)`, and `connect()` for a transaction. */
type QueryArgs = [config: string | pg.QueryConfig, values?: unknown[]];

/**
 * The client a replica's Drizzle handle runs on: each query goes to the replica's pool, and a query the
 * replica fails (it was stopped, restarted, cut off, or cancelled a read that conflicted with recovery) is
 * asked again of the primary, so a replica going away costs a read its latency and never a 5xx. Re-running
 * is safe because only reads come here (server/http/read-db.ts allows it on GET routes only). An error the
 * primary gives too (a bad statement) surfaces from the primary, as it would without replicas.
 *
 * A transaction asks for a connection (`connect()`): it gets the primary's, so nothing that needs one
 * consistent view across statements or that writes can ever run on a replica. Drizzle tells a pool from a
 * single client by the constructor's name, hence "Pool" in it.
 */
export class ReplicaFallbackPool {
  constructor(
    private readonly replica: pg.Pool,
    private readonly primary: pg.Pool,
    /** Told of every failure the primary then answered for (server/db/replicas/replica-set.ts decides what it means). */
    private readonly failed: (err: unknown) => void,
  ) {}

  async query(...[config, values]: QueryArgs): Promise<pg.QueryResult> {
    try {
      return await this.replica.query(config, values);
    } catch (err) {
      this.failed(err);
      return this.primary.query(config, values);
    }
  }

  connect(): Promise<pg.PoolClient> {
    return this.primary.connect();
  }
}

/**
 * Whether an error says the replica itself is unusable (not that the statement was bad): no SQLSTATE (a
 * refused or dropped connection, a connect timeout), a connection exception (08…), a shutdown or a server
 * still starting (57P…), or too many connections (53…). Such a replica leaves the rotation at once instead
 * of at its next lag check.
 */
export function isConnectionFailure(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return true;
  if (!/^[0-9A-Z]{5}$/.test(code)) return true; // ECONNREFUSED, ECONNRESET, ETIMEDOUT…
  return code.startsWith('08') || code.startsWith('57P') || code.startsWith('53');
}
