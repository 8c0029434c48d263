import { reason as notice } from '../../../common/reasons.ts';
import { eq } from 'drizzle-orm';
import { RESTRICTION_KINDS } from '../../../common/moderation.ts';
import type { Tx } from '../../db/connection.ts';
import { members, type RestrictionKind } from '../../db/schema.ts';
import { conflict, notFound } from '../../errors.ts';
import { authorize } from '../../policies/index.ts';
import type { Actor } from '../../auth/actor.ts';
import { recordAudit } from '../audit.ts';
import { lockModeration } from './locks.ts';
import { sendNotice } from './notices.ts';
import { liftRestrictions, releaseHeldInvitations } from './restrictions.ts';

/** What the member reads when an operator lifts their restrictions: what (in a stable order), and the operator's reason. */
const liftedNotice = (kinds: RestrictionKind[], reason: string) =>
  notice('notice.restrictions_lifted', { kinds: RESTRICTION_KINDS.filter((k) => kinds.includes(k)), reason });

/**
 * Lifts a member's active restrictions (every kind, or one), in the caller's transaction: their held
 * invitations reach their recipients, they are told why, and one `moderation.lift` audit row records
 * it. A member with nothing to lift is a 409 (`not_restricted`), so a second click changes nothing.
 */
export async function liftMemberRestrictions(
  tx: Tx,
  operator: Actor,
  handle: string,
  input: { reason: string; kind?: RestrictionKind | undefined },
  ip: string | null,
): Promise<{ handle: string; lifted: RestrictionKind[] }> {
  const [member] = await tx.select({ id: members.id, role: members.role }).from(members).where(eq(members.handle, handle));
  if (!member) throw notFound('member');
  authorize(operator, 'moderation.act', { kind: 'member', memberId: member.id, role: member.role });
  await lockModeration(tx, member.id);
  const lifted = [...new Set((await liftRestrictions(tx, [member.id], input.kind ? [input.kind] : RESTRICTION_KINDS, operator.id)).map((r) => r.kind))];
  if (lifted.length === 0) {
    throw conflict('not_restricted', { key: input.kind ? 'kind' : 'any' });
  }
  await releaseHeldInvitations(tx, [member.id]);
  await sendNotice(tx, member.id, 'lifted', liftedNotice(lifted, input.reason));
  await recordAudit(tx, {
    actorId: operator.id,
    action: 'moderation.lift',
    subjectType: 'member',
    subjectId: member.id,
    data: { kinds: lifted, reason: input.reason },
    ip,
  });
  return { handle, lifted };
}
