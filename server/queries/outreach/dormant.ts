/**
 * Suggestion (2) of the week: a dormant tie, the connection with no interaction for the longest relative to
 * its stay-in-touch cadence (relationship memory: the card's effective cadence, else DEFAULT_CADENCE_DAYS).
 * Judged as of the week's start, so reaching out during the week does not change the week's answer.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { weekSeeded } from './seed.ts';
import type { WeekSuggestion } from './types.ts';

const DAY_MS = 86_400_000;
/** A connection without a cadence of its own is expected to hear from the member about once a quarter. */
export const DEFAULT_CADENCE_DAYS = 91;
/** Quieter than this is not dormant yet, whatever the cadence. */
export const MIN_DORMANT_DAYS = 28;

export async function dormantTie(db: DbOrTx, memberId: number, week: string): Promise<WeekSuggestion | null> {
  const start = new Date(`${week}T00:00:00Z`);
  const found = await rows<{ otherId: number; cadenceDays: number | null; lastAt: string | Date | null; since: string | Date }>(
    db,
    sql`SELECT c.other_id AS "otherId", rc.cadence_days AS "cadenceDays", c.created_at AS since,
               (SELECT max(i.at) FROM interactions i WHERE i.member_id = c.member_id AND i.other_id = c.other_id AND i.at < ${start}) AS "lastAt"
          FROM connections c
          JOIN members m ON m.id = c.other_id AND m.status = 'active'
          LEFT JOIN relationship_cards rc ON rc.member_id = c.member_id AND rc.other_id = c.other_id
         WHERE c.member_id = ${memberId} AND c.created_at < ${start}
           AND (rc.snoozed_until IS NULL OR rc.snoozed_until < ${start})
           AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = c.member_id AND b.blocked_id = c.other_id)
                                                    OR (b.blocker_id = c.other_id AND b.blocked_id = c.member_id))`,
  );
  let best: { otherId: number; ratio: number; days: number; cadenceDays: number; tie: number } | null = null;
  for (const r of found) {
    const last = new Date(r.lastAt ?? r.since).getTime();
    const days = Math.floor((start.getTime() - last) / DAY_MS);
    if (days < MIN_DORMANT_DAYS) continue;
    const cadenceDays = r.cadenceDays ?? DEFAULT_CADENCE_DAYS;
    const ratio = days / cadenceDays;
    const tie = weekSeeded(week, r.otherId);
    if (!best || ratio > best.ratio || (ratio === best.ratio && tie > best.tie)) best = { otherId: r.otherId, ratio, days, cadenceDays, tie };
  }
  return best ? { otherId: best.otherId, reason: 'dormant_tie', params: { weeks: Math.floor(best.days / 7), cadenceDays: best.cadenceDays } } : null;
}
