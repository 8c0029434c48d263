import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.ts';

/**
 * Moves the pair's counts in engagement_pairs that "you and Ana have
 * replied to each other 4 times" reads (queries/suggestions). Inside the comment's transaction. (The comment
 * as an interaction in the ledger follows from its event: relationships/from-events.ts.)
 *
 * The two rows of the pair are upserted lowest member first, so two members answering each other at the
 * same moment lock them in the same order (no deadlock), and `x + 1` under the row lock keeps the counts exact.
 */
export async function recordCommentExchange(tx: Tx, writerId: number, answeredId: number): Promise<void> {
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
