/** A member's private notes on a person: a timeline on their card (docs/relationships.md). */
import { sql } from 'drizzle-orm';
import type { NoteView } from '../../../common/schemas/relationships.ts';
import { type Db, rows, type Tx } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { notFound } from '../../errors.ts';
import { ensureCard } from './cards.ts';

interface NoteRow {
  id: number;
  text: string;
  date: string | null;
  createdAt: string;
  updatedAt: string;
}

const RETURNING = sql`RETURNING id::int, text, to_char(met_on, 'YYYY-MM-DD') AS date, created_at AS "createdAt", updated_at AS "updatedAt"`;
const present = (n: NoteRow): NoteView => ({ ...n, createdAt: new Date(n.createdAt).toISOString(), updatedAt: new Date(n.updatedAt).toISOString() });

/** Adds a note inside the caller's transaction (a logged meeting's note comes this way too). */
export async function insertNote(tx: Tx, memberId: number, otherId: number, note: { text: string; date?: string | null | undefined }): Promise<NoteView> {
  await ensureCard(tx, memberId, otherId);
  const [row] = await rows<NoteRow>(
    tx,
    sql`INSERT INTO relationship_notes (member_id, other_id, text, met_on) VALUES (${memberId}, ${otherId}, ${note.text}, ${note.date ?? null}::date) ${RETURNING}`,
  );
  return present(row!);
}

export const addNote = (db: Db, memberId: number, otherId: number, note: { text: string; date?: string | null | undefined }) =>
  inTransaction(db, (tx) => insertNote(tx, memberId, otherId, note));

/** Edits one of my notes on this person; anyone else's, or one on someone else, is not found. */
export async function editNote(db: Db, memberId: number, otherId: number, noteId: number, change: { text?: string | undefined; date?: string | null | undefined }): Promise<NoteView> {
  const sets = [sql`updated_at = now()`];
  if (change.text !== undefined) sets.push(sql`text = ${change.text}`);
  if (change.date !== undefined) sets.push(sql`met_on = ${change.date}::date`);
  const [row] = await rows<NoteRow>(
    db,
    sql`UPDATE relationship_notes SET ${sql.join(sets, sql`, `)} WHERE id = ${noteId} AND member_id = ${memberId} AND other_id = ${otherId} ${RETURNING}`,
  );
  if (!row) throw notFound('note');
  return present(row);
}

export async function deleteNote(db: Db, memberId: number, otherId: number, noteId: number): Promise<void> {
  const gone = await rows<{ id: number }>(db, sql`DELETE FROM relationship_notes WHERE id = ${noteId} AND member_id = ${memberId} AND other_id = ${otherId} RETURNING id::int`);
  if (gone.length === 0) throw notFound('note');
}
