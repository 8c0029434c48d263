import { sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import { type Db, rows, type Tx } from '../../db/connection.ts';
import type { RecommendationStatus } from '../../db/tables/endorsements.ts';
import { inTransaction } from '../../db/transaction.ts';
import { conflict, notFound } from '../../errors.ts';
import { recordEvent } from '../../events/record.ts';
import { recommendRefusal } from '../../policies/endorsements.ts';
import { memberByHandle } from '../../queries/members.ts';
import { blockBetween } from '../../queries/network/blocks.ts';
import { areConnected } from '../../queries/network/connections.ts';
import { lockMembers } from '../network/locks.ts';

/** The other member, locked with the actor, once the rules let the two exchange recommendations. */
async function lockedConnection(tx: Tx, actor: Actor, handle: string): Promise<number> {
  const other = await memberByHandle(tx, handle);
  await lockMembers(tx, actor.id, other.id);
  const refusal = recommendRefusal(actor.id, { id: other.id, block: await blockBetween(tx, actor.id, other.id), connected: await areConnected(tx, actor.id, other.id) });
  if (refusal) throw refusal;
  return other.id;
}

/** The 404 of a position that is not the member's. */
async function ownPosition(tx: Tx, memberId: number, positionId: number): Promise<void> {
  const [found] = await rows<{ id: number }>(tx, sql`SELECT id FROM experiences WHERE id = ${positionId} AND member_id = ${memberId}`);
  if (!found) throw notFound('position');
}

/**
 * The actor asks a 1st-degree connection (`handle`) to recommend them for one of their own positions. One
 * open request per connection and position: asking again while it waits is refused.
 */
export async function requestRecommendation(db: Db, actor: Actor, handle: string, input: { positionId: number; message: string }): Promise<{ id: number }> {
  return inTransaction(db, async (tx) => {
    const writerId = await lockedConnection(tx, actor, handle);
    await ownPosition(tx, actor.id, input.positionId);
    const [made] = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO recommendation_requests (member_id, writer_id, experience_id, message)
          VALUES (${actor.id}, ${writerId}, ${input.positionId}, ${input.message})
          ON CONFLICT (member_id, writer_id, experience_id) WHERE status = 'open' DO NOTHING RETURNING id`,
    );
    if (!made) throw conflict('recommendation_request_open');
    await recordEvent(tx, { kind: 'recommendation.requested', actorId: actor.id, subjectId: writerId, data: { requestId: made.id, positionId: input.positionId } });
    return { id: made.id };
  });
}

/**
 * The actor writes a recommendation for a 1st-degree connection's position, answering their request or
 * unasked (which also answers an open request of theirs for that position). It waits for the recipient's
 * approval. One per request, and one per author and position until the recipient declines it.
 */
export async function writeRecommendation(
  db: Db,
  actor: Actor,
  handle: string,
  input: { positionId: number; text: string; requestId?: number | undefined },
): Promise<{ id: number }> {
  return inTransaction(db, async (tx) => {
    const memberId = await lockedConnection(tx, actor, handle);
    await ownPosition(tx, memberId, input.positionId);
    let requestId: number | null = null;
    if (input.requestId !== undefined) {
      const [request] = await rows<{ id: number; status: 'open' | 'written' }>(
        tx,
        sql`SELECT id, status FROM recommendation_requests
             WHERE id = ${input.requestId} AND writer_id = ${actor.id} AND member_id = ${memberId} AND experience_id = ${input.positionId} FOR UPDATE`,
      );
      if (!request) throw notFound('recommendation_request');
      if (request.status !== 'open') throw conflict('recommendation_request_closed');
      requestId = request.id;
    } else {
      const [open] = await rows<{ id: number }>(
        tx,
        sql`SELECT id FROM recommendation_requests
             WHERE writer_id = ${actor.id} AND member_id = ${memberId} AND experience_id = ${input.positionId} AND status = 'open' FOR UPDATE`,
      );
      requestId = open?.id ?? null;
    }
    const [already] = await rows<{ id: number }>(
      tx,
      sql`SELECT id FROM recommendations WHERE experience_id = ${input.positionId} AND author_id = ${actor.id} AND status <> 'declined'`,
    );
    if (already) throw conflict('recommendation_exists');
    const [made] = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO recommendations (member_id, author_id, experience_id, request_id, text)
          VALUES (${memberId}, ${actor.id}, ${input.positionId}, ${requestId}, ${input.text}) RETURNING id`,
    );
    if (requestId !== null) await tx.execute(sql`UPDATE recommendation_requests SET status = 'written' WHERE id = ${requestId}`);
    await recordEvent(tx, {
      kind: 'recommendation.written',
      actorId: actor.id,
      subjectId: memberId,
      data: { recommendationId: made!.id, positionId: input.positionId, requestId },
    });
    return { id: made!.id };
  });
}

export type RecommendationAction = 'approve' | 'decline' | 'hide' | 'show';

/** Each action, from the one status it applies to, to the status it leaves. */
const TRANSITIONS: Record<RecommendationAction, { from: RecommendationStatus; to: RecommendationStatus }> = {
  approve: { from: 'pending', to: 'visible' },
  decline: { from: 'pending', to: 'declined' },
  hide: { from: 'visible', to: 'hidden' },
  show: { from: 'hidden', to: 'visible' },
};

/**
 * The recipient approves or declines a pending recommendation, or hides a shown one and shows it again.
 * Someone else's (or a missing one) is a 404; an action that does not apply to its status now (approving
 * twice) is a 409, and nothing changes.
 */
export async function decideRecommendation(db: Db, actor: Actor, id: number, action: RecommendationAction): Promise<{ id: number; status: RecommendationStatus }> {
  return inTransaction(db, async (tx) => {
    const [rec] = await rows<{ id: number; authorId: number; positionId: number; status: RecommendationStatus }>(
      tx,
      sql`SELECT id, author_id AS "authorId", experience_id AS "positionId", status FROM recommendations WHERE id = ${id} AND member_id = ${actor.id} FOR UPDATE`,
    );
    if (!rec) throw notFound('recommendation');
    const { from, to } = TRANSITIONS[action];
    if (rec.status !== from) throw conflict('recommendation_state');
    await tx.execute(sql`UPDATE recommendations SET status = ${to}, decided_at = now() WHERE id = ${id}`);
    const data = { recommendationId: id, positionId: rec.positionId };
    if (action === 'approve') await recordEvent(tx, { kind: 'recommendation.approved', actorId: actor.id, subjectId: rec.authorId, data });
    else {
      const change = action === 'decline' ? 'declined' : action === 'hide' ? 'hidden' : 'shown';
      await recordEvent(tx, { kind: 'recommendation.updated', actorId: actor.id, subjectId: rec.authorId, data: { ...data, change } });
    }
    return { id, status: to };
  });
}
