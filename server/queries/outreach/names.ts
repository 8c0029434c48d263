import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';

/** A member's name by handle (active members only; null when none, never an error, so the check tells nothing of who exists), so a note check does not count their name as the note's words. */
export async function memberNameByHandle(db: DbOrTx, handle: string): Promise<string | null> {
  const [found] = await rows<{ name: string }>(
    db,
    sql`SELECT p.name FROM members m JOIN profiles p ON p.member_id = m.id WHERE m.handle = ${handle} AND m.status = 'active'`,
  );
  return found?.name ?? null;
}
