/**
 * Logging an interaction by hand (a meeting, a call): an `interaction.logged` event, from which the ledger row
 * follows (relationships/from-events.ts) and the card's clock resets, with its note on the card's timeline.
 */
import type { LoggedInteractionKind } from '../../../common/relationships.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordEvent } from '../../events/record.ts';
import { insertNote } from './notes.ts';

/** When a logged interaction happened: now for today (or no date), else midday UTC of its day. */
export function loggedAt(date: string | undefined, now = new Date()): Date {
  if (!date || date >= now.toISOString().slice(0, 10)) return now;
  return new Date(`${date}T12:00:00Z`);
}

export async function logInteraction(db: Db, memberId: number, otherId: number, log: { kind: LoggedInteractionKind; date?: string | undefined; note?: string | undefined }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const at = loggedAt(log.date);
    const note = log.note ? await insertNote(tx, memberId, otherId, { text: log.note, date: at.toISOString().slice(0, 10) }) : null;
    await recordEvent(tx, { kind: 'interaction.logged', actorId: memberId, subjectId: otherId, data: { kind: log.kind, at: at.toISOString(), noteId: note?.id ?? null } });
  });
}
