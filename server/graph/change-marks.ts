/**
 * How far the index is known to be complete, so that a snapshot taken while requests run says truthfully
 * where catch-up must start.
 *
 * "The newest change applied" is not that point. graph_changes ids come from a sequence when the row is
 * inserted, but transactions commit in any order (PostgreSQL runs them concurrently; on either engine
 * the index applies a change only after its commit). So when change 11 is applied, change 10 may still
 * be in an open transaction, and a snapshot marked "11" would lose 10 for good if the process then died.
 *
 * The safe mark is therefore the newest applied id, lowered below every change this process has logged
 * but not yet applied (`pending`), and below every log insert whose id is not known yet (`inserting`:
 * such an id is larger than any id known when the insert began). A transaction that rolled back never
 * applies its change, so `settle` asks the database for the fate of each pending transaction and drops
 * the aborted ones. Replaying from a lower mark is harmless: changes to one pair are ordered by the pair's
 * lock, so replaying an overlapping stretch of the log in id order ends in the same state.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';

export class ChangeMarks {
  /** graph_changes.id of the newest change applied. */
  applied = 0;
  /** Changes applied since this object was made (for "snapshot every N changes"). */
  appliedCount = 0;
  /** Logged, not yet applied: change id → its transaction's id (xid8, as text). */
  private readonly pending = new Map<number, string>();
  /** Log inserts under way: token → newest id known when the insert began. */
  private readonly inserting = new Map<number, number>();
  private known = 0;
  private tokens = 0;

  constructor(applied = 0) {
    this.applied = applied;
    this.known = applied;
  }

  /** Call before inserting a change row; pass the token to `endInsert`. */
  beginInsert(): number {
    const token = ++this.tokens;
    this.inserting.set(token, this.known);
    return token;
  }

  /** The insert finished (id and transaction id), or failed (no id). */
  endInsert(token: number, logged?: { id: number; xid: string }): void {
    this.inserting.delete(token);
    if (!logged) return;
    this.pending.set(logged.id, logged.xid);
    if (logged.id > this.known) this.known = logged.id;
  }

  /** A committed change is now in the index. */
  markApplied(id: number): void {
    this.pending.delete(id);
    this.appliedCount++;
    if (id > this.applied) this.applied = id;
    if (id > this.known) this.known = id;
  }

  /** Forgets pending changes whose transactions rolled back (or are too old for the database to say). */
  async settle(db: DbOrTx): Promise<void> {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    const statuses = await rows<{ x: string; status: string | null }>(
      db,
      sql`SELECT x, pg_xact_status(x::xid8) AS status FROM unnest(${`{${entries.map(([, xid]) => xid).join(',')}}`}::text[]) AS x`,
    );
    const fate = new Map(statuses.map((s) => [s.x, s.status]));
    for (const [id, xid] of entries) {
      const status = fate.get(xid);
      if (status === 'aborted' || status === null) this.pending.delete(id);
    }
  }

  /** Every change with an id ≤ this is in the index, or will never commit. */
  safe(): number {
    let mark = this.applied;
    for (const id of this.pending.keys()) mark = Math.min(mark, id - 1);
    for (const known of this.inserting.values()) mark = Math.min(mark, known);
    return Math.max(0, mark);
  }
}
