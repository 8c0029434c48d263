/** A member's imports and contacts, read for their owner alone (policies/imports.ts decides that). */
import { sql } from 'drizzle-orm';
import type { ContactView, ImportReport, ImportView } from '../../../common/schemas/imports.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import type { ImportStatus, MatchKind } from '../../db/tables/imports.ts';
import { decodeCursor, type KeysetPage, keysetPage, lookahead } from '../../http/cursor.ts';
import { intArray } from '../../graph/sql.ts';
import { likePattern } from '../network/lists.ts';

interface ImportRow {
  id: number;
  memberId: number;
  status: ImportStatus;
  fileName: string;
  bytesTotal: string | number;
  bytesDone: string | number;
  recordsTotal: number;
  recordsApplied: number;
  report: ImportReport;
  inspection: ImportView['mapping'];
  hasDraft: boolean;
  createdAt: string;
  finishedAt: string | null;
}

const COLUMNS = sql`i.id, i.member_id AS "memberId", i.status, i.file_name AS "fileName", i.bytes_total AS "bytesTotal", i.bytes_done AS "bytesDone",
  i.records_total AS "recordsTotal", i.records_applied AS "recordsApplied", i.report, i.inspection, i.created_at AS "createdAt", i.finished_at AS "finishedAt",
  EXISTS (SELECT 1 FROM import_profile_drafts d WHERE d.member_id = i.member_id AND d.import_id = i.id AND d.applied_at IS NULL) AS "hasDraft"`;

/** Reading the upload is the first half of the bar, applying its records the second. */
export function progressOf(r: Pick<ImportRow, 'status' | 'bytesDone' | 'bytesTotal' | 'recordsApplied' | 'recordsTotal'>): number {
  if (r.status === 'done') return 100;
  if (r.status === 'queued') return 0;
  const read = Number(r.bytesTotal) > 0 ? Math.min(1, Number(r.bytesDone) / Number(r.bytesTotal)) : 0;
  if (r.status === 'parsing' || r.status === 'needs_mapping') return Math.floor(read * 50);
  if (r.status === 'failed') return Math.floor(read * 50);
  const applied = r.recordsTotal > 0 ? Math.min(1, r.recordsApplied / r.recordsTotal) : 1;
  return Math.min(99, 50 + Math.floor(applied * 50));
}

function present(r: ImportRow): ImportView {
  return {
    id: r.id,
    status: r.status,
    fileName: r.fileName,
    progress: progressOf(r),
    bytes: { done: Number(r.bytesDone), total: Number(r.bytesTotal) },
    records: { applied: r.recordsApplied, total: r.recordsTotal },
    report: { files: r.report?.files ?? [], applied: r.report?.applied ?? {}, error: r.report?.error ?? null },
    mapping: r.status === 'needs_mapping' ? r.inspection : null,
    hasProfileDraft: r.hasDraft,
    createdAt: new Date(r.createdAt).toISOString(),
    finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
  };
}

/** An import with its owner, for the policy to decide; undefined when there is none. */
export async function loadImport(db: DbOrTx, id: number): Promise<(ImportView & { memberId: number }) | undefined> {
  const [row] = await rows<ImportRow>(db, sql`SELECT ${COLUMNS} FROM imports i WHERE i.id = ${id}`);
  return row ? { ...present(row), memberId: row.memberId } : undefined;
}

export async function listImports(db: DbOrTx, memberId: number): Promise<Omit<ImportView, 'report' | 'mapping'>[]> {
  const found = await rows<ImportRow>(db, sql`SELECT ${COLUMNS} FROM imports i WHERE i.member_id = ${memberId} ORDER BY i.id DESC LIMIT 20`);
  return found.map((r) => {
    const { report: _report, mapping: _mapping, ...rest } = present(r);
    return rest;
  });
}

export async function unfinishedImports(db: DbOrTx, memberId: number): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM imports WHERE member_id = ${memberId} AND status IN ('queued', 'parsing', 'applying')`);
  return row?.n ?? 0;
}

export interface ContactRow extends Omit<ContactView, 'member' | 'match' | 'dismissed' | 'tags' | 'notesCount'> {
  matchedMemberId: number | null;
  matchKind: MatchKind | null;
  matchConfidence: number | null;
  dismissedAt: string | null;
  notesCount: number;
  sortName: string;
}

const CONTACT_COLUMNS = sql`c.id, c.name, c.emails, c.phones, c.urls, c.organisation, c.title, c.birthday, c.note, c.source,
  to_char(c.connected_on, 'YYYY-MM-DD') AS "connectedOn", c.last_interaction_at AS "lastInteractionAt", c.message_count AS "messageCount",
  c.invitation_count AS "invitationCount", c.matched_member_id AS "matchedMemberId", c.match_kind AS "matchKind", c.match_confidence AS "matchConfidence",
  c.dismissed_at AS "dismissedAt", lower(c.name) AS "sortName",
  (SELECT count(*)::int FROM contact_notes n WHERE n.contact_id = c.id) AS "notesCount"`;

/** My contacts by name, a page at a time: all, only those matched to a member, or only the others. */
export async function listContacts(
  db: DbOrTx,
  memberId: number,
  query: { cursor?: string | undefined; limit: number; q: string; matched: 'all' | 'matched' | 'unmatched' },
): Promise<KeysetPage<ContactRow>> {
  const after = decodeCursor(query.cursor, { n: 'text', i: 'id' });
  const filters = [sql`c.member_id = ${memberId}`];
  if (query.q) filters.push(sql`c.name ILIKE ${likePattern(query.q)}`);
  if (query.matched === 'matched') filters.push(sql`c.matched_member_id IS NOT NULL`);
  if (query.matched === 'unmatched') filters.push(sql`c.matched_member_id IS NULL`);
  if (after) filters.push(sql`(lower(c.name), c.id) > (${after.n}, ${after.i})`);
  const found = await rows<ContactRow>(
    db,
    sql`SELECT ${CONTACT_COLUMNS} FROM contacts c WHERE ${sql.join(filters, sql` AND `)} ORDER BY lower(c.name), c.id LIMIT ${lookahead(query.limit)}`,
  );
  return keysetPage(found, query.limit, (last) => ({ n: last.sortName, i: last.id }));
}

/** The contacts matched to a member and not dismissed: "N of your LinkedIn connections are here". */
export async function listMatchedContacts(db: DbOrTx, memberId: number, limit: number): Promise<{ count: number; rows: ContactRow[] }> {
  const where = sql`c.member_id = ${memberId} AND c.matched_member_id IS NOT NULL AND c.dismissed_at IS NULL`;
  const [counted] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM contacts c WHERE ${where}`);
  const found = await rows<ContactRow>(db, sql`SELECT ${CONTACT_COLUMNS} FROM contacts c WHERE ${where} ORDER BY c.match_confidence DESC, lower(c.name), c.id LIMIT ${limit}`);
  return { count: counted?.n ?? 0, rows: found };
}

/** One contact with its owner (for the policy), or undefined. */
export async function loadContact(db: DbOrTx, id: number): Promise<(ContactRow & { memberId: number }) | undefined> {
  const [row] = await rows<ContactRow & { memberId: number }>(db, sql`SELECT ${CONTACT_COLUMNS}, c.member_id AS "memberId" FROM contacts c WHERE c.id = ${id}`);
  return row;
}

export async function tagsOfContacts(db: DbOrTx, memberId: number, ids: readonly number[]): Promise<Map<number, { id: number; name: string; colour: string }[]>> {
  const out = new Map<number, { id: number; name: string; colour: string }[]>();
  if (!ids.length) return out;
  const found = await rows<{ contactId: number; id: number; name: string; colour: string }>(
    db,
    sql`SELECT ct.contact_id AS "contactId", t.id, t.name, t.colour FROM contact_tags ct JOIN relationship_tags t ON t.id = ct.tag_id
         WHERE ct.member_id = ${memberId} AND ct.contact_id = ANY(${intArray(ids)}::int[]) ORDER BY lower(t.name)`,
  );
  for (const r of found) out.set(r.contactId, [...(out.get(r.contactId) ?? []), { id: r.id, name: r.name, colour: r.colour }]);
  return out;
}

export async function contactNotes(db: DbOrTx, contactId: number): Promise<{ id: number; text: string; notedOn: string | null; createdAt: string }[]> {
  const found = await rows<{ id: string | number; text: string; notedOn: string | null; createdAt: string }>(
    db,
    sql`SELECT id, text, to_char(noted_on, 'YYYY-MM-DD') AS "notedOn", created_at AS "createdAt" FROM contact_notes WHERE contact_id = ${contactId} ORDER BY id DESC LIMIT 200`,
  );
  return found.map((r) => ({ id: Number(r.id), text: r.text, notedOn: r.notedOn, createdAt: new Date(r.createdAt).toISOString() }));
}

export async function loadProfileDraft(db: DbOrTx, memberId: number) {
  const [row] = await rows<{ importId: number | null; draft: unknown; createdAt: string; appliedAt: string | null }>(
    db,
    sql`SELECT import_id AS "importId", draft, created_at AS "createdAt", applied_at AS "appliedAt" FROM import_profile_drafts WHERE member_id = ${memberId}`,
  );
  return row;
}

export async function listImportedHistory(db: DbOrTx, memberId: number) {
  return rows<{ id: number; kind: 'endorsement' | 'recommendation'; name: string; url: string | null; organisation: string | null; title: string | null; skill: string | null; text: string | null; dated: string | null }>(
    db,
    sql`SELECT id, kind, person_name AS name, person_url AS url, person_organisation AS organisation, person_title AS title, skill, text, dated
          FROM imported_history WHERE member_id = ${memberId} ORDER BY kind, id LIMIT 500`,
  );
}
