import { sql } from 'drizzle-orm';
import { type Database, rows } from '../../server/db/connection.ts';

/**
 * Simulated time. The server reads the clock through now() and Date.now(), so the simulation moves the
 * world instead: every stored timestamp moves back, as if that much time had passed (account ages, the
 * 90-day history, the weekly allowance, "sent in the last day", sign-up windows, expiry).
 *
 * - After each simulated day, the tables screening reads by time (invitations, members, sign-ups,
 *   restrictions, flags, reports, notices, the audit log) move back a day.
 * - After each week, every other table with a timestamp moves back the week (connections, interactions,
 *   profiles…), so at week boundaries the whole database agrees again; within a week those lag by at most
 *   six days, which nothing in screening reads.
 * - Sessions, tokens and the email queue keep wall-clock time so credentials stay valid; graph_changes is
 *   an ordered log read by id, never by time, and the largest table, so it stays too.
 *
 * Within a day, actions are only seconds apart on the wall clock, so times are exact to the day.
 */
const WALL_CLOCK_TABLES = new Set(['sessions', 'access_tokens', 'email_tokens', 'email_outbox', 'schema_migrations', 'graph_changes']);
const DAILY_TABLES = new Set([
  'invitations', 'members', 'signup_events', 'member_restrictions', 'moderation_flags', 'reports', 'member_notices',
  'invitation_messages', 'screening_policies', 'audit_events',
]);

export const DAY_MS = 86_400_000;
export const DAYS_PER_WEEK = 7;

export class SimClock {
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

  /** The simulated time of a timestamp stored in one of the daily tables, read after the run. */
  simTimeOfStored(storedMs: number): number {
    return storedMs + this.shifted;
  }

  /** The wall-clock moment a simulated time was lived (the inverse of simNow over the run). */
  wallOfSim(simMs: number): number {
    let wall = simMs;
    for (const c of this.changes) if (simMs >= c.wallMs + c.shiftMs) wall = simMs - c.shiftMs;
    return wall;
  }

  startWeek(): void {
    this.week++;
    this.day = 0;
  }

  /** A day has passed: the daily tables move back a day; at the end of a week, the others move back the week. */
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
