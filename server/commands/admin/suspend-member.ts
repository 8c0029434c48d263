import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';
import { members } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { destroyAllSessions } from '../auth/sessions.ts';
import { refreshSearchDocument } from '../search-document.ts';

/** Suspends or reinstates a member: ends their sessions, hides them from search, and audits the action. */
export async function setMemberStatus(
  tx: Tx,
  operatorId: number,
  memberId: number,
  status: 'active' | 'suspended',
  reason: string,
  ip: string | null,
): Promise<void> {
  await tx
    .update(members)
    .set({ status, statusReason: status === 'suspended' ? reason || null : null })
    .where(eq(members.id, memberId));
  if (status === 'suspended') await destroyAllSessions(tx, memberId);
  await refreshSearchDocument(tx, memberId);
  await recordAudit(tx, {
    actorId: operatorId,
    action: status === 'suspended' ? 'member.suspend' : 'member.reinstate',
    subjectType: 'member',
    subjectId: memberId,
    data: reason ? { reason } : {},
    ip,
  });
}
