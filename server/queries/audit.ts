import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { AUDIT_ACTIONS, type AuditAction, type AuditArea } from '../../common/moderation.ts';
import type { AuditEntry } from '../../common/schemas/screening.ts';
import type { DbOrTx } from '../db/connection.ts';
import { auditEvents, members, profiles } from '../db/schema.ts';
import { decodeCursor, keysetPage, lookahead } from '../http/cursor.ts';

interface Named {
  id: number;
  handle: string;
  name: string;
}

/** Handles and names of many members in one query; accounts that no longer exist are simply absent. */
export async function loadNames(db: DbOrTx, ids: number[]): Promise<Map<number, Named>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await db
    .select({ id: members.id, handle: members.handle, name: profiles.name })
    .from(members)
    .leftJoin(profiles, eq(profiles.memberId, members.id))
    .where(inArray(members.id, unique));
  return new Map(found.map((m) => [m.id, { id: m.id, handle: m.handle, name: m.name ?? m.handle }]));
}

/** One action, or every known action of an area: an exact list, so the (action, id) index serves it. */
function actionFilter(action: AuditAction | AuditArea | undefined): SQL | undefined {
  if (!action) return undefined;
  const actions = action.endsWith('.') ? AUDIT_ACTIONS.filter((a) => a.startsWith(action)) : [action];
  return inArray(auditEvents.action, actions);
}

/**
 * A page of the audit log, newest first, keyset-paginated by id. Two queries whatever the page size: the
 * events, then the names of every member they mention (actors and member subjects), so the log reads
 * "Opal Operator restricted Pat Pushkin" rather than "#1 moderation.restrict member #7".
 */
export async function loadAuditPage(
  db: DbOrTx,
  query: { cursor?: string | undefined; limit: number; action?: AuditAction | AuditArea | undefined },
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, { i: 'bigId' });
  const found = await db
    .select()
    .from(auditEvents)
    .where(and(after ? lt(auditEvents.id, after.i) : undefined, actionFilter(query.action)))
    .orderBy(desc(auditEvents.id))
    .limit(lookahead(query.limit));
  const { rows: events, nextCursor } = keysetPage(found, query.limit, (last) => ({ i: last.id }));
  const memberSubject = (e: (typeof events)[number]) => (e.subjectType === 'member' && e.subjectId && /^\d{1,9}$/.test(e.subjectId) ? Number(e.subjectId) : null);
  const names = await loadNames(db, [
    ...events.map((e) => e.actorId).filter((id): id is number => id !== null),
    ...events.map(memberSubject).filter((id): id is number => id !== null),
  ]);
  const person = (id: number | null) => {
    const found = id === null ? undefined : names.get(id);
    return found ? { id: found.id, handle: found.handle, name: found.name } : null;
  };
  const items = events.map((e) => ({
    id: e.id,
    at: e.createdAt.toISOString(),
    actor: person(e.actorId),
    action: e.action,
    subject: person(memberSubject(e)),
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    data: e.data,
    ip: e.ip,
  }));
  return { items, nextCursor };
}

