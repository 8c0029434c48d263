import { eq } from 'drizzle-orm';
import { credentialsRevoked } from '../../auth/credential-cache.ts';
import type { Tx } from '../../db/connection.ts';
import { members } from '../../db/schema.ts';
import { recordEvent } from '../../events/record.ts';
import { recordAudit } from '../audit.ts';
import { destroyAllSessions, revokeAllAccessTokens } from '../auth/sessions.ts';
import { refreshSearchDocument } from '../search-document.ts';

/**
 * Suspends or reinstates a member: a suspension ends their sessions and revokes their access tokens,
 * hides them from search, and audits the action. Credentials are ended rather than merely refused while
 * suspended, so a reinstatement does not bring back a session or a script that may have been the abuser's;
 * the member signs in again and makes new tokens.
 */
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
  credentialsRevoked(tx, memberId);
  if (status === 'suspended') {
    await destroyAllSessions(tx, memberId);
    await revokeAllAccessTokens(tx, memberId, { actorId: operatorId, reason: 'member.suspend', ip });
  }
  await refreshSearchDocument(tx, memberId);
  await recordEvent(tx, { kind: status === 'suspended' ? 'member.suspended' : 'member.reinstated', actorId: operatorId, subjectId: memberId, data: { reason } });
  await recordAudit(tx, {
    actorId: operatorId,
    action: status === 'suspended' ? 'member.suspend' : 'member.reinstate',
    subjectType: 'member',
    subjectId: memberId,
    data: reason ? { reason } : {},
    ip,
  });
}
