/**
 * The note check behind the outreach composer and the invitation dialog's nudge: what kind of note this is
 * (none, short, stock, personal: screening/note-kind.ts) and whether it is a template, i.e. nearly the same
 * text as the member's recent invitation notes (MinHash, screening/template.ts). Read-only: nothing is stored.
 */
import { type NoteCheckKind } from '../../../common/outreach.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { noteSignature } from '../../screening/minhash.ts';
import { classifyNote, noteKindOf } from '../../screening/note-kind.ts';
import { similarNotes } from '../../screening/template.ts';
import { loadRecentNotes } from '../screening/notes.ts';

export async function checkNote(db: DbOrTx, memberId: number, note: string, recipientNames: readonly string[]): Promise<{ kind: NoteCheckKind; copies: number }> {
  const written = classifyNote(note, recipientNames);
  const earlier = (await loadRecentNotes(db, [memberId])).get(memberId) ?? [];
  const copies = similarNotes(noteSignature(note, recipientNames), earlier, null).count;
  return { kind: noteKindOf(written, copies), copies };
}
