/**
 * Patterns that put a sender in the operators' moderation queue on their own: the same pitch pasted into
 * many invitations, and many "I don't know this person" answers. A flag restricts nothing by itself; it
 * raises the risk of the sender's next invitations (see risk.ts) and asks an operator to look.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import { raiseMemberFlag } from '../commands/moderation/flags.ts';
import type { Tx } from '../db/connection.ts';
import { moderationFlags } from '../db/schema.ts';
import type { SenderFacts } from './sender-facts.ts';

/** Copies of one note (besides itself) within 30 days that make a mass pitch. */
export const TEMPLATE_FLAG_COPIES = 10;
/** "I don't know this person" answers within 90 days that put a sender in the queue. */
export const DONT_KNOW_FLAG = 5;

/** An operator who dismissed a flag has decided: the same finding does not come back for 30 days. */
async function recentlyDismissed(tx: Tx, kind: 'template' | 'reputation', memberId: number): Promise<boolean> {
  const [found] = await tx
    .select({ id: moderationFlags.id })
    .from(moderationFlags)
    .where(
      and(
        eq(moderationFlags.kind, kind),
        eq(moderationFlags.status, 'dismissed'),
        sql`${moderationFlags.memberIds} @> ARRAY[${memberId}]::integer[]`,
        gt(moderationFlags.resolvedAt, sql`now() - interval '30 days'`),
      ),
    )
    .limit(1);
  return found !== undefined;
}

export async function flagMassTemplate(tx: Tx, senderId: number, similarNotes: number): Promise<void> {
  if (similarNotes < TEMPLATE_FLAG_COPIES || (await recentlyDismissed(tx, 'template', senderId))) return;
  await raiseMemberFlag(tx, 'template', senderId, Math.min(100, 40 + similarNotes), [
    `Sent nearly the same note to ${similarNotes + 1} people in the last 30 days`,
  ]);
}

export async function flagPoorReputation(tx: Tx, senderId: number, history: SenderFacts['history']): Promise<void> {
  if (history.dontKnow < DONT_KNOW_FLAG || (await recentlyDismissed(tx, 'reputation', senderId))) return;
  const rate = history.answered ? Math.round((history.dontKnow / history.answered) * 100) : 0;
  await raiseMemberFlag(tx, 'reputation', senderId, Math.min(100, 40 + history.dontKnow * 5), [
    `${history.dontKnow} people answered "I don't know this person" in the last 90 days (${rate}% of answers)`,
    ...(history.acceptanceRate !== null ? [`${Math.round(history.acceptanceRate * 100)}% of answered invitations accepted`] : []),
  ]);
}
