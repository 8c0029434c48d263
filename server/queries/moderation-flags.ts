import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { type FlagKind, moderationFlags } from '../db/schema.ts';

/** The open flag of this kind that covers a member, if any. */
export async function openFlagFor(db: DbOrTx, kind: FlagKind, memberId: number): Promise<{ id: number } | undefined> {
  const [found] = await db
    .select({ id: moderationFlags.id })
    .from(moderationFlags)
    .where(and(eq(moderationFlags.kind, kind), eq(moderationFlags.status, 'open'), sql`${moderationFlags.memberIds} @> ARRAY[${memberId}]::integer[]`))
    .limit(1);
  return found;
}
