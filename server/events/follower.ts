/**
 * Following the events outbox of a PostgreSQL server that several app processes write: every committed
 * event, whichever process wrote it, reaches this process's processors (the graph index, the read caches,
 * the live streams) once, soon after it commits, and in an order that keeps each thing's changes in order.
 *
 * A sweep reads, in one statement, the events this follower has not seen yet and the database's snapshot
 * (`pg_current_snapshot()`: which transactions were still running). Event ids come from a sequence at
 * insert time and transactions commit in any order, so ids the sweep skips over (gaps) may belong to
 * transactions still running. Each gap is remembered with the transactions that were running then, and
 * read again by id at every sweep until it appears or all of those transactions have ended (then it rolled
 * back and never will). `floor`, the position below every gap, is how far this process is complete: the
 * graph's snapshot mark never passes it (ChangeMarks.limitTo).
 *
 * Why a gap's transaction must be among those running: recordEvent makes its transaction take its id
 * (xid) *before* the event takes its sequence number (record.ts), so a gap below an event the sweep sees
 * was numbered before that event committed, by a transaction that had its xid by then and had not
 * committed when the sweep's snapshot was taken.
 *
 * Order: a sweep hands over what it found in id order. Anything committed before an event the sweep sees
 * is visible to it too, and the commands that change one thing (a pair of members, a profile) lock it, so
 * its changes commit in id order: every thing's changes arrive in order, though two unrelated changes may
 * arrive in commit order rather than id order.
 *
 * Sweeps run when another process announces a commit (LISTEN/NOTIFY, announce.ts), when this process
 * commits (the dispatcher waits for the next sweep, so a request sees its own write), and on a timer:
 * announcements lost to a dropped connection or a pause cost at most one interval, never an event.
 */
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/connection.ts';
import type { EventLog } from './dispatcher.ts';
import type { EventKind, StoredEvent } from './types.ts';

export interface FollowerOptions {
  log: EventLog;
  /**
   * Hands found events to the processors, in the order given; resolves once they have handled them. Those
   * with ids up to `replayedUpTo` are the start-up rewind's: handed over again, not changes since.
   */
  deliver(events: StoredEvent[], replayedUpTo: number): Promise<void>;
  /** Every event up to here is already reflected in the processors' state (the graph's position at start). */
  from: number;
  /**
   * How far below `from` the first sweep starts reading: events that were still being written when the
   * state was loaded may have ids below its mark. Re-reading a stretch of events is harmless (processors
   * are idempotent and get each thing's changes in order); this bounds how long an event-writing
   * transaction may stay open across a process start, counted in events others wrote meanwhile.
   */
  rewind?: number;
  /** Events read per statement. */
  pageSize?: number;
}

interface Row {
  snapshot: string;
  /** Transactions of sessions connected to other databases of the server, comma-separated. */
  elsewhere: string;
  id: string | number | null;
  kind: EventKind | null;
  actor_id: number | null;
  subject_id: number | null;
  data: Record<string, unknown> | null;
  created_at: string | Date | null;
}

/** The transactions a snapshot saw running: its `xmin:xmax:xip,…` text, running ones only. */
export function runningTransactions(snapshot: string): Set<string> {
  const list = snapshot.split(':')[2] ?? '';
  return new Set(list === '' ? [] : list.split(','));
}

/** Ids not seen yet, lo to hi, and the transactions that were running when they were skipped. */
interface Gap {
  lo: number;
  hi: number;
  waitedOn: ReadonlySet<string>;
}

/**
 * Gaps read again per statement: normally a handful. Past this many (a burst of rollbacks beside a long
 * transaction), the later ones wait for the earlier to settle: their events come late, never lost.
 */
const GAPS_PER_READ = 256;

export class OutboxFollower {
  /** Every event with an id up to here has been handed over, or will never commit. */
  private floorId: number;
  /** The newest id read. */
  private seen: number;
  /** Ranges of ids between floor and seen not seen yet, in id order. */
  private gaps: Gap[] = [];
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly pageSize: number;

  constructor(
    private readonly db: Db,
    private readonly options: FollowerOptions,
  ) {
    this.floorId = Math.max(0, options.from - (options.rewind ?? 10_000));
    this.seen = this.floorId;
    this.pageSize = options.pageSize ?? 1_000;
  }

  /** Every event up to here is handed over or will never commit. */
  floor(): number {
    return this.floorId;
  }

  /** The ranges of ids still awaited (for tests and logs). */
  awaited(): [number, number][] {
    return this.gaps.map((g) => [g.lo, g.hi]);
  }

  /**
   * A sweep that starts after this call: resolves once everything committed before the call is handed
   * over. Calls while a sweep runs share the one after it. Never rejects (a failed sweep is logged; the
   * timer tries again).
   */
  sync(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (!this.running) {
      this.running = this.sweep().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.sync();
    });
    return this.queued;
  }

  /** Sweeps every `intervalMs` as well, for announcements that never arrived. */
  start(intervalMs = 1_000): void {
    this.timer = setInterval(() => void this.sync(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for the sweep under way; later calls to sync do nothing. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.closed = true;
    await this.queued;
    await this.running;
  }

  private async sweep(): Promise<void> {
    try {
      for (;;) {
        const more = await this.readPage();
        if (!more || this.closed) return;
      }
    } catch (err) {
      this.options.log.warn({ err, floor: this.floorId }, 'reading the events outbox failed; the next sweep tries again');
    }
  }

  /** One statement: unseen events and the snapshot they were read in. True when there is more to read. */
  private async readPage(): Promise<boolean> {
    const asked = this.gaps.slice(0, GAPS_PER_READ);
    const inGaps = asked.map((g) => sql` OR id BETWEEN ${g.lo} AND ${g.hi}`);
    const found = await rows<Row>(
      this.db,
      // The snapshot lists every database's running transactions; those of sessions on other databases
      // (read after it, so the list is sure of them) cannot fill a gap in this outbox and are left out, so a
      // long transaction elsewhere on the server (another installation, a dump) does not hold gaps open.
      // A session whose transaction this role may not see stays in: waiting on it is only slower.
      sql`SELECT s.snapshot, s.elsewhere, e.id, e.kind, e.actor_id, e.subject_id, e.data, e.created_at
            FROM (SELECT pg_current_snapshot()::text AS snapshot,
                         (SELECT coalesce(string_agg(a.backend_xid::text, ','), '') FROM pg_stat_activity a
                           WHERE a.datname IS DISTINCT FROM current_database() AND a.backend_xid IS NOT NULL) AS elsewhere) s
            LEFT JOIN LATERAL (
              SELECT id, kind, actor_id, subject_id, data, created_at FROM events
               WHERE id > ${this.seen}${sql.join(inGaps)}
               ORDER BY id LIMIT ${this.pageSize}
            ) e ON true`,
    );
    const running = runningTransactions(found[0]?.snapshot ?? '');
    // backend_xid is a 32-bit xid, the snapshot's are 64-bit (epoch above): compared on their low 32 bits.
    const elsewhere = new Set((found[0]?.elsewhere ?? '').split(',').filter(Boolean));
    for (const xid of running) if (elsewhere.has(String(BigInt(xid) & 0xffffffffn))) running.delete(xid);
    const page = found.filter((r) => r.id !== null);
    const full = page.length === this.pageSize;
    // A full page may stop inside the gaps: only those it read through can be judged.
    const readUpTo = full ? Number(page.at(-1)!.id) : Infinity;

    const events: StoredEvent[] = [];
    for (const row of page) {
      const id = Number(row.id);
      if (id > this.seen) {
        // With nothing running, nothing can still fill a gap: its transactions rolled back.
        if (id > this.seen + 1 && running.size > 0) this.gaps.push({ lo: this.seen + 1, hi: id - 1, waitedOn: running });
        this.seen = id;
      } else {
        this.fill(id);
      }
      events.push({
        id,
        kind: row.kind,
        actorId: row.actor_id,
        subjectId: row.subject_id,
        data: row.data ?? {},
        createdAt: new Date(row.created_at as string | Date),
      } as StoredEvent);
    }
    // Gaps this statement read through whose transactions had all ended by its snapshot rolled back: a
    // committed event of theirs would have shown.
    this.gaps = this.gaps.filter((g) => !(asked.some((a) => a.lo <= g.lo && g.hi <= a.hi) && g.hi <= readUpTo && !overlaps(g.waitedOn, running)));
    if (events.length > 0) await this.options.deliver(events, this.options.from);
    this.floorId = this.gaps.length === 0 ? this.seen : this.gaps[0]!.lo - 1;
    return full;
  }

  /** An awaited id arrived: split its gap around it. */
  private fill(id: number): void {
    const at = this.gaps.findIndex((g) => g.lo <= id && id <= g.hi);
    if (at < 0) return;
    const g = this.gaps[at]!;
    const parts: Gap[] = [];
    if (g.lo < id) parts.push({ lo: g.lo, hi: id - 1, waitedOn: g.waitedOn });
    if (id < g.hi) parts.push({ lo: id + 1, hi: g.hi, waitedOn: g.waitedOn });
    this.gaps.splice(at, 1, ...parts);
  }
}

function overlaps(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
