/**
 * The week's three suggestions, as stored (commands/outreach/suggestions.ts chooses them on the first look of
 * the week), with privacy applied again on every read: a person blocked either way since, or suspended, is
 * left out. `reached`: the member has reached out to them this week.
 */
import { sql } from 'drizzle-orm';
import { SUGGESTION_REASONS } from '../../../common/outreach.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import type { WeekSuggestion } from './types.ts';

export interface StoredSuggestion extends WeekSuggestion {
  reached: boolean;
}

export async function weekSuggestions(db: DbOrTx, memberId: number, week: string): Promise<StoredSuggestion[]> {
  const end = new Date(Date.parse(`${week}T00:00:00Z`) + 7 * 86_400_000);
  const found = await rows<WeekSuggestion & { reached: boolean }>(
    db,
    sql`SELECT s.other_id AS "otherId", s.reason, s.params,
               EXISTS (SELECT 1 FROM outreach_acts a WHERE a.member_id = s.member_id AND a.other_id = s.other_id
                          AND a.at >= ${`${week}T00:00:00Z`}::timestamptz AND a.at < ${end}) AS reached
          FROM outreach_suggestions s
          JOIN members m ON m.id = s.other_id AND m.status = 'active'
         WHERE s.member_id = ${memberId} AND s.week = ${week}
           AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = s.member_id AND b.blocked_id = s.other_id)
                                                    OR (b.blocker_id = s.other_id AND b.blocked_id = s.member_id))`,
  );
  return found.sort((a, b) => SUGGESTION_REASONS.indexOf(a.reason) - SUGGESTION_REASONS.indexOf(b.reason));
}
