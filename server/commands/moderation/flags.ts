import { eq } from 'drizzle-orm';
import { type Reason, toStored } from '../../../common/reasons.ts';
import type { Tx } from '../../db/connection.ts';
import { type FlagKind, moderationFlags } from '../../db/schema.ts';
import { openFlagFor } from '../../queries/moderation-flags.ts';
import { lockModeration } from './locks.ts';

/**
 * Puts one member in the moderation queue for one reason, keeping one open flag per member and kind:
 * a second finding refreshes the open flag's score and reasons instead of adding a row.
 */
export async function raiseMemberFlag(
  tx: Tx,
  kind: Exclude<FlagKind, 'cluster'>,
  memberId: number,
  score: number,
  found: Reason[],
): Promise<number> {
  const reasons = found.map(toStored);
  await lockModeration(tx, memberId);
  const open = await openFlagFor(tx, kind, memberId);
  const clamped = Math.max(0, Math.min(100, Math.round(score)));
  if (open) {
    await tx.update(moderationFlags).set({ score: clamped, reasons }).where(eq(moderationFlags.id, open.id));
    return open.id;
  }
  const [created] = await tx
    .insert(moderationFlags)
    .values({ kind, memberIds: [memberId], score: clamped, reasons })
    .returning({ id: moderationFlags.id });
  return created!.id;
}
