/**
 * Invitations as their sender or recipient sees them. The recipient gets the screening evidence and the
 * folder with the rule that placed it; both get the "ask for context" thread. Nobody else sees anything.
 */
import { sql } from 'drizzle-orm';
import { type StoredReason, storedReason } from '../../../common/reasons.ts';
import type { InvitationView } from '../../../common/schemas/network.ts';
import type { PersonCard } from '../../../common/schemas/search.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import type { InvitationFolder } from '../../db/tables/network.ts';
import { senderWithdrew } from './invitation-pair.ts';
import { decodeCursor, keysetPage, lookahead } from '../../http/cursor.ts';
import { judgeWithGraphEvidence, loadGraphEvidence, mutualIdsOf } from '../screening/evidence.ts';
import type { Page } from './lists.ts';
import { originCommentColumn, type OriginCommentRow, presentOriginComment } from './origin-comment.ts';
import { type Lens, loadPersonCards } from './people.ts';

interface InvitationRow {
  id: string | number;
  senderId: number;
  recipientId: number;
  note: string;
  context: InvitationView['context'];
  status: InvitationView['status'];
  createdAt: Date | string;
  expiresAt: Date | string;
  respondedAt: Date | string | null;
  folder: InvitationFolder;
  placement: StoredReason | null;
  noteMinhash: number[] | null;
  ms: string;
  /** Sent from a comment: the comment, its post and the post's author (origin-comment.ts). */
  originComment: OriginCommentRow | string | null;
  /** The "ask for context" messages, oldest first; null when none. */
  thread: { id: number; authorId: number; body: string; createdAt: string }[] | null;
}

const COLUMNS = sql`i.id, i.sender_id AS "senderId", i.recipient_id AS "recipientId", i.note, i.context, i.status,
  i.created_at AS "createdAt", i.expires_at AS "expiresAt", i.responded_at AS "respondedAt", i.folder, i.placement, i.note_minhash AS "noteMinhash",
  to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ms, i.comment_id AS "commentId"`;

/** The invitation's thread, in the same statement: an index probe per invitation (invitation_messages_invitation_idx). */
const THREAD = sql`(SELECT json_agg(json_build_object('id', t.id, 'authorId', t.author_id, 'body', t.body, 'createdAt', t.created_at) ORDER BY t.id)
  FROM invitation_messages t WHERE t.invitation_id = i.id) AS thread`;

/**
 * The status as the sender may know it. Ignoring is silent, and so is "I don't know this person" (and
 * screening): each waits as "pending" until it expires, and one the sender withdrew shows as withdrawn.
 */
export function statusForSender(r: { status: InvitationView['status']; expiresAt: Date; respondedAt: Date | null }, nowMs = Date.now()): InvitationView['status'] {
  if (r.status !== 'ignored' && r.status !== 'dont_know') return r.status;
  if (senderWithdrew(r)) return 'withdrawn';
  return r.expiresAt.getTime() > nowMs ? 'pending' : 'expired';
}

/**
 * The page's views in a fixed number of statements: the graph's evidence for the received ones first (in
 * memory), then one hydration for every person the page shows (the other members, the viewer, the mutual
 * connections the evidence names, the threads' authors, who are always the invitation's two members),
 * then the evidence's statements for all received invitations together.
 */
async function present(lens: Lens, found: InvitationRow[]): Promise<InvitationView[]> {
  const me = lens.actor.id;
  const otherOf = (r: InvitationRow) => (r.senderId === me ? r.recipientId : r.senderId);
  // Received from someone hidden by a block: left out below, so never judged.
  const receivable = found.filter((r) => r.recipientId === me && !lens.avoid.has(r.senderId));
  const graphEvidence = await loadGraphEvidence(lens, receivable.map((r) => r.senderId));
  // The viewer is never in their own avoid set (nobody blocks themself), so one lens hydrates everyone.
  const cards = await loadPersonCards(lens, [...new Set([...found.map(otherOf), me, ...mutualIdsOf(graphEvidence)])]);
  const cardOf = new Map<number, PersonCard>(cards.map((c) => [c.id, c]));
  const shown = found.filter((r) => cardOf.has(r.senderId) && cardOf.has(r.recipientId));
  const received = shown.filter((r) => r.recipientId === me);
  const judgements = await judgeWithGraphEvidence(
    lens,
    received.map((r) => ({ invitationId: Number(r.id), senderId: r.senderId, note: r.note, noteSignature: r.noteMinhash })),
    graphEvidence,
    cardOf,
  );
  const judgementOf = new Map(received.map((r, i) => [Number(r.id), judgements[i]!]));
  return shown.map((r) => {
    const judgement = judgementOf.get(Number(r.id));
    return {
      id: Number(r.id),
      from: cardOf.get(r.senderId)!,
      to: cardOf.get(r.recipientId)!,
      note: r.note,
      context: r.context,
      comment: presentOriginComment(lens.avoid, r.originComment),
      status: judgement ? r.status : statusForSender({ status: r.status, expiresAt: new Date(r.expiresAt), respondedAt: r.respondedAt === null ? null : new Date(r.respondedAt) }),
      createdAt: new Date(r.createdAt).toISOString(),
      expiresAt: new Date(r.expiresAt).toISOString(),
      screening: judgement
        ? { folder: r.folder, placement: r.placement ? storedReason(r.placement.code, r.placement.params) : null, evidence: judgement.evidence }
        : null,
      thread: (r.thread ?? []).flatMap((m) => {
        const author = cardOf.get(m.authorId);
        return author ? [{ id: m.id, author, body: m.body, createdAt: new Date(m.createdAt).toISOString() }] : [];
      }),
    };
  });
}

/** One invitation as its sender or recipient sees it; null for anyone else, and for a recipient while the platform holds it. */
export async function loadInvitation(lens: Lens, id: number): Promise<InvitationView | null> {
  const me = lens.actor.id;
  const found = await rows<InvitationRow>(
    lens.db,
    sql`SELECT ${COLUMNS}, ${THREAD}, ${originCommentColumn(sql`i.comment_id`)} FROM invitations i
         WHERE i.id = ${id} AND (i.sender_id = ${me} OR (i.recipient_id = ${me} AND i.folder <> 'held'))`,
  );
  const [view] = await present(lens, found);
  return view ?? null;
}

/**
 * The viewer's open invitations. Received: pending ones in one folder (ignored ones leave the inbox; held
 * ones are never shown). Sent: pending, ignored and "I don't know" alike until they expire, since the
 * sender is told of neither answer.
 */
export async function listInvitations(
  lens: Lens,
  box: 'received' | 'sent',
  query: { folder: 'inbox' | 'other'; cursor?: string; limit: number },
): Promise<Page<InvitationView>> {
  const after = decodeCursor(query.cursor, { t: 'time', i: 'bigId' });
  const me = lens.actor.id;
  const filters =
    box === 'received'
      ? [sql`i.recipient_id = ${me}`, sql`i.status = 'pending'`, sql`i.folder = ${query.folder}`]
      : [sql`i.sender_id = ${me}`, sql`i.status IN ('pending', 'ignored', 'dont_know')`];
  filters.push(sql`i.expires_at > now()`);
  if (after) filters.push(sql`(i.created_at, i.id) < (${after.t}::timestamptz, ${after.i})`);
  const found = await rows<InvitationRow>(
    lens.db,
    // The threads and comments are read after the LIMIT, for the page's invitations only.
    sql`SELECT i.*, ${THREAD}, ${originCommentColumn(sql`i."commentId"`)}
          FROM (SELECT ${COLUMNS}
                  FROM invitations i JOIN members m ON m.id = (CASE WHEN i.sender_id = ${me} THEN i.recipient_id ELSE i.sender_id END)
                 WHERE ${sql.join(filters, sql` AND `)} AND m.status = 'active'
                 ORDER BY i.created_at DESC, i.id DESC
                 LIMIT ${lookahead(query.limit)}) i
         ORDER BY i."createdAt" DESC, i.id DESC`,
  );
  const { rows: pageRows, nextCursor } = keysetPage(found, query.limit, (last) => ({ t: last.ms, i: Number(last.id) }));
  return { items: await present(lens, pageRows), nextCursor };
}

/** How many received invitations wait in each folder, for the tabs. */
export async function countReceived(db: DbOrTx, memberId: number): Promise<{ inbox: number; other: number }> {
  const [r] = await rows<{ inbox: number; other: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE folder = 'inbox')::int AS inbox, count(*) FILTER (WHERE folder = 'other')::int AS other
          FROM invitations WHERE recipient_id = ${memberId} AND status = 'pending' AND expires_at > now()`,
  );
  return r ?? { inbox: 0, other: 0 };
}
