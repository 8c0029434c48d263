/**
 * Logging a give or an ask by hand (common/ledger.ts): a `ledger.logged` event, from which its ledger row
 * follows (relationships/from-events.ts) and the card's clock resets, as for a logged meeting, with its
 * note on the card's timeline.
 */
import type { LedgerSide, LoggableLedgerSubject } from '../../../common/ledger.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { loggedAt } from './log.ts';
import { insertNote } from './notes.ts';

export interface LedgerEntryInput {
  subject: LoggableLedgerSubject;
  side: LedgerSide;
  date?: string | undefined;
  note?: string | undefined;
}

export async function logLedgerEntry(db: Db, memberId: number, otherId: number, entry: LedgerEntryInput): Promise<void> {
  await inTransaction(db, async (tx) => {
    const at = loggedAt(entry.date);
    const note = entry.note ? await insertNote(tx, memberId, otherId, { text: entry.note, date: at.toISOString().slice(0, 10) }) : null;
    await recordEvent(tx, {
      kind: 'ledger.logged',
      actorId: memberId,
      subjectId: otherId,
      data: { subject: entry.subject, side: entry.side, at: at.toISOString(), noteId: note?.id ?? null },
    });
  });
}
