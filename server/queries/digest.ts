/**
 * What the weekly digest reads (docs/notifications.md, "Weekly digest"): who is due one, and for one member
 * the week's top posts from their network. Pending invitations come from countReceived (network/invitation.ts),
 * people they may know from suggestPeople, as everywhere else.
 */
import { sql } from 'drizzle-orm';
import type { Locale } from '../../common/locales.ts';
import type { EmailKind } from '../../common/notifications.ts';
import { type DbOrTx, rows } from '../db/connection.ts';
import { intArray } from '../graph/sql.ts';

/** A member is away, and due a digest, after this many days without a request (members.last_seen_at). */
export const AWAY_DAYS = 7;
/** The digest looks back this far for posts. */
export const DIGEST_WINDOW_DAYS = 7;

/**
 * Members who may get a digest: active, with a confirmed address, away for AWAY_DAYS, and not unsubscribed
 * from it. The same conditions as `digestRecipient`, for many members at once.
 */
export const digestCandidates = sql`m.status = 'active' AND m.email_verified_at IS NOT NULL
  AND m.last_seen_at < now() - make_interval(days => ${AWAY_DAYS})
  AND COALESCE((SELECT (np.email ->> 'digest')::boolean FROM notification_preferences np WHERE np.member_id = m.id), true)`;

export interface DigestRecipient {
  id: number;
  handle: string;
  name: string;
  email: string;
  locale: Locale | null;
  /** Still due a digest now (the conditions may have changed since it was scheduled). */
  due: boolean;
  prefs: Partial<Record<EmailKind, boolean>> | null;
  token: string | null;
}

export async function digestRecipient(db: DbOrTx, memberId: number): Promise<DigestRecipient | null> {
  const [row] = await rows<DigestRecipient>(
    db,
    sql`SELECT m.id, m.handle, p.name, m.email, m.locale, (${digestCandidates}) AS due, np.email AS prefs, np.unsubscribe_token AS token
          FROM members m JOIN profiles p ON p.member_id = m.id
          LEFT JOIN notification_preferences np ON np.member_id = m.id
         WHERE m.id = ${memberId}`,
  );
  return row ?? null;
}

export interface DigestPost {
  id: number;
  authorName: string;
  text: string;
  reactions: number;
  comments: number;
  /** Reactions and comments by the people the member follows or is connected to: what ranks the posts. */
  fromNetwork: number;
}

/**
 * The week's top posts from the member's network: posts of the last DIGEST_WINDOW_DAYS by people they follow
 * (the feed's relationship), that they may see (visibility, blocks both ways, suspended authors, as
 * policies/posts.ts decides), ranked by the reactions and comments of the people they follow or are
 * connected to, then by all reactions and comments; posts nobody engaged with are left out.
 */
export async function topNetworkPosts(db: DbOrTx, memberId: number, limit: number): Promise<DigestPost[]> {
  const found = await rows<{ id: string | number; author_name: string; text: string; reactions: number; comments: number; from_network: number }>(
    db,
    sql`WITH network AS (
          SELECT followee_id AS id FROM follows WHERE follower_id = ${memberId}
          UNION SELECT other_id FROM connections WHERE member_id = ${memberId}),
        avoided AS (
          SELECT blocked_id AS id FROM blocks WHERE blocker_id = ${memberId}
          UNION SELECT blocker_id FROM blocks WHERE blocked_id = ${memberId}),
        candidates AS (
          SELECT p.id, p.author_id, p.text, p.created_at, p.comment_count,
                 (SELECT COALESCE(sum(v::int), 0) FROM jsonb_each_text(p.reaction_counts) AS r(k, v))::int AS reactions
            FROM follows f
            JOIN members a ON a.id = f.followee_id AND a.status = 'active'
            JOIN posts p ON p.author_id = f.followee_id
           WHERE f.follower_id = ${memberId}
             AND p.created_at > now() - make_interval(days => ${DIGEST_WINDOW_DAYS})
             AND p.text <> ''
             AND (p.visibility <> 'connections' OR EXISTS (SELECT 1 FROM connections c WHERE c.member_id = ${memberId} AND c.other_id = p.author_id))
             AND p.author_id NOT IN (SELECT id FROM avoided))
        SELECT c.id, pr.name AS author_name, c.text, c.reactions, c.comment_count AS comments,
               ((SELECT count(*) FROM post_reactions r WHERE r.post_id = c.id
                   AND r.member_id IN (SELECT id FROM network) AND r.member_id NOT IN (SELECT id FROM avoided))
              + (SELECT count(*) FROM comments cm WHERE cm.post_id = c.id
                   AND cm.author_id IN (SELECT id FROM network) AND cm.author_id NOT IN (SELECT id FROM avoided)))::int AS from_network
          FROM candidates c JOIN profiles pr ON pr.member_id = c.author_id
         WHERE c.reactions + c.comment_count > 0
         ORDER BY from_network DESC, c.reactions + c.comment_count DESC, c.created_at DESC, c.id DESC
         LIMIT ${limit}`,
  );
  return found.map((r) => ({ id: Number(r.id), authorName: r.author_name, text: r.text, reactions: r.reactions, comments: r.comments, fromNetwork: r.from_network }));
}

/** Names and handles of members, for the people the digest suggests. */
export async function namesOf(db: DbOrTx, ids: readonly number[]): Promise<Map<number, { name: string; handle: string }>> {
  if (ids.length === 0) return new Map();
  const found = await rows<{ id: number; name: string; handle: string }>(
    db,
    sql`SELECT m.id, p.name, m.handle FROM members m JOIN profiles p ON p.member_id = m.id
         WHERE m.id = ANY(${intArray(ids)}::int[]) AND m.status = 'active'`,
  );
  return new Map(found.map((r) => [r.id, { name: r.name, handle: r.handle }]));
}
