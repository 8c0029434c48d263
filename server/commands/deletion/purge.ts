import { sql } from 'drizzle-orm';
import { credentialsRevoked } from '../../auth/credential-cache.ts';
import { type Tx, rows } from '../../db/connection.ts';
import { recordEvent } from '../../events/record.ts';
import { recordAudit } from '../audit.ts';
import { PURGE_PLAN } from './purge-plan.ts';

/**
 * Purges one member whose grace period has passed, in the caller's transaction (one per member), following
 * the purge plan (purge-plan.ts) table by table. Idempotent: a member already purged, a cancelled or not yet
 * due request, or a retry after a crash finds nothing to do or does the same again.
 *
 * Before the rows go, each connection and follow is ended with its own event, so the graph index (and the
 * read caches of both ends) drop the edges exactly as when a member removes a connection; `member.deleted`
 * then tells the caches to let go of everything they held. Returns whether a purge happened.
 */
export async function purgeMember(tx: Tx, memberId: number, now: Date = new Date()): Promise<boolean> {
  // Lock the request, so a purge and a cancel (or two purges) of one member take turns.
  const [request] = await rows<{ id: number }>(
    tx,
    sql`SELECT id FROM account_deletions WHERE member_id = ${memberId} AND status = 'pending' AND purge_after <= ${now.toISOString()}::timestamptz FOR UPDATE`,
  );
  if (!request) return false;
  const [m] = await rows<{ email: string }>(tx, sql`SELECT email FROM members WHERE id = ${memberId} FOR UPDATE`);
  if (!m) return false;
  const target = { id: memberId, email: m.email.toLowerCase() };

  const connected = await rows<{ other_id: number }>(tx, sql`SELECT other_id FROM connections WHERE member_id = ${memberId}`);
  for (const c of connected) await recordEvent(tx, { kind: 'connection.removed', actorId: memberId, subjectId: Number(c.other_id), data: {} });
  const follows = await rows<{ follower_id: number; followee_id: number }>(
    tx,
    sql`SELECT follower_id, followee_id FROM follows WHERE follower_id = ${memberId} OR followee_id = ${memberId}`,
  );
  for (const f of follows) {
    await recordEvent(tx, { kind: 'follow.removed', actorId: Number(f.follower_id), subjectId: Number(f.followee_id), data: { cause: 'connection_removed' } });
  }

  for (const entry of PURGE_PLAN) {
    for (const statement of entry.statements?.(target) ?? []) await tx.execute(statement);
  }

  await tx.execute(sql`UPDATE account_deletions SET status = 'completed', completed_at = now() WHERE id = ${request.id}`);
  credentialsRevoked(tx, memberId);
  await recordEvent(tx, { kind: 'member.deleted', actorId: null, subjectId: memberId, data: {} });
  // That a deletion happened, never who they were: the subject is the tombstone's id, the data empty.
  await recordAudit(tx, { actorId: null, action: 'account.purge', subjectType: 'member', subjectId: memberId });
  return true;
}
