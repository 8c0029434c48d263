import type { Db, Tx } from './connection.ts';

export type OnCommit = (effect: () => void | Promise<void>) => void;

/**
 * Runs fn in one transaction and, only once it has committed, its side effects (email delivery, index
 * updates, notifications). A rolled-back transaction leaves no trace outside the database.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx, onCommit: OnCommit) => Promise<T>): Promise<T> {
  const effects: (() => void | Promise<void>)[] = [];
  const result = await db.transaction((tx) => fn(tx, (effect) => effects.push(effect)));
  for (const effect of effects) {
    // A failed side effect must not turn a committed write into an error response; its owner retries.
    await Promise.resolve()
      .then(effect)
      .catch(() => undefined);
  }
  return result;
}
