/**
 * Suggestion (1) of the week: someone from the member's admire list (issue 15, "Map it out"): a person they
 * admire and have not connected with yet, picked by the week's seed so the choice stays put all week and
 * moves on the next. Blocks either way and inactive members are left out, as everywhere a person appears.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { weekSeeded } from './seed.ts';
import type { WeekSuggestion } from './types.ts';

export async function admiredSuggestion(db: DbOrTx, memberId: number, week: string): Promise<WeekSuggestion | null> {
  const found = await rows<{ otherId: number }>(
    db,
    sql`SELECT a.target_id AS "otherId"
          FROM admire_entries a
          JOIN members m ON m.id = a.target_id AND m.status = 'active'
         WHERE a.member_id = ${memberId} AND a.target_id IS NOT NULL AND a.stage <> 'connected'
           AND NOT EXISTS (SELECT 1 FROM connections c WHERE c.member_id = a.member_id AND c.other_id = a.target_id)
           AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = a.member_id AND b.blocked_id = a.target_id)
                                                    OR (b.blocker_id = a.target_id AND b.blocked_id = a.member_id))`,
  );
  let best: { otherId: number; tie: number } | null = null;
  for (const r of found) {
    const tie = weekSeeded(week, r.otherId);
    if (!best || tie > best.tie) best = { otherId: r.otherId, tie };
  }
  return best ? { otherId: best.otherId, reason: 'admired', params: {} } : null;
}
