/**
 * How far a processor of the events outbox is known to be complete, so that its position (a graph
 * snapshot's mark, a row in event_consumers) says truthfully where a replay must start.
 *
 * "The newest event handled" is not that point. Event ids come from a sequence when the row is inserted,
 * but transactions commit in any order (PostgreSQL runs them concurrently; on either engine a processor
 * sees an event only after its commit). So when event 11 is handled, event 10 may still be in an open
 * transaction, and a position "11" would lose 10 for good if the process then died.
 *
 * The safe position is therefore the newest handled id, lowered below every event this process has
 * recorded but not yet handed over (`pending`), and below every insert whose id is not known yet
 * (`inserting`: such an id is larger than any id known when the insert began). A transaction that rolled
 * back never hands its events over, so `settle` asks the database for the fate of each pending transaction
 * and drops the aborted ones. Replaying from a lower position is harmless: processors are idempotent, and
 * changes to one thing are ordered by the lock the commands take on it, so replaying an overlapping stretch
 * in id order ends in the same state.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';

export class ChangeMarks {
  /** events.id of the newest event handled. */
  applied = 0;
  /** Events handled since this object was made (for "snapshot every N changes"). */
  appliedCount = 0;
  /** Recorded, not yet handled: event id → its transaction's id (xid8, as text). */
  private readonly pending = new Map<number, string>();
  /** Event inserts under way: token → newest id known when the insert began. */
  private readonly inserting = new Map<number, number>();
  private known = 0;
  private tokens = 0;
  /** Positions kept by others below which this one may not go (the outbox follower's floor). */
  private readonly limits: (() => number)[] = [];
  private readonly settlers: (() => Promise<void>)[] = [];

  constructor(applied = 0) {
    this.applied = applied;
    this.known = applied;
  }

  /** Call before inserting an event row; pass the token to `endInsert`. */
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

  /** A committed event is handled (`counted`: it was one of the processor's kinds, not just passed over). */
  markApplied(id: number, counted = true): void {
    this.pending.delete(id);
    if (counted) this.appliedCount++;
    if (id > this.applied) this.applied = id;
    if (id > this.known) this.known = id;
  }

  /** Forgets pending events whose transactions rolled back (or are too old for the database to say). */
  async settle(db: DbOrTx): Promise<void> {
    for (const settle of this.settlers) await settle();
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

  /**
   * Handling event `id` failed: nothing from it on counts as handled until a replay from the outbox gets
   * past it (the event may be one this process never recorded, so `pending` need not hold it).
   */
  rewind(id: number): void {
    if (id - 1 < this.applied) this.applied = id - 1;
  }

  /**
   * Never reports a safe position above `limit()`: on a server, events from other processes arrive through
   * the outbox follower, which alone knows which of their ids are still in flight (follower.ts).
   */
  limitTo(limit: () => number, settle?: () => Promise<void>): void {
    this.limits.push(limit);
    if (settle) this.settlers.push(settle);
  }

  /** Every event with an id ≤ this is handled, or will never commit. */
  safe(): number {
    let mark = this.applied;
    for (const limit of this.limits) mark = Math.min(mark, limit());
    for (const id of this.pending.keys()) mark = Math.min(mark, id - 1);
    for (const known of this.inserting.values()) mark = Math.min(mark, known);
    return Math.max(0, mark);
  }
}
