import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';

/** Sets the member's weekly outreach goal (bounds checked by the route's schema and the table's CHECK). */
export async function setWeeklyGoal(db: DbOrTx, memberId: number, weeklyGoal: number): Promise<void> {
  await db.execute(
    sql`INSERT INTO outreach_goals (member_id, weekly_goal) VALUES (${memberId}, ${weeklyGoal})
        ON CONFLICT (member_id) DO UPDATE SET weekly_goal = EXCLUDED.weekly_goal, updated_at = now()`,
  );
}
