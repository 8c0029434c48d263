/** Saving a member's message settings. */
import { sql } from 'drizzle-orm';
import type { MessageSettings } from '../../../common/schemas/messages.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { messageSettings } from '../../db/schema.ts';

/** Replaces the settings whole, in one statement. They apply to messages that arrive from now on. */
export async function saveMessageSettings(db: DbOrTx, memberId: number, s: MessageSettings): Promise<void> {
  const values = { connection: s.connection, second: s.second, thirdPlus: s.third_plus, newAccount: s.new_account, flagged: s.flagged, updatedAt: sql`now()` };
  await db.insert(messageSettings).values({ memberId, ...values }).onConflictDoUpdate({ target: messageSettings.memberId, set: values });
}
