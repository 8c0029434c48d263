/**
 * What the platform knows about an invitation's sender: account age, the last 90 days of answers to their
 * invitations, reports, recent volume, restrictions and open flags. Aggregates only, never who answered.
 */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../db/connection.ts';

export interface SenderFacts {
  accountAgeDays: number;
  /** Invitations sent in the last 90 days, and how they were answered. */
  history: { sent: number; answered: number; accepted: number; ignored: number; dontKnow: number; acceptanceRate: number | null; dontKnowRate: number | null };
  /** Open or upheld reports against the sender. */
  reports: number;
  spamReports: number;
  sentLastDay: number;
  held: boolean;
  limited: boolean;
  /** An operator restricted their invitations. */
  invitationsRestricted: boolean;
  flagged: boolean;
}

/** Rates need a few answers before they mean anything. */
export const MIN_ANSWERS_FOR_RATE = 5;

export async function loadSenderFacts(db: DbOrTx, senderId: number): Promise<SenderFacts> {
  const [r] = await rows<{
    createdAt: Date | string; sent: number; accepted: number; ignored: number; dontKnow: number; lastDay: number;
    reports: number; spamReports: number; restrictions: string[] | null; flagged: boolean;
  }>(
    db,
    sql`SELECT m.created_at AS "createdAt",
               i.sent, i.accepted, i.ignored, i.dont_know AS "dontKnow", i.last_day AS "lastDay",
               (SELECT count(*)::int FROM reports r WHERE r.member_id = m.id AND r.status <> 'dismissed') AS reports,
               (SELECT count(*)::int FROM reports r WHERE r.member_id = m.id AND r.status <> 'dismissed' AND r.reason IN ('spam', 'scam', 'fake')) AS "spamReports",
               (SELECT array_agg(kind) FROM member_restrictions x
                 WHERE x.member_id = m.id AND x.lifted_at IS NULL AND (x.ends_at IS NULL OR x.ends_at > now())) AS restrictions,
               EXISTS (SELECT 1 FROM moderation_flags f WHERE f.member_ids @> ARRAY[m.id] AND f.status = 'open') AS flagged
          FROM members m,
               LATERAL (SELECT count(*)::int AS sent,
                               count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
                               count(*) FILTER (WHERE status IN ('ignored', 'expired'))::int AS ignored,
                               count(*) FILTER (WHERE status = 'dont_know')::int AS dont_know,
                               count(*) FILTER (WHERE created_at > now() - interval '1 day')::int AS last_day
                          FROM invitations WHERE sender_id = m.id AND created_at > now() - interval '90 days') i
         WHERE m.id = ${senderId}`,
  );
  if (!r) throw new Error(`member ${senderId} not found`);
  const answered = r.accepted + r.ignored + r.dontKnow;
  const rate = (n: number) => (answered >= MIN_ANSWERS_FOR_RATE ? n / answered : null);
  const restrictions = new Set(r.restrictions ?? []);
  return {
    accountAgeDays: Math.max(0, (Date.now() - new Date(r.createdAt).getTime()) / 86_400_000),
    history: { sent: r.sent, answered, accepted: r.accepted, ignored: r.ignored, dontKnow: r.dontKnow, acceptanceRate: rate(r.accepted), dontKnowRate: rate(r.dontKnow) },
    reports: r.reports,
    spamReports: r.spamReports,
    sentLastDay: r.lastDay,
    held: restrictions.has('held'),
    limited: restrictions.has('limited'),
    invitationsRestricted: restrictions.has('invitations'),
    flagged: r.flagged,
  };
}
