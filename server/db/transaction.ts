import type { Db, Tx } from './connection.ts';

export type OnCommit = (effect: () => void | Promise<void>) => void;

/** What code running inside a transaction opened by inTransaction can reach (events/record.ts uses it). */
export interface TransactionScope {
  db: Db;
  onCommit: OnCommit;
}

const scopes = new WeakMap<Tx, TransactionScope>();

/** The scope of a transaction opened by inTransaction; undefined for one opened any other way. */
export function transactionScope(tx: Tx): TransactionScope | undefined {
  return scopes.get(tx);
}

type FailureReporter = (err: unknown) => void;
const reporters = new WeakMap<Db, FailureReporter[]>();

/**
 * Where failed after-commit effects of transactions on `db` are reported (the app logs and counts them).
 * Returns the function that stops reporting there.
 */
export function reportAfterCommitFailures(db: Db, report: FailureReporter): () => void {
  const list = reporters.get(db) ?? [];
  list.push(report);
  reporters.set(db, list);
  return () => {
    const at = list.indexOf(report);
    if (at >= 0) list.splice(at, 1);
  };
}

function reportFailure(db: Db, err: unknown): void {
  const report = reporters.get(db)?.at(-1);
  if (report) report(err);
  // No app is listening (a script): still say so rather than drop it.
  else console.error('an after-commit effect failed', err);
}

/**
 * Runs fn in one transaction and, only once it has committed, its side effects. A rolled-back transaction
 * leaves no trace outside the database.
 *
 * Effects others must learn about are events (server/events/): recorded in the transaction and handed to
 * the processors after commit, which retry them from the outbox. `onCommit` is for effects that are local
 * to this process and owned by something that retries on its own (waking the email delivery loop).
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx, onCommit: OnCommit) => Promise<T>): Promise<T> {
  const effects: (() => void | Promise<void>)[] = [];
  const onCommit: OnCommit = (effect) => effects.push(effect);
  const result = await db.transaction((tx) => {
    scopes.set(tx, { db, onCommit });
    return fn(tx, onCommit);
  });
  for (const effect of effects) {
    // A failed effect must not turn a committed write into an error response; it is reported, never dropped.
    try {
      await effect();
    } catch (err) {
      reportFailure(db, err);
    }
  }
  return result;
}
