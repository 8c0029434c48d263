/** Moderation flags as automatic flagging reads them. */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { moderationFlags } from '../../db/schema.ts';
import { DISMISSAL_DAYS } from '../../screening/auto-flags.ts';

/** Whether an operator dismissed a flag of this kind on the member within the last DISMISSAL_DAYS. */
export async function recentlyDismissed(db: DbOrTx, kind: 'template' | 'reputation' | 'pitch', memberId: number): Promise<boolean> {
  const [found] = await db
    .select({ id: moderationFlags.id })
    .from(moderationFlags)
    .where(
      and(
        eq(moderationFlags.kind, kind),
        eq(moderationFlags.status, 'dismissed'),
        sql`${moderationFlags.memberIds} @> ARRAY[${memberId}]::integer[]`,
        gt(moderationFlags.resolvedAt, sql`now() - ${DISMISSAL_DAYS} * interval '1 day'`),
      ),
    )
    .limit(1);
  return found !== undefined;
}
