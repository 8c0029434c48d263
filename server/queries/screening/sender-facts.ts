/** Sender facts for many senders in one statement (see server/screening/sender-facts.ts for their meaning). */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { intArray } from '../../graph/sql.ts';
import { PITCH_WINDOW_DAYS } from '../../screening/pitch.ts';
import { type SenderCounts, type SenderFacts, senderFactsFrom } from '../../screening/sender-facts.ts';

/**
 * The columns of SenderCounts for the member `m`, with SENDER_HISTORY (their invitations of the last 90
 * days, as `i`) in the FROM list: shared with the evidence's one statement per page (profiles.ts).
 */
export const SENDER_COUNTS = sql`m.created_at AS "createdAt",
  i.sent, i.accepted, i.ignored, i.dont_know AS "dontKnow", i.last_day AS "lastDay",
  (SELECT count(*)::int FROM reports r WHERE r.member_id = m.id AND r.status <> 'dismissed') AS reports,
  (SELECT count(*)::int FROM reports r WHERE r.member_id = m.id AND r.status <> 'dismissed' AND r.reason IN ('spam', 'scam', 'fake')) AS "spamReports",
  (SELECT array_agg(kind) FROM member_restrictions x
    WHERE x.member_id = m.id AND x.lifted_at IS NULL AND (x.ends_at IS NULL OR x.ends_at > now())) AS restrictions,
  EXISTS (SELECT 1 FROM moderation_flags f WHERE f.member_ids @> ARRAY[m.id] AND f.status = 'open') AS flagged,
  (SELECT ARRAY[coalesce(max(a.copies) FILTER (WHERE a.pitch), 0), coalesce(max(a.copies), 0),
                count(DISTINCT a.recipient_id) FILTER (WHERE a.pitch AND a.fast)]::int[]
     FROM message_approaches a WHERE a.sender_id = m.id AND a.created_at > now() - interval '${sql.raw(String(PITCH_WINDOW_DAYS))} days') AS approaches`;

/**
 * Introductions feed the requester's reputation as invitations do (issue 13): over the same 90 days, a step
 * declined on the path counts as an ignored invitation, and one declined as "I don't know this person" as
 * that answer to an invitation.
 */
const introductionRefusals = (dontKnow: boolean) => sql`(SELECT count(*)::int FROM introduction_steps s JOIN introductions n ON n.id = s.introduction_id
    WHERE n.requester_id = m.id AND s.status = 'declined' AND s.dont_know = ${sql.raw(dontKnow ? 'true' : 'false')} AND s.acted_at > now() - interval '90 days')`;

export const SENDER_HISTORY = sql`LATERAL (SELECT count(*)::int AS sent,
    count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
    count(*) FILTER (WHERE status IN ('ignored', 'expired'))::int + ${introductionRefusals(false)} AS ignored,
    count(*) FILTER (WHERE status = 'dont_know')::int + ${introductionRefusals(true)} AS dont_know,
    count(*) FILTER (WHERE created_at > now() - interval '1 day')::int AS last_day
  FROM invitations WHERE sender_id = m.id AND created_at > now() - interval '90 days') i`;

/** The facts of each sender, by id; one statement however many. Unknown ids are missing from the map. */
export async function loadSenderFacts(db: DbOrTx, senderIds: readonly number[]): Promise<Map<number, SenderFacts>> {
  const facts = new Map<number, SenderFacts>();
  const ids = [...new Set(senderIds)];
  if (ids.length === 0) return facts;
  const found = await rows<SenderCounts & { id: number }>(
    db,
    sql`SELECT m.id, ${SENDER_COUNTS} FROM members m, ${SENDER_HISTORY} WHERE m.id = ANY(${intArray(ids)}::int[])`,
  );
  const now = Date.now();
  for (const r of found) facts.set(r.id, senderFactsFrom(r, now));
  return facts;
}

/** One sender's facts; throws for an unknown member. */
export async function loadOneSenderFacts(db: DbOrTx, senderId: number): Promise<SenderFacts> {
  const facts = (await loadSenderFacts(db, [senderId])).get(senderId);
  if (!facts) throw new Error(`member ${senderId} not found`);
  return facts;
}
