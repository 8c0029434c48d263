import { sql } from 'drizzle-orm';
import { REFERENCE_YEAR } from '../../scripts/demo/generate.ts';
import { type Database, rows } from '../../server/db/connection.ts';

/**
 * Simulated time. A seed must give the same counts on a busy machine and a quiet one, so nothing the
 * simulation measures may depend on how long the run takes or on the hour it starts.
 *
 * On embedded PGlite (the default) the clock is virtual: the process's `Date` is replaced by one that
 * reads simulated time, and PGlite's now() reads the same clock (its C library asks JavaScript's
 * Date.now()), so the server, the database and the driver all live in one simulated calendar. It starts
 * on SIM_EPOCH_MS, moves on a fixed step before every request, and jumps to the next morning at the end
 * of each simulated day. Every account age, window and expiry is then a function of the seed alone.
 *
 * On a PostgreSQL server (--pg) the database reads its own clock, which a process cannot change, so the
 * world is moved instead (ShiftingClock): after each simulated day the tables screening reads by time move
 * back a day, and after each week the rest move back the week. Durations are exact to the day, but
 * within a day they follow the wall clock, so a --pg run is not exactly reproducible.
 */

export const DAY_MS = 86_400_000;
export const DAYS_PER_WEEK = 7;
/** The first simulated morning: the day after the demo generator's history ends (2026-01-02, 08:00 UTC). */
export const SIM_EPOCH_MS = Date.UTC(REFERENCE_YEAR, 0, 2, 8);
/** Simulated time between two requests: "seconds apart", as a busy community's actions are. */
export const REQUEST_STEP_MS = 2_000;

/** The real time, whatever the simulated clock says (for the wall-clock columns of the report). */
export const wallNow = () => performance.timeOrigin + performance.now();

export interface SimClock {
  readonly mode: 'virtual' | 'shifting';
  week: number;
  day: number;
  /** Time spent moving the world back (shifting mode only), in ms. */
  shiftMsTotal: number;
  /** Simulated "now". */
  simNow(): number;
  /** The simulated time of a timestamp read from the database after the run. */
  simTimeOfStored(storedMs: number): number;
  /** The wall-clock moment a simulated time was lived. */
  wallOfSim(simMs: number): number;
  /** A request is about to be made. */
  tick(): void;
  startWeek(): void;
  /** A simulated day has passed; returns the ms spent on it. */
  endDay(): Promise<number>;
  /** Gives the process its real clock back. */
  close(): void;
}

/** Replaces the global Date with one whose "now" is `now()`; everything else behaves as the real Date. */
function installDate(now: () => number): () => void {
  const RealDate = globalThis.Date;
  const VirtualDate = new Proxy(RealDate, {
    construct: (target, args: unknown[], newTarget: new (...a: unknown[]) => Date) =>
      Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget) as object,
    apply: () => new RealDate(now()).toString(),
    get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
  });
  globalThis.Date = VirtualDate;
  return () => {
    globalThis.Date = RealDate;
  };
}

/** Simulated time for a process whose database reads the process clock (embedded PGlite). */
export class VirtualClock implements SimClock {
  readonly mode = 'virtual' as const;
  week = -1;
  day = 0;
  shiftMsTotal = 0;
  private now = SIM_EPOCH_MS;
  private days = 0;
  /** (simulated, wall) pairs, one per request and per day, to place simulated moments on the wall clock. */
  private readonly sims: number[] = [];
  private readonly walls: number[] = [];
  private readonly restore: () => void;

  constructor() {
    this.restore = installDate(() => this.now);
    this.record();
  }

  simNow(): number {
    return this.now;
  }

  simTimeOfStored(storedMs: number): number {
    return storedMs;
  }

  wallOfSim(simMs: number): number {
    let lo = 0;
    let hi = this.sims.length - 1;
    // The last recorded moment at or before simMs.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sims[mid]! <= simMs) lo = mid;
      else hi = mid - 1;
    }
    return this.walls[lo] ?? wallNow();
  }

  tick(): void {
    this.now += REQUEST_STEP_MS;
    this.record();
  }

  startWeek(): void {
    this.week++;
    this.day = 0;
  }

  /** The next simulated morning (or, if a day's requests ran past it, straight on: still the same for a seed). */
  async endDay(): Promise<number> {
    this.day++;
    this.days++;
    this.now = Math.max(this.now + REQUEST_STEP_MS, SIM_EPOCH_MS + this.days * DAY_MS);
    this.record();
    return 0;
  }

  close(): void {
    this.restore();
  }

  private record(): void {
    this.sims.push(this.now);
    this.walls.push(wallNow());
  }
}

/**
 * For a PostgreSQL server: the world moves back instead of the clock moving on.
 * - After each simulated day, the tables screening reads by time (invitations, members, sign-ups,
 *   restrictions, flags, reports, notices, the audit log, and for connect-then-pitch connections, messages
 *   and message approaches) move back a day.
 * - After each week, every other table with a timestamp moves back the week, so at week boundaries the
 *   whole database agrees again; within a week those lag by at most six days, which nothing in screening reads.
 * - Sessions, tokens and the email queue keep wall-clock time so credentials stay valid; the events
 *   outbox is an ordered log read by id, never by time, and the largest table, so it stays too, and so
 *   do its processors' positions.
 */
const WALL_CLOCK_TABLES = new Set(['sessions', 'access_tokens', 'email_tokens', 'email_outbox', 'schema_migrations', 'events', 'event_consumers']);
const DAILY_TABLES = new Set([
  'invitations', 'members', 'signup_events', 'member_restrictions', 'moderation_flags', 'reports', 'member_notices',
  'invitation_messages', 'screening_policies', 'audit_events', 'connections', 'messages', 'message_approaches',
]);

export class ShiftingClock implements SimClock {
  readonly mode = 'shifting' as const;
  /** Total time the daily tables have been moved back. */
  private shifted = 0;
  /** Wall-clock moments at which the daily shift grew, with the total after it. */
  private readonly changes: { wallMs: number; shiftMs: number }[] = [{ wallMs: 0, shiftMs: 0 }];
  private columns: Map<string, string[]> | null = null;
  week = -1;
  day = 0;
  shiftMsTotal = 0;

  constructor(private readonly database: Database) {}

  /** Simulated "now": wall-clock time plus how far the world has been moved back. */
  simNow(): number {
    return Date.now() + this.shifted;
  }

  simTimeOfStored(storedMs: number): number {
    return storedMs + this.shifted;
  }

  wallOfSim(simMs: number): number {
    let wall = simMs;
    for (const c of this.changes) if (simMs >= c.wallMs + c.shiftMs) wall = simMs - c.shiftMs;
    return wall;
  }

  tick(): void {}

  startWeek(): void {
    this.week++;
    this.day = 0;
  }

  async endDay(): Promise<number> {
    const started = performance.now();
    const byTable = await this.timestampColumns();
    await this.shift(byTable, (t) => DAILY_TABLES.has(t), 1);
    this.day++;
    if (this.day === DAYS_PER_WEEK) await this.shift(byTable, (t) => !DAILY_TABLES.has(t), DAYS_PER_WEEK);
    this.shifted += DAY_MS;
    this.changes.push({ wallMs: Date.now(), shiftMs: this.shifted });
    const ms = performance.now() - started;
    this.shiftMsTotal += ms;
    return ms;
  }

  close(): void {}

  private async shift(byTable: Map<string, string[]>, which: (table: string) => boolean, days: number): Promise<void> {
    for (const [table, cols] of byTable) {
      if (!which(table)) continue;
      const set = cols.map((c) => `"${c}" = "${c}" - interval '${days} days'`).join(', ');
      await this.database.db.execute(sql.raw(`UPDATE "${table}" SET ${set}`));
    }
  }

  private async timestampColumns(): Promise<Map<string, string[]>> {
    if (this.columns) return this.columns;
    const columns = await rows<{ table_name: string; column_name: string }>(
      this.database.db,
      sql`SELECT table_name, column_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND data_type = 'timestamp with time zone'
           ORDER BY table_name, column_name`,
    );
    const byTable = new Map<string, string[]>();
    for (const c of columns) {
      if (WALL_CLOCK_TABLES.has(c.table_name)) continue;
      byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
    }
    this.columns = byTable;
    return byTable;
  }
}
