/**
 * Recurring jobs on the queue: each schedule names a kind and how often it runs. On every tick, a schedule
 * whose period (its slot: an hour, an ISO week) has turned enqueues one job with the slot as its unique
 * key, so however many processes tick, and however often, each slot's job exists once and runs once.
 */
import type { DbOrTx } from '../db/connection.ts';
import { enqueueJob } from './enqueue.ts';
import type { JobKind, JobKinds } from './kinds.ts';

export type Period = 'hour' | 'day' | 'week';

export interface Schedule<K extends JobKind = JobKind> {
  kind: K;
  every: Period;
  payload: (slot: string) => JobKinds[K];
  maxAttempts?: number;
}

/** Builds a schedule with its payload typed by its kind. */
export const schedule = <K extends JobKind>(s: Schedule<K>): Schedule => s as unknown as Schedule;

/** The ISO 8601 week of a moment, in UTC: "2026-W52" (the week with the year's Thursday in it). */
export function isoWeek(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The slot a moment falls in: its UTC hour ("2026-12-24T13"), its UTC day ("2026-12-24") or its ISO week. */
export function slotOf(every: Period, at: Date): string {
  if (every === 'week') return isoWeek(at);
  return at.toISOString().slice(0, every === 'day' ? 10 : 13);
}

export class Scheduler {
  /** The slot each schedule last enqueued in this process, so a tick within the same slot writes nothing. */
  private readonly done = new Map<JobKind, string>();

  constructor(
    private readonly db: DbOrTx,
    private readonly schedules: readonly Schedule[],
  ) {}

  /** Enqueues the job of every schedule whose slot turned since its last tick; returns the kinds enqueued. */
  async tick(now = new Date()): Promise<JobKind[]> {
    const enqueued: JobKind[] = [];
    for (const s of this.schedules) {
      const slot = slotOf(s.every, now);
      if (this.done.get(s.kind) === slot) continue;
      const id = await enqueueJob(this.db, s.kind, s.payload(slot), { uniqueKey: slot, ...(s.maxAttempts ? { maxAttempts: s.maxAttempts } : {}) });
      this.done.set(s.kind, slot);
      if (id !== null) enqueued.push(s.kind);
    }
    return enqueued;
  }
}
