import type { Database } from '../db/connection.ts';
import { readCachesOf } from '../viewer/read-caches.ts';

/**
 * Counts the SQL statements the app sends while one piece of work runs (typically one `app.inject`), on
 * either engine: the drivers' own entry points are wrapped (PGlite's query, exec and transaction; the pg
 * pool's query and the query of every client it hands out), so every statement drizzle or raw SQL issues is
 * seen, whatever builds it. Each call is one round trip to the database.
 *
 * Reusable by any test: `const { result, statements } = await recordStatements(database, () => app.inject(…))`.
 * Run nothing else against the same database meanwhile (tests build the app with `background: false`).
 */
type QueryFn = (...args: unknown[]) => unknown;
interface Wrappable {
  query: QueryFn;
  exec?: QueryFn;
  transaction?: (fn: (tx: Wrappable) => unknown) => unknown;
  connect?: (callback?: (err: unknown, client?: Wrappable, release?: unknown) => void) => Promise<Wrappable> | undefined;
}

let recording: string[] | null = null;
const installed = new WeakSet<object>();

const textOf = (arg: unknown): string =>
  typeof arg === 'string' ? arg : arg && typeof arg === 'object' && 'text' in arg ? String((arg as { text: unknown }).text) : String(arg);

function wrapQuery(target: Wrappable, name: 'query' | 'exec'): void {
  const original = target[name];
  if (!original) return;
  const bound = original.bind(target);
  target[name] = (...args: unknown[]) => {
    recording?.push(textOf(args[0]));
    return bound(...args);
  };
}

/** A statement-issuing handle: PGlite (and the tx handles it passes in) or a pg client a pool hands out. */
function installClient(client: Wrappable): void {
  if (installed.has(client)) return;
  installed.add(client);
  wrapQuery(client, 'query');
  wrapQuery(client, 'exec');
  if (client.transaction) {
    const transaction = client.transaction.bind(client);
    // PGlite runs a transaction's statements on the tx handle it passes in, not on the client.
    client.transaction = (fn) =>
      transaction((tx) => {
        installClient(tx);
        return fn(tx);
      });
  }
}

/**
 * A pg pool runs every statement, its own pool.query included, on a client it hands out: count there. (A pg
 * client has a `connect` method too, so a pool is told apart by its counters, not by `connect`.)
 */
function installPool(pool: Wrappable & { connect: NonNullable<Wrappable['connect']> }): void {
  if (installed.has(pool)) return;
  installed.add(pool);
  const connect = pool.connect.bind(pool);
  pool.connect = (callback) => {
    if (callback) {
      return connect((err, c, release) => {
        if (c) installClient(c);
        callback(err, c, release);
      });
    }
    return connect()?.then((c) => {
      installClient(c);
      return c;
    });
  };
}

function install(handle: Wrappable): void {
  if (handle.connect && 'totalCount' in handle) installPool(handle as Parameters<typeof installPool>[0]);
  else installClient(handle);
}

/**
 * Runs `work` and returns its result with the text of every statement sent meanwhile, in order. The app's
 * read caches (viewer/read-caches.ts) are emptied first, so a count does not depend on what an earlier
 * request left there; `{ warm: true }` keeps them, to count what a request costs once they hold its reads.
 */
export async function recordStatements<T>(
  database: Database,
  work: () => Promise<T>,
  options: { warm?: boolean } = {},
): Promise<{ result: T; statements: string[] }> {
  install((database.db as unknown as { $client: Wrappable }).$client);
  if (recording) throw new Error('recordStatements does not nest');
  if (!options.warm) readCachesOf(database.db)?.clear();
  const statements: string[] = [];
  recording = statements;
  try {
    return { result: await work(), statements };
  } finally {
    recording = null;
  }
}

/**
 * Statements that identify the caller (a session or an access token, and noting when they were last seen). Counts of a route leave them out: they
 * are the credential cache's business, and whether the cache still holds the caller depends on the clock.
 */
export const identifiesCaller = (statement: string): boolean => /\b(sessions|access_tokens|last_seen_at)\b/.test(statement);
