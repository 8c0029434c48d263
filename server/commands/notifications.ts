import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';

/** Marks the member's notifications read, up to and including `upTo` (everything when absent). */
export async function markNotificationsRead(db: Db, memberId: number, upTo: number | undefined): Promise<void> {
  await db.execute(
    sql`UPDATE notifications SET read_at = now()
         WHERE member_id = ${memberId} AND read_at IS NULL ${upTo === undefined ? sql`` : sql`AND id <= ${upTo}`}`,
  );
}
