/** Template notes: how many of a sender's recent notes are nearly identical to this one (MinHash, see minhash.ts). */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';
import { similarity } from './minhash.ts';

/** Estimated Jaccard similarity at or above which two notes count as the same text. */
export const TEMPLATE_SIMILARITY = 0.6;
/** A note is a template once it nearly matches this many of the sender's other recent notes. */
export const TEMPLATE_MIN_MATCHES = 2;
const WINDOW = sql`interval '30 days'`;
const LOOK_BACK = 500;

export async function countSimilarNotes(db: DbOrTx, senderId: number, signature: readonly number[] | null, exceptInvitation: number | null): Promise<number> {
  if (!signature) return 0;
  const earlier = await rows<{ sig: number[] }>(
    db,
    sql`SELECT note_minhash AS sig FROM invitations
         WHERE sender_id = ${senderId} AND note_minhash IS NOT NULL AND created_at > now() - ${WINDOW}
           AND id <> ${exceptInvitation ?? 0}
         ORDER BY created_at DESC LIMIT ${LOOK_BACK}`,
  );
  let n = 0;
  for (const e of earlier) if (similarity(signature, e.sig) >= TEMPLATE_SIMILARITY) n++;
  return n;
}
