import { reason as notice } from '../../../common/reasons.ts';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { members } from '../../db/schema.ts';
import { conflict, notFound } from '../../errors.ts';
import { recordEvent } from '../../events/record.ts';
import { authorize } from '../../policies/index.ts';
import type { Actor } from '../../auth/actor.ts';
import { credentialsRevoked } from '../../auth/credential-cache.ts';
import { countActiveOperators } from '../../queries/operators.ts';
import { recordAudit } from '../audit.ts';
import { sendNotice } from '../moderation/notices.ts';

/** Advisory lock taken by every role change ("RAPR"): counting operators and changing one is atomic. */
const ROLE_LOCK = 0x52_41_50_52;

export type Role = 'member' | 'admin';

/**
 * Makes a member an operator (`admin`) or an operator a member again, in the caller's transaction, with
 * one audit row and a notice to the member. Role changes take one advisory lock, so two operators
 * demoting each other at once cannot both succeed: the second sees one operator left and gets 409
 * `last_operator`. Asking for the role a member already has changes nothing and records nothing.
 */
export async function setMemberRole(
  tx: Tx,
  operator: Actor,
  handle: string,
  role: Role,
  reason: string,
  ip: string | null,
): Promise<{ handle: string; role: Role }> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ROLE_LOCK})`);
  const [member] = await tx
    .select({ id: members.id, role: members.role, status: members.status })
    .from(members)
    .where(eq(members.handle, handle))
    .for('update');
  if (!member) throw notFound('member');
  const activeOperators = await countActiveOperators(tx);
  const subject = { kind: 'member' as const, memberId: member.id, role: member.role, status: member.status, activeOperators };
  if (member.role === role) {
    authorize(operator, 'admin.access', { kind: 'site' });
    return { handle, role };
  }
  if (role === 'admin') {
    if (member.status !== 'active') throw conflict('member_suspended');
    authorize(operator, 'member.promote', subject);
  } else {
    if (activeOperators <= 1) throw conflict('last_operator');
    authorize(operator, 'member.demote', subject);
  }
  await tx.update(members).set({ role }).where(eq(members.id, member.id));
  credentialsRevoked(tx, member.id);
  await recordEvent(tx, { kind: 'member.role_changed', actorId: operator.id, subjectId: member.id, data: { role, previous: member.role } });
  await recordAudit(tx, {
    actorId: operator.id,
    action: role === 'admin' ? 'member.promote' : 'member.demote',
    subjectType: 'member',
    subjectId: member.id,
    data: reason ? { reason } : {},
    ip,
  });
  if (member.id !== operator.id) {
    await sendNotice(tx, member.id, 'role', notice(role === 'admin' ? 'notice.made_operator' : 'notice.made_member'));
  }
  return { handle, role };
}
