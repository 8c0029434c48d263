/**
 * Parsing single settings whose values have a grammar of their own (proxy lists, replica URLs), kept apart
 * from the settings list in config.ts. Each reports a refused value through zod, naming what is wrong.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * How long a request may wait on a PostgreSQL server (DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_ACQUIRE_TIMEOUT_MS;
 * docs/operations.md "Database timeouts"); 0 is no limit. Past either the request is given up with 503
 * `database_timeout` instead of queueing behind a slow database. Only the requests' pool has them: migrations,
 * jobs and the graph's loading use a pool without (db/connection.ts).
 */
export interface DatabaseTimeouts {
  /** One statement: PostgreSQL's statement_timeout, and the driver's own wait for an answer a little longer (db/deadline-client.ts). */
  statementMs: number;
  /** Waiting for one of the pool's connections, or for a new connection to open. */
  acquireMs: number;
}

/** false: the socket's address is the client; a number: trust that many proxy hops; a list: trust those proxies. */
export type TrustProxy = false | number | string[];

const MAX_PROXY_HOPS = 10;
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IPv4 or IPv6 address, optionally with a CIDR prefix length that fits it. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: `false`, a hop count, or the proxies' addresses. `true` means one hop, never "believe every
 * entry": the left-most X-Forwarded-For entry is whatever the client wrote.
 */
export function parseTrustProxy(raw: string, ctx: z.RefinementCtx): TrustProxy {
  const value = raw.trim().toLowerCase();
  if (value === 'false' || value === '0' || value === '') return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= MAX_PROXY_HOPS) return hops;
    ctx.addIssue({ code: 'custom', message: `at most ${MAX_PROXY_HOPS} proxy hops (got ${raw})` });
    return z.NEVER;
  }
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !NAMED_RANGES.has(e) && !isAddressOrRange(e));
  if (bad.length === 0) return entries;
  ctx.addIssue({
    code: 'custom',
    message: `must be false, a number of proxy hops (1, 2…) or a comma-separated list of proxy addresses or CIDR ranges; not valid: ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
  });
  return z.NEVER;
}

/**
 * DATABASE_REPLICA_URLS: comma-separated postgres:// URLs. A bad entry is named by its position, never
 * quoted: it may carry a password.
 */
export function parseReplicaUrls(raw: string | undefined, ctx: z.RefinementCtx): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const entries = raw.split(',').map((e) => e.trim());
  const bad = entries.flatMap((entry, i) => (isPostgresUrl(entry) ? [] : [i + 1]));
  if (bad.length === 0) return entries;
  ctx.addIssue({
    code: 'custom',
    message: `must be comma-separated postgres:// (or postgresql://) URLs, one per replica; not valid: entr${bad.length === 1 ? 'y' : 'ies'} ${bad.join(', ')}`,
  });
  return z.NEVER;
}

function isPostgresUrl(entry: string): boolean {
  try {
    const url = new URL(entry);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A replica's lag is measured this often: a third of the lag allowed, between 100 ms and a second. */
export function replicaCheckIntervalMs(maxLagMs: number): number {
  return Math.min(1000, Math.max(100, Math.round(maxLagMs / 3)));
}
