/**
 * Invitations as their sender or recipient sees them. The recipient gets the screening evidence and the
 * folder with the rule that placed it; both get the "ask for context" thread. Nobody else sees anything.
 */
import { sql } from 'drizzle-orm';
import type { InvitationView } from '../../../common/schemas/network.ts';
import type { PersonCard } from '../../../common/schemas/search.ts';
import { rows } from '../../db/connection.ts';
import type { InvitationFolder } from '../../db/tables/network.ts';
import { senderWithdrew } from './invitation-pair.ts';
import { decodeCursor, keysetPage, lookahead } from '../../http/cursor.ts';
import { judgeInvitations } from '../screening/evidence.ts';
import type { Page } from './lists.ts';
import { type Lens, loadPersonCards } from './people.ts';
import { loadThreads } from './thread.ts';

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
  placement: string;
  noteMinhash: number[] | null;
  ms: string;
}

const COLUMNS = sql`i.id, i.sender_id AS "senderId", i.recipient_id AS "recipientId", i.note, i.context, i.status,
  i.created_at AS "createdAt", i.expires_at AS "expiresAt", i.responded_at AS "respondedAt", i.folder, i.placement, i.note_minhash AS "noteMinhash",
  to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ms`;

/**
 * The status as the sender may know it. Ignoring is silent, and so is "I don't know this person" (and
 * screening): each waits as "pending" until it expires, and one the sender withdrew shows as withdrawn.
 */
export function statusForSender(r: { status: InvitationView['status']; expiresAt: Date; respondedAt: Date | null }, nowMs = Date.now()): InvitationView['status'] {
  if (r.status !== 'ignored' && r.status !== 'dont_know') return r.status;
  if (senderWithdrew(r)) return 'withdrawn';
  return r.expiresAt.getTime() > nowMs ? 'pending' : 'expired';
}

async function present(lens: Lens, found: InvitationRow[]): Promise<InvitationView[]> {
  const me = lens.actor.id;
  const others = [...new Set(found.map((r) => (r.senderId === me ? r.recipientId : r.senderId)))];
  const [cards, [self], threads] = await Promise.all([
    loadPersonCards(lens, others),
    loadPersonCards({ ...lens, avoid: new Set() }, [me]),
    loadThreads(lens, found.map((r) => Number(r.id))),
  ]);
  const cardOf = new Map<number, PersonCard>(cards.map((c) => [c.id, c]));
  if (self) cardOf.set(me, self);
  const shown = found.filter((r) => cardOf.has(r.senderId) && cardOf.has(r.recipientId));
  // The evidence of every received invitation on the page, loaded together: the count of round trips does not grow with the page.
  const received = shown.filter((r) => r.recipientId === me);
  const judgements = await judgeInvitations(
    lens,
    received.map((r) => ({ invitationId: Number(r.id), senderId: r.senderId, note: r.note, noteSignature: r.noteMinhash })),
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
      status: judgement ? r.status : statusForSender({ status: r.status, expiresAt: new Date(r.expiresAt), respondedAt: r.respondedAt === null ? null : new Date(r.respondedAt) }),
      createdAt: new Date(r.createdAt).toISOString(),
      expiresAt: new Date(r.expiresAt).toISOString(),
      screening: judgement ? { folder: r.folder, placement: r.placement, evidence: judgement.evidence } : null,
      thread: threads.get(Number(r.id)) ?? [],
    };
  });
}

/** One invitation as its sender or recipient sees it; null for anyone else, and for a recipient while the platform holds it. */
export async function loadInvitation(lens: Lens, id: number): Promise<InvitationView | null> {
  const me = lens.actor.id;
  const found = await rows<InvitationRow>(
    lens.db,
    sql`SELECT ${COLUMNS} FROM invitations i
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
    sql`SELECT ${COLUMNS}
          FROM invitations i JOIN members m ON m.id = (CASE WHEN i.sender_id = ${me} THEN i.recipient_id ELSE i.sender_id END)
         WHERE ${sql.join(filters, sql` AND `)} AND m.status = 'active'
         ORDER BY i.created_at DESC, i.id DESC
         LIMIT ${lookahead(query.limit)}`,
  );
  const { rows: pageRows, nextCursor } = keysetPage(found, query.limit, (last) => ({ t: last.ms, i: Number(last.id) }));
  return { items: await present(lens, pageRows), nextCursor };
}

/** How many received invitations wait in each folder, for the tabs. */
export async function countReceived(lens: Lens): Promise<{ inbox: number; other: number }> {
  const [r] = await rows<{ inbox: number; other: number }>(
    lens.db,
    sql`SELECT count(*) FILTER (WHERE folder = 'inbox')::int AS inbox, count(*) FILTER (WHERE folder = 'other')::int AS other
          FROM invitations WHERE recipient_id = ${lens.actor.id} AND status = 'pending' AND expires_at > now()`,
  );
  return r ?? { inbox: 0, other: 0 };
}
