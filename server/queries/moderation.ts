import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ModerationItem, ModerationMember } from '../../common/schemas/screening.ts';
import { activeRestrictions } from './restrictions.ts';
import { type DbOrTx, rows } from '../db/connection.ts';
import { members, moderationFlags, profiles, reports, signupEvents } from '../db/schema.ts';
import { badRequest } from '../errors.ts';
import { decodeCursor, keysetPage, lookahead } from '../http/cursor.ts';
import { profileStrength } from '../views/profile.ts';
import { presentStoredReasons } from '../views/reasons.ts';
import { loadProfiles } from './profiles.ts';
import { contentNow } from './reported-content.ts';

const DAY_MS = 86_400_000;
const RELATED_MAX = 20;

interface QueueKey {
  type: 'flag' | 'report';
  id: number;
  /** created_at in microseconds since the epoch, as text: exact, unlike a JS Date. */
  micros: string;
}

/**
 * The operators' moderation queue: open flags and open reports together, newest first, each with the
 * evidence about every member involved. Keyset pagination over (created_at, type, id).
 * Fetch the page's ids, then load everything for all its members in a few batched queries, then shape.
 */
export async function loadModerationQueue(
  db: DbOrTx,
  query: { cursor?: string; limit: number },
): Promise<{ items: ModerationItem[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, { m: 'micros', t: 'text', i: 'bigId' });
  if (after && after.t !== 'flag' && after.t !== 'report') {
    throw badRequest('invalid_cursor');
  }
  const keys = await rows<{ type: 'flag' | 'report'; id: string; micros: string }>(
    db,
    sql`SELECT type, id::text AS id, micros::text AS micros FROM (
          SELECT 'flag' AS type, id, (extract(epoch FROM created_at) * 1000000)::bigint AS micros FROM moderation_flags WHERE status = 'open'
          UNION ALL
          SELECT 'report' AS type, id, (extract(epoch FROM created_at) * 1000000)::bigint AS micros FROM reports WHERE status = 'open'
        ) q
        ${after ? sql`WHERE (micros, type, id) < (${after.m}::bigint, ${after.t}::text, ${after.i}::bigint)` : sql``}
        ORDER BY micros DESC, type DESC, id DESC
        LIMIT ${lookahead(query.limit)}`,
  );
  const { rows: pageKeys, nextCursor } = keysetPage(keys, query.limit, (last) => ({ m: last.micros, t: last.type, i: Number(last.id) }));
  const page: QueueKey[] = pageKeys.map((k) => ({ type: k.type, id: Number(k.id), micros: k.micros }));
  const flagIds = page.filter((k) => k.type === 'flag').map((k) => k.id);
  const reportIds = page.filter((k) => k.type === 'report').map((k) => k.id);
  const flags = flagIds.length ? await db.select().from(moderationFlags).where(inArray(moderationFlags.id, flagIds)) : [];
  const reportRows = reportIds.length
    ? await db
        .select({ r: reports, reporterHandle: members.handle, reporterName: profiles.name })
        .from(reports)
        .leftJoin(members, eq(members.id, reports.reporterId))
        .leftJoin(profiles, eq(profiles.memberId, reports.reporterId))
        .where(inArray(reports.id, reportIds))
    : [];
  const memberIds = [...new Set([...flags.flatMap((f) => f.memberIds), ...reportRows.map((r) => r.r.memberId)])];
  const reported = reportRows.flatMap((r) => (r.r.content ? [r.r.content] : []));
  const now = await contentNow(db, reported);
  const evidence = await loadMemberEvidence(db, memberIds);
  const pick = (ids: number[]) => ids.map((id) => evidence.get(id)).filter((m): m is ModerationMember => m !== undefined);

  const flagById = new Map(flags.map((f) => [f.id, f]));
  const reportById = new Map(reportRows.map((r) => [r.r.id, r]));
  const items: ModerationItem[] = [];
  for (const key of page) {
    if (key.type === 'flag') {
      const f = flagById.get(key.id);
      if (!f) continue;
      items.push({ type: 'flag', id: f.id, kind: f.kind, score: f.score, reasons: presentStoredReasons(f.reasons, 'flag.other'), createdAt: f.createdAt.toISOString(), members: pick(f.memberIds) });
    } else {
      const row = reportById.get(key.id);
      if (!row) continue;
      const { r } = row;
      items.push({
        type: 'report',
        id: r.id,
        reason: r.reason,
        details: r.details,
        invitationId: r.invitationId,
        content: r.content ? { ...r.content, now: now.get(`${r.content.kind}:${r.content.id}`) ?? 'gone' } : null,
        reporter: row.reporterHandle ? { handle: row.reporterHandle, name: row.reporterName ?? row.reporterHandle } : null,
        createdAt: r.createdAt.toISOString(),
        members: pick([r.memberId]),
      });
    }
  }
  return { items, nextCursor };
}

/**
 * Everything an operator judges a member by, for many members at once: sign-up subnet and email domain,
 * account age, profile strength, sign-up risk reasons, active restrictions, invitation outcomes in the
 * last 90 days, open reports, and the other accounts in any sign-up cluster with them.
 */
export async function loadMemberEvidence(db: DbOrTx, ids: number[]): Promise<Map<number, ModerationMember>> {
  const out = new Map<number, ModerationMember>();
  if (ids.length === 0) return out;
  const profileList = await loadProfiles(db, ids);
  const signups = await db.select().from(signupEvents).where(inArray(signupEvents.memberId, ids));
  const restrictions = await activeRestrictions(db, ids);
  const stats = await rows<{ sender_id: number; sent: number; accepted: number; ignored: number; dont_know: number; pending: number }>(
    db,
    sql`SELECT sender_id,
               count(*)::int AS sent,
               (count(*) FILTER (WHERE status = 'accepted'))::int AS accepted,
               (count(*) FILTER (WHERE status = 'ignored'))::int AS ignored,
               (count(*) FILTER (WHERE status = 'dont_know'))::int AS dont_know,
               (count(*) FILTER (WHERE status = 'pending'))::int AS pending
        FROM invitations
        WHERE sender_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND created_at > now() - interval '90 days'
        GROUP BY sender_id`,
  );
  const openReports = await db
    .select({ id: reports.id, memberId: reports.memberId, reason: reports.reason, details: reports.details, createdAt: reports.createdAt })
    .from(reports)
    .where(and(inArray(reports.memberId, ids), eq(reports.status, 'open')))
    .orderBy(sql`${reports.createdAt} DESC`);
  const related = await loadClusterMates(db, ids);

  const signupById = new Map(signups.map((s) => [s.memberId, s]));
  const statsById = new Map(stats.map((s) => [Number(s.sender_id), s]));
  const now = Date.now();
  for (const p of profileList) {
    const s = signupById.get(p.id);
    const st = statsById.get(p.id);
    out.set(p.id, {
      id: p.id,
      handle: p.handle,
      name: p.name,
      headline: p.headline,
      role: p.role,
      status: p.status,
      emailDomain: s?.emailDomain ?? p.email.slice(p.email.lastIndexOf('@') + 1),
      signupSubnet: s?.subnet ?? null,
      accountAgeDays: Math.floor((now - p.createdAt.getTime()) / DAY_MS),
      profileStrength: profileStrength(p).score,
      signupRisk: s?.risk ?? 0,
      riskReasons: presentStoredReasons(s?.reasons ?? [], 'signup.other'),
      restrictions: restrictions.filter((r) => r.memberId === p.id).map(({ kind, reason, since, until }) => ({ kind, reason, since, until })),
      invitations: { sent: st?.sent ?? 0, accepted: st?.accepted ?? 0, ignored: st?.ignored ?? 0, dontKnow: st?.dont_know ?? 0, pending: st?.pending ?? 0 },
      openReports: openReports
        .filter((r) => r.memberId === p.id)
        .map((r) => ({ id: r.id, reason: r.reason, details: r.details, createdAt: r.createdAt.toISOString() })),
      relatedAccounts: related.get(p.id) ?? [],
    });
  }
  return out;
}

/** For each member, the other members of any cluster flag (open or closed) that names them. */
async function loadClusterMates(db: DbOrTx, ids: number[]): Promise<Map<number, ModerationMember['relatedAccounts']>> {
  const flags = await db
    .select({ memberIds: moderationFlags.memberIds })
    .from(moderationFlags)
    .where(and(eq(moderationFlags.kind, 'cluster'), sql`${moderationFlags.memberIds} && ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::integer[]`));
  const matesOf = new Map<number, Set<number>>();
  for (const f of flags) {
    for (const id of f.memberIds) {
      if (!ids.includes(id)) continue;
      const mates = matesOf.get(id) ?? new Set<number>();
      for (const other of f.memberIds) if (other !== id && mates.size < RELATED_MAX) mates.add(other);
      matesOf.set(id, mates);
    }
  }
  const allMates = [...new Set([...matesOf.values()].flatMap((s) => [...s]))];
  if (allMates.length === 0) return new Map();
  const people = await db
    .select({ id: members.id, handle: members.handle, name: profiles.name, status: members.status })
    .from(members)
    .innerJoin(profiles, eq(profiles.memberId, members.id))
    .where(inArray(members.id, allMates));
  const byId = new Map(people.map((p) => [p.id, p]));
  return new Map(
    [...matesOf].map(([id, mates]) => [id, [...mates].map((m) => byId.get(m)).filter((p): p is NonNullable<typeof p> => p !== undefined)]),
  );
}
