/**
 * Chooses the week's suggestions on the member's first look that week and keeps them, so they stay the same
 * all week; a slot nobody fits yet is tried again on the next look. Each person is suggested once a week.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { admiredSuggestion } from '../../queries/outreach/admired.ts';
import { diverseWeakTie } from '../../queries/outreach/diverse.ts';
import { dormantTie } from '../../queries/outreach/dormant.ts';
import { type StoredSuggestion, weekSuggestions } from '../../queries/outreach/suggestions.ts';
import type { WeekSuggestion } from '../../queries/outreach/types.ts';

export async function ensureWeekSuggestions(deps: { db: DbOrTx; graph: GraphIndex }, memberId: number, week: string): Promise<StoredSuggestion[]> {
  const { db } = deps;
  const stored = await weekSuggestions(db, memberId, week);
  const have = new Set(stored.map((s) => s.reason));
  if (have.size === 3) return stored;
  const chosen: WeekSuggestion[] = [];
  const pick = (s: WeekSuggestion | null) => {
    if (s && !have.has(s.reason)) chosen.push(s);
  };
  if (!have.has('admired')) pick(await admiredSuggestion(db, memberId, week));
  if (!have.has('dormant_tie')) pick(await dormantTie(db, memberId, week));
  if (!have.has('diverse_weak_tie')) pick(await diverseWeakTie(deps, memberId, week));
  if (chosen.length === 0) return stored;
  const taken = new Set(stored.map((s) => s.otherId));
  for (const s of chosen) {
    if (taken.has(s.otherId)) continue;
    taken.add(s.otherId);
    await db.execute(
      sql`INSERT INTO outreach_suggestions (member_id, week, reason, other_id, params)
          VALUES (${memberId}, ${week}, ${s.reason}, ${s.otherId}, ${JSON.stringify(s.params)}::jsonb) ON CONFLICT DO NOTHING`,
    );
  }
  return weekSuggestions(db, memberId, week);
}
