/** What connect-then-pitch detection reads (server/screening/pitch.ts): new connections a message approaches, and the sender's earlier approaches. */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import { APPROACH_DAYS, APPROACH_LOOK_BACK, type EarlierApproach, PITCH_WINDOW_DAYS, type PitchRecord, pitchRecordFrom } from '../../screening/pitch.ts';

export interface ApproachedMember {
  recipientId: number;
  recipientName: string;
  senderName: string;
  connectedAt: Date;
  /** The database's now: the time the message is stamped with. */
  now: Date;
}

const days = (n: number) => sql.raw(`interval '${n} days'`);

/**
 * The members of a conversation a message from `senderId` approaches: connected with the sender in the last
 * APPROACH_DAYS days, and silent towards them in this conversation since. One statement.
 */
export async function approachedMembers(db: DbOrTx, senderId: number, conversationId: number, memberIds: readonly number[]): Promise<ApproachedMember[]> {
  if (memberIds.length === 0) return [];
  const found = await rows<{ recipientId: number; recipientName: string; senderName: string; connectedAt: Date | string; now: Date | string }>(
    db,
    sql`SELECT c.other_id AS "recipientId", rp.name AS "recipientName", sp.name AS "senderName", c.created_at AS "connectedAt", now() AS now
          FROM connections c
          JOIN profiles rp ON rp.member_id = c.other_id
          JOIN profiles sp ON sp.member_id = c.member_id
         WHERE c.member_id = ${senderId} AND c.other_id = ANY(${intArray(memberIds)}::int[]) AND c.created_at > now() - ${days(APPROACH_DAYS)}
           AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = ${conversationId} AND m.sender_id = c.other_id AND m.created_at >= c.created_at)
         ORDER BY c.other_id`,
  );
  return found.map((r) => ({ ...r, connectedAt: new Date(r.connectedAt), now: new Date(r.now) }));
}

/** The sender's approaches with a signature in the window, newest first (at most APPROACH_LOOK_BACK). */
export async function earlierApproaches(db: DbOrTx, senderId: number): Promise<EarlierApproach[]> {
  const found = await rows<{ recipientId: number; signature: number[] }>(
    db,
    sql`SELECT recipient_id AS "recipientId", signature FROM message_approaches
         WHERE sender_id = ${senderId} AND signature IS NOT NULL AND created_at > now() - ${days(PITCH_WINDOW_DAYS)}
         ORDER BY created_at DESC, id DESC LIMIT ${APPROACH_LOOK_BACK}`,
  );
  return found;
}

/** The sender's approaches over the window, summed (the same sums the sender facts read, SENDER_COUNTS). */
export async function loadPitchRecord(db: DbOrTx, senderId: number): Promise<PitchRecord> {
  const [found] = await rows<{ approaches: number[] | null }>(
    db,
    sql`SELECT ARRAY[coalesce(max(copies) FILTER (WHERE pitch), 0), coalesce(max(copies), 0),
                     count(DISTINCT recipient_id) FILTER (WHERE pitch AND fast)]::int[] AS approaches
          FROM message_approaches WHERE sender_id = ${senderId} AND created_at > now() - ${days(PITCH_WINDOW_DAYS)}`,
  );
  return pitchRecordFrom(found?.approaches ?? null);
}
