import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';

/** The member's pending deletion, if any: when it was asked for and when the purge may run. */
export async function pendingDeletionOf(db: DbOrTx, memberId: number): Promise<{ requestedAt: Date; purgeAfter: Date } | null> {
  const [row] = await rows<{ requested_at: string | Date; purge_after: string | Date }>(
    db,
    sql`SELECT requested_at, purge_after FROM account_deletions WHERE member_id = ${memberId} AND status = 'pending'`,
  );
  return row ? { requestedAt: new Date(row.requested_at), purgeAfter: new Date(row.purge_after) } : null;
}

/** Members whose grace period has passed, oldest first (the hourly sweep). */
export async function dueDeletions(db: DbOrTx, now: Date, limit = 500): Promise<number[]> {
  const due = await rows<{ member_id: number }>(
    db,
    sql`SELECT member_id FROM account_deletions WHERE status = 'pending' AND purge_after <= ${now.toISOString()}::timestamptz ORDER BY purge_after LIMIT ${limit}`,
  );
  return due.map((r) => Number(r.member_id));
}

/** The operators' view: how many deletions are pending, and how many completed and cancelled each month. Never who. */
export async function deletionCounts(db: DbOrTx): Promise<{ pending: number; months: { month: string; completed: number; cancelled: number }[] }> {
  const [p] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM account_deletions WHERE status = 'pending'`);
  const months = await rows<{ month: string; completed: number; cancelled: number }>(
    db,
    sql`SELECT to_char(date_trunc('month', COALESCE(completed_at, cancelled_at)), 'YYYY-MM') AS month,
               count(*) FILTER (WHERE status = 'completed')::int AS completed,
               count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
          FROM account_deletions WHERE status <> 'pending'
         GROUP BY 1 ORDER BY 1 DESC LIMIT 24`,
  );
  return { pending: Number(p?.n ?? 0), months: months.map((m) => ({ month: m.month, completed: Number(m.completed), cancelled: Number(m.cancelled) })) };
}
