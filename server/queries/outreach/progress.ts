/**
 * The member's outreach progress: the weekly goal, people reached per ISO week (UTC: members have no time
 * zone), the streak and the year view. `now` is a parameter so tests give explicit dates.
 */
import { sql } from 'drizzle-orm';
import { addWeeks, isoWeekLabel, streakOf, WEEKLY_GOAL_DEFAULT, weekStartOf, YEAR_WEEKS } from '../../../common/outreach.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';

export interface WeekCount {
  start: string;
  week: string;
  count: number;
  met: boolean;
}

export interface OutreachProgress {
  weeklyGoal: number;
  thisWeek: WeekCount;
  streak: number;
  year: WeekCount[];
}

export async function weeklyGoalOf(db: DbOrTx, memberId: number): Promise<number> {
  const [found] = await rows<{ goal: number }>(db, sql`SELECT weekly_goal AS goal FROM outreach_goals WHERE member_id = ${memberId}`);
  return found?.goal ?? WEEKLY_GOAL_DEFAULT;
}

/** Distinct people reached per week, every week the member reached anyone (for the streak, which may be long). */
export async function weekCounts(db: DbOrTx, memberId: number): Promise<Map<string, number>> {
  const found = await rows<{ week: string | Date; n: number | string }>(
    db,
    sql`SELECT to_char(date_trunc('week', at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, count(DISTINCT other_id) AS n
          FROM outreach_acts WHERE member_id = ${memberId} GROUP BY 1`,
  );
  return new Map(found.map((r) => [String(r.week), Number(r.n)]));
}

export async function outreachProgress(db: DbOrTx, memberId: number, now: Date): Promise<OutreachProgress> {
  const [weeklyGoal, counts] = [await weeklyGoalOf(db, memberId), await weekCounts(db, memberId)];
  const thisStart = weekStartOf(now);
  const weekOf = (start: string): WeekCount => {
    const count = counts.get(start) ?? 0;
    return { start, week: isoWeekLabel(start), count, met: count >= weeklyGoal };
  };
  const year = Array.from({ length: YEAR_WEEKS }, (_, i) => weekOf(addWeeks(thisStart, i - (YEAR_WEEKS - 1))));
  return { weeklyGoal, thisWeek: weekOf(thisStart), streak: streakOf(counts, weeklyGoal, thisStart), year };
}
