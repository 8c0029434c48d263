import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';

/**
 * Whom a comment answers: the writer of the comment it replies to (unless that is the writer themself),
 * otherwise the post's author; null when that is the writer too (talking on one's own post to oneself).
 */
export function answeredBy(writerId: number, postAuthorId: number, parentAuthorId: number | null): number | null {
  const answered = parentAuthorId !== null && parentAuthorId !== writerId ? parentAuthorId : postAuthorId;
  return answered === writerId ? null : answered;
}

/**
 * Keeps a comment as an interaction between its writer and the member it answers (the ledger of every
 * interaction: relationship memory), and moves the pair's counts in engagement_pairs that "you and Ana have
 * replied to each other 4 times" reads (queries/suggestions). Inside the comment's transaction.
 *
 * The two rows of the pair are upserted lowest member first, so two members answering each other at the
 * same moment lock them in the same order (no deadlock), and `x + 1` under the row lock keeps the counts exact.
 */
export async function recordCommentExchange(tx: Tx, writerId: number, answeredId: number, commentId: number): Promise<void> {
  await tx.execute(sql`
    INSERT INTO interactions (member_id, other_id, kind, ref_id)
    VALUES (${writerId}, ${answeredId}, 'comment_sent', ${commentId}), (${answeredId}, ${writerId}, 'comment_received', ${commentId})`);
  const sides = [
    { member: writerId, other: answeredId, given: 1, received: 0 },
    { member: answeredId, other: writerId, given: 0, received: 1 },
  ].sort((a, b) => a.member - b.member);
  await tx.execute(sql`
    INSERT INTO engagement_pairs (member_id, other_id, given, received, last_at)
    VALUES ${sql.join(
      sides.map((s) => sql`(${s.member}::int, ${s.other}::int, ${s.given}::int, ${s.received}::int, now())`),
      sql`, `,
    )}
    ON CONFLICT (member_id, other_id) DO UPDATE
      SET given = engagement_pairs.given + EXCLUDED.given,
          received = engagement_pairs.received + EXCLUDED.received,
          last_at = EXCLUDED.last_at`);
}
