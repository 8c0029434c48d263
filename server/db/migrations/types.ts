import type { Tx } from '../connection.ts';

/** A migration is a list of SQL statements run in one transaction; PGlite's extended protocol takes one statement at a time. */
export interface Migration {
  name: string;
  up: string[];
  /**
   * Data work that SQL cannot do the way the application does it (keys computed by the same function the
   * writes use), run after `up` in the same transaction.
   */
  data?: (tx: Tx) => Promise<void>;
  down: string[];
}
