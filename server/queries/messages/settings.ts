/** Reading message settings; a member without a row has the defaults. */
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_MESSAGE_SETTINGS, type MessageGate, type MessageSettings } from '../../../common/schemas/messages.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { messageSettings } from '../../db/schema.ts';
import { intArray } from '../../graph/sql.ts';

export async function loadMessageSettings(db: DbOrTx, memberId: number): Promise<MessageSettings> {
  const [row] = await db.select().from(messageSettings).where(eq(messageSettings.memberId, memberId));
  if (!row) return DEFAULT_MESSAGE_SETTINGS;
  return { connection: row.connection, second: row.second, third_plus: row.thirdPlus, new_account: row.newAccount, flagged: row.flagged };
}

/** What a recipient's settings judge one sender by, loaded for every recipient at once (see gatingFacts). */
export interface RecipientGating {
  id: number;
  settings: MessageSettings;
  connected: boolean;
  /** The members on either side of a block with the recipient: their degree to the sender goes around them. */
  avoid: Set<number>;
}

export interface GatingFacts {
  sender: { accountAgeDays: number; flagged: boolean };
  recipients: Map<number, RecipientGating>;
}

/**
 * Everything the recipients' message settings need about one sender, in one statement: each recipient's
 * settings, whether they are connected to the sender, and their blocks (for their degree to the sender);
 * the sender's account age and whether an open moderation flag names them. Read in the sender's
 * transaction, under the members' locks.
 */
export async function gatingFacts(db: DbOrTx, senderId: number, recipientIds: readonly number[]): Promise<GatingFacts> {
  const found = await rows<{
    id: number;
    connected: boolean;
    connection: MessageGate | null;
    second: MessageGate | null;
    thirdPlus: MessageGate | null;
    newAccount: MessageGate | null;
    flagged: MessageGate | null;
    avoid: number[] | null;
    senderAgeDays: number | string;
    senderFlagged: boolean;
  }>(
    db,
    sql`SELECT r.id,
               EXISTS (SELECT 1 FROM connections c WHERE c.member_id = ${senderId} AND c.other_id = r.id) AS connected,
               s.connection, s.second, s.third_plus AS "thirdPlus", s.new_account AS "newAccount", s.flagged,
               (SELECT array_agg(CASE WHEN b.blocker_id = r.id THEN b.blocked_id ELSE b.blocker_id END)
                  FROM blocks b WHERE b.blocker_id = r.id OR b.blocked_id = r.id) AS avoid,
               snd.age_days AS "senderAgeDays", snd.flagged AS "senderFlagged"
          FROM unnest(${intArray(recipientIds)}::int[]) AS r(id)
          LEFT JOIN message_settings s ON s.member_id = r.id
          CROSS JOIN (SELECT extract(epoch FROM now() - m.created_at)::float8 / 86400 AS age_days,
                             EXISTS (SELECT 1 FROM moderation_flags f WHERE f.member_ids @> ARRAY[m.id] AND f.status = 'open') AS flagged
                        FROM members m WHERE m.id = ${senderId}) snd`,
  );
  const d = DEFAULT_MESSAGE_SETTINGS;
  const recipients = new Map<number, RecipientGating>();
  for (const r of found) {
    recipients.set(r.id, {
      id: r.id,
      settings: {
        connection: r.connection ?? d.connection,
        second: r.second ?? d.second,
        third_plus: r.thirdPlus ?? d.third_plus,
        new_account: r.newAccount ?? d.new_account,
        flagged: r.flagged ?? d.flagged,
      },
      connected: r.connected,
      avoid: new Set(r.avoid ?? []),
    });
  }
  const first = found[0];
  return { sender: { accountAgeDays: first ? Number(first.senderAgeDays) : 0, flagged: first?.senderFlagged ?? false }, recipients };
}
