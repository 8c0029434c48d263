/**
 * The operator's community rollups (issue 15; migration 0039): daily growth and engagement counts, and
 * new-member retention by weekly cohort. The `community.rollup` job (jobs/community-rollup.ts) recomputes
 * only the recent days each hour (from the day before the last one computed, and at least the last
 * RECENT_DAYS), so the work stays the same size as the community's history grows; an empty rollup (a new
 * install, before the job's first run) is computed once over all history (`ensureCommunityRollups`).
 *
 * "Active" means the member left a trace that day: a post, comment, reaction or message, an invitation
 * sent or answered. Visits alone leave none (only the last one is kept, to the hour), so they cannot be
 * counted per day after the fact. Monthly active on a day: active at least once in the 30 days ending it.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rows } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';

/** Days the job recomputes at least: today, yesterday (late writes near midnight) and the day before. */
export const RECENT_DAYS = 3;
/** Weeks after signup the retention table follows a cohort (0 is the signup week). */
export const COHORT_WEEKS = 12;
/** The window of "monthly active". */
const MONTH_DAYS = 30;

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
/** The Monday of a day's ISO week, as date_trunc('week') gives it. */
const mondayOf = (day: string) => {
  const t = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  return isoDay(t - weekday * DAY_MS);
};

/** The UTC day of a timestamp column. */
const dayOf = (column: string) => sql.raw(`(${column} AT TIME ZONE 'UTC')::date`);

/**
 * Every (member, day) on which a member left a trace, from `since` (a UTC midnight) on. Each arm reads only
 * the recent part of its table through its BRIN index on the time.
 */
function activitySince(since: string): SQL {
  const at = sql`${since}::timestamptz`;
  return sql`SELECT DISTINCT member_id, day FROM (
      SELECT author_id AS member_id, ${dayOf('created_at')} AS day FROM posts WHERE created_at >= ${at}
      UNION ALL SELECT author_id, ${dayOf('created_at')} FROM comments WHERE created_at >= ${at}
      UNION ALL SELECT member_id, ${dayOf('created_at')} FROM post_reactions WHERE created_at >= ${at}
      UNION ALL SELECT sender_id, ${dayOf('created_at')} FROM messages WHERE created_at >= ${at}
      UNION ALL SELECT sender_id, ${dayOf('created_at')} FROM invitations WHERE created_at >= ${at}
      UNION ALL SELECT recipient_id, ${dayOf('responded_at')} FROM invitations WHERE responded_at >= ${at}
    ) traces`;
}

/** Counts of one table per UTC day of `column`, from `from` on. */
const perDay = (table: string, column: string, from: string, where = 'true') =>
  sql`SELECT ${dayOf(column)} AS day, count(*)::int AS n FROM ${sql.raw(table)} WHERE ${sql.raw(column)} >= ${from}::timestamptz AND ${sql.raw(where)} GROUP BY 1`;

/** Recomputes `community_daily` from `from` to `today` (UTC days, inclusive) in one statement. */
async function refreshDaily(db: DbOrTx, from: string, today: string): Promise<number> {
  const windowStart = isoDay(Date.parse(`${from}T00:00:00Z`) - (MONTH_DAYS - 1) * DAY_MS);
  const result = await rows<{ day: string }>(
    db,
    sql`WITH acts AS (${activitySince(windowStart)}),
        spans AS (
          -- Each active day covers the 30 days from it, up to the member's next active day: one member's
          -- spans never overlap, so the monthly actives of a day are the spans covering it.
          SELECT day AS start,
                 least(day + ${sql.raw(String(MONTH_DAYS))}, coalesce(lead(day) OVER (PARTITION BY member_id ORDER BY day), day + ${sql.raw(String(MONTH_DAYS))})) AS stop
            FROM acts
        ),
        deltas AS (
          SELECT day, sum(n)::int AS n FROM (SELECT start AS day, 1 AS n FROM spans UNION ALL SELECT stop, -1 FROM spans) d GROUP BY day
        ),
        days AS (SELECT d::date AS day FROM generate_series(${windowStart}::date, ${today}::date, interval '1 day') d),
        monthly AS (
          SELECT days.day, sum(coalesce(deltas.n, 0)) OVER (ORDER BY days.day)::int AS n FROM days LEFT JOIN deltas USING (day)
        ),
        daily AS (SELECT day, count(*)::int AS n FROM acts WHERE day >= ${from}::date GROUP BY day),
        joined AS (${perDay('members', 'created_at', from, "status <> 'deleted'")}),
        before AS (SELECT count(*)::int AS n FROM members WHERE created_at < ${from}::timestamptz AND status <> 'deleted'),
        posted AS (${perDay('posts', 'created_at', from)}),
        messaged AS (${perDay('messages', 'created_at', from)}),
        invited AS (${perDay('invitations', 'created_at', from)}),
        accepted AS (${perDay('invitations', 'responded_at', from, "status = 'accepted'")})
        INSERT INTO community_daily (day, members, new_members, active_members, monthly_active, posts, messages, invitations_sent, invitations_accepted, computed_at)
        SELECT m.day,
               (SELECT n FROM before) + sum(coalesce(joined.n, 0)) OVER (ORDER BY m.day),
               coalesce(joined.n, 0), coalesce(daily.n, 0), m.n,
               coalesce(posted.n, 0), coalesce(messaged.n, 0), coalesce(invited.n, 0), coalesce(accepted.n, 0), now()
          FROM monthly m
          LEFT JOIN joined USING (day) LEFT JOIN daily USING (day) LEFT JOIN posted USING (day)
          LEFT JOIN messaged USING (day) LEFT JOIN invited USING (day) LEFT JOIN accepted USING (day)
         WHERE m.day >= ${from}::date
        ON CONFLICT (day) DO UPDATE SET members = EXCLUDED.members, new_members = EXCLUDED.new_members,
          active_members = EXCLUDED.active_members, monthly_active = EXCLUDED.monthly_active, posts = EXCLUDED.posts,
          messages = EXCLUDED.messages, invitations_sent = EXCLUDED.invitations_sent,
          invitations_accepted = EXCLUDED.invitations_accepted, computed_at = EXCLUDED.computed_at
        RETURNING day`,
  );
  return result.length;
}

/**
 * Recomputes the cohort cells whose week of activity is on or after `fromWeek` (a Monday), for every cohort
 * still followed then: older cells describe weeks that are over.
 */
async function refreshCohorts(db: DbOrTx, fromWeek: string, thisWeek: string): Promise<number> {
  const cohortFloor = isoDay(Date.parse(`${fromWeek}T00:00:00Z`) - COHORT_WEEKS * 7 * DAY_MS);
  const result = await rows<{ cohort_week: string }>(
    db,
    sql`WITH cohort AS (
          SELECT id, date_trunc('week', created_at AT TIME ZONE 'UTC')::date AS week
            FROM members WHERE created_at >= ${cohortFloor}::timestamptz AND status <> 'deleted'
        ),
        sizes AS (SELECT week, count(*)::int AS n FROM cohort GROUP BY week),
        acts AS (SELECT DISTINCT member_id, date_trunc('week', day)::date AS week FROM (${activitySince(fromWeek)}) a),
        active AS (
          SELECT c.week AS cohort_week, a.week AS act_week, count(*)::int AS n
            FROM acts a JOIN cohort c ON c.id = a.member_id AND a.week >= c.week
           GROUP BY 1, 2
        ),
        grid AS (
          SELECT s.week AS cohort_week, w::date AS act_week, s.n
            FROM sizes s CROSS JOIN generate_series(${fromWeek}::date, ${thisWeek}::date, interval '7 days') w
           WHERE w::date >= s.week AND w::date <= s.week + ${sql.raw(String(COHORT_WEEKS * 7))}
        )
        INSERT INTO community_cohorts (cohort_week, week_offset, members, active, computed_at)
        SELECT g.cohort_week, ((g.act_week - g.cohort_week) / 7)::smallint, g.n, coalesce(a.n, 0), now()
          FROM grid g LEFT JOIN active a USING (cohort_week, act_week)
        ON CONFLICT (cohort_week, week_offset) DO UPDATE SET members = EXCLUDED.members, active = EXCLUDED.active, computed_at = EXCLUDED.computed_at
        RETURNING cohort_week`,
  );
  return result.length;
}

export interface RollupRun {
  from: string;
  to: string;
  days: number;
  cohortCells: number;
}

/**
 * Brings the rollups up to `now`: from the day before the last day computed (or the first signup, when
 * empty), and at least the last RECENT_DAYS. `full` recomputes all history (an operator's repair).
 */
export async function refreshCommunityRollups(db: Db, options: { now?: Date; full?: boolean } = {}): Promise<RollupRun> {
  const now = options.now ?? new Date();
  const today = isoDay(now.getTime());
  const recent = isoDay(now.getTime() - (RECENT_DAYS - 1) * DAY_MS);
  const [bounds] = await rows<{ last: string | null; first: string | null }>(
    db,
    sql`SELECT (SELECT max(day)::text FROM community_daily) AS last,
               (SELECT (min(created_at) AT TIME ZONE 'UTC')::date::text FROM members) AS first`,
  );
  const first = bounds?.first ?? today;
  let from: string;
  if (options.full || !bounds?.last) from = first < today ? first : today;
  else {
    const dayBeforeLast = isoDay(Date.parse(`${bounds.last}T00:00:00Z`) - DAY_MS);
    from = dayBeforeLast < recent ? dayBeforeLast : recent;
  }
  return inTransaction(db, async (tx) => {
    const days = await refreshDaily(tx, from, today);
    const cohortCells = await refreshCohorts(tx, mondayOf(from), mondayOf(today));
    return { from, to: today, days, cohortCells };
  });
}

/** One computation at a time per database, so a burst of first page loads does not start the scan many times. */
const running = new WeakMap<Db, Promise<unknown>>();

/** Computes the rollups once if they are still empty (a new install before the job's first run). */
export async function ensureCommunityRollups(db: Db): Promise<void> {
  const [held] = await rows<{ any: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM community_daily) AS any`);
  if (held?.any) return;
  let pending = running.get(db);
  if (!pending) {
    pending = refreshCommunityRollups(db).finally(() => running.delete(db));
    running.set(db, pending);
  }
  await pending;
}
