import type { Database } from '../db/connection.ts';

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

function install(client: Wrappable): void {
  if (installed.has(client)) return;
  installed.add(client);
  if (client.connect) {
    const connect = client.connect.bind(client);
    // A pg pool runs every statement, its own pool.query included, on a client it hands out: count there.
    client.connect = (callback) => {
      if (callback) {
        return connect((err, c, release) => {
          if (c) install(c);
          callback(err, c, release);
        });
      }
      return connect()?.then((c) => {
        install(c);
        return c;
      });
    };
    return;
  }
  wrapQuery(client, 'query');
  wrapQuery(client, 'exec');
  if (client.transaction) {
    const transaction = client.transaction.bind(client);
    // PGlite runs a transaction's statements on the tx handle it passes in, not on the client.
    client.transaction = (fn) =>
      transaction((tx) => {
        install(tx);
        return fn(tx);
      });
  }
}

/** Runs `work` and returns its result with the text of every statement sent meanwhile, in order. */
export async function recordStatements<T>(database: Database, work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  install((database.db as unknown as { $client: Wrappable }).$client);
  if (recording) throw new Error('recordStatements does not nest');
  const statements: string[] = [];
  recording = statements;
  try {
    return { result: await work(), statements };
  } finally {
    recording = null;
  }
}
