/** Template notes: which of a sender's recent notes are nearly identical to this one (MinHash, see minhash.ts). */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import { similarity } from './minhash.ts';

/** Estimated Jaccard similarity at or above which two notes count as the same text. */
export const TEMPLATE_SIMILARITY = 0.6;
const WINDOW = sql`interval '30 days'`;
const LOOK_BACK = 500;

export interface SimilarNotes {
  count: number;
  /** Who received the near-copies, newest first (a member may appear once per copy). */
  recipients: number[];
}

/** The sender's notes from the last 30 days (at most the newest 500) that are nearly identical to this one. */
export async function findSimilarNotes(db: DbOrTx, senderId: number, signature: readonly number[] | null, exceptInvitation: number | null): Promise<SimilarNotes> {
  if (!signature) return { count: 0, recipients: [] };
  const earlier = await rows<{ sig: number[]; recipientId: number }>(
    db,
    sql`SELECT note_minhash AS sig, recipient_id AS "recipientId" FROM invitations
         WHERE sender_id = ${senderId} AND note_minhash IS NOT NULL AND created_at > now() - ${WINDOW}
           AND id <> ${exceptInvitation ?? 0}
         ORDER BY created_at DESC, id DESC LIMIT ${LOOK_BACK}`,
  );
  const recipients = earlier.filter((e) => similarity(signature, e.sig) >= TEMPLATE_SIMILARITY).map((e) => e.recipientId);
  return { count: recipients.length, recipients };
}
