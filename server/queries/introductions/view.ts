/**
 * Introductions as the viewer may see them: the requester sees theirs; an introducer or the target sees one
 * once it has reached them (the previous person forwarded it), never before. People go through the person
 * cards (degree badges, blocks); an introduction one of whose people the viewer may not see is left out.
 */
import { sql } from 'drizzle-orm';
import type { IntroductionBox, IntroductionRole, IntroductionView } from '../../../common/schemas/introductions.ts';
import { LIMITS } from '../../../common/limits.ts';
import { rows } from '../../db/connection.ts';
import { decodeCursor, keysetPage, lookahead } from '../../http/cursor.ts';
import { loadPersonCards, type Lens } from '../network/people.ts';
import { type IntroductionRow, normalise, type StepRow } from './facts.ts';

interface Found extends IntroductionRow {
  steps: (Omit<StepRow, 'reachedAt' | 'actedAt'> & { actedAt: string | null })[];
  inConversation: boolean;
}

const SELECT = (viewerId: number) => sql`
  SELECT i.id, i.requester_id AS "requesterId", i.target_id AS "targetId", i.path, i.blurb, i.status, i.created_at AS "createdAt",
         i.expires_at AS "expiresAt", i.conversation_id AS "conversationId",
         EXISTS (SELECT 1 FROM conversation_members cm WHERE cm.conversation_id = i.conversation_id AND cm.member_id = ${viewerId}) AS "inConversation",
         (SELECT json_agg(json_build_object('position', s.position, 'memberId', s.member_id, 'role', s.role, 'status', s.status, 'note', s.note,
                                            'reason', s.reason, 'dontKnow', s.dont_know, 'actedAt', s.acted_at) ORDER BY s.position)
            FROM introduction_steps s WHERE s.introduction_id = i.id) AS steps
    FROM introductions i`;

/** Whether the viewer may see this introduction at all: theirs, or it has reached them. */
const VISIBLE = (viewerId: number) =>
  sql`(i.requester_id = ${viewerId} OR EXISTS (SELECT 1 FROM introduction_steps v WHERE v.introduction_id = i.id AND v.member_id = ${viewerId} AND v.status <> 'pending'))`;

export async function loadIntroduction(lens: Lens, id: number): Promise<IntroductionView | null> {
  const viewerId = lens.actor.id;
  const found = await rows<Found>(lens.db, sql`${SELECT(viewerId)} WHERE i.id = ${id} AND ${VISIBLE(viewerId)}`);
  const [view] = await present(lens, found);
  return view ?? null;
}

const BOX_FILTER = (viewerId: number, box: IntroductionBox) => {
  if (box === 'asked') return sql`i.requester_id = ${viewerId}`;
  const role = box === 'received' ? 'target' : 'introducer';
  return sql`EXISTS (SELECT 1 FROM introduction_steps v WHERE v.introduction_id = i.id AND v.member_id = ${viewerId} AND v.role = ${role} AND v.status <> 'pending')`;
};

/** The viewer's introductions by their part in them, newest first, a keyset page at a time. */
export async function listIntroductions(lens: Lens, box: IntroductionBox, query: { cursor?: string | undefined }) {
  const viewerId = lens.actor.id;
  const limit = LIMITS.pageSizeDefault;
  const after = decodeCursor(query.cursor, { i: 'bigId' });
  const found = await rows<Found>(
    lens.db,
    sql`${SELECT(viewerId)} WHERE ${BOX_FILTER(viewerId, box)} ${after ? sql`AND i.id < ${after.i}` : sql``}
        ORDER BY i.id DESC LIMIT ${lookahead(limit)}`,
  );
  const page = keysetPage(found, limit, (last) => ({ i: Number(last.id) }));
  return { items: await present(lens, page.rows), nextCursor: page.nextCursor };
}

/** Shapes the rows for the viewer: cards in one batch, and only what their part in each lets them see. */
async function present(lens: Lens, found: readonly Found[]): Promise<IntroductionView[]> {
  const viewerId = lens.actor.id;
  const intros = found.map((f) => ({ ...normalise(f), steps: f.steps ?? [], inConversation: f.inConversation }));
  const ids = intros.flatMap((i) => [i.requesterId, i.targetId, ...i.path]);
  const cards = new Map((await loadPersonCards(lens, ids)).map((c) => [c.id, c]));
  const nowMs = Date.now();
  const views: IntroductionView[] = [];
  for (const i of intros) {
    const requester = cards.get(i.requesterId);
    const target = cards.get(i.targetId);
    const stepPeople = i.steps.map((s) => cards.get(Number(s.memberId)));
    if (!requester || !target || stepPeople.some((c) => c === undefined)) continue;
    const mine = i.steps.find((s) => Number(s.memberId) === viewerId);
    const role: IntroductionRole = i.requesterId === viewerId ? 'requester' : (mine?.role ?? 'introducer');
    const open = i.status === 'open' && i.expiresAt.getTime() > nowMs;
    const myTurn = open && mine?.status === 'waiting';
    views.push({
      id: i.id,
      status: i.status === 'open' && !open ? 'expired' : i.status,
      role,
      requester,
      target,
      blurb: i.blurb,
      steps: i.steps.map((s, n) => ({
        person: stepPeople[n]!,
        role: s.role,
        status: s.status,
        note: s.note,
        reason: s.reason,
        // "I don't know this person" is the decliner's alone to see.
        dontKnow: Number(s.memberId) === viewerId ? s.dontKnow : false,
        actedAt: s.actedAt ? new Date(s.actedAt).toISOString() : null,
      })),
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      conversationId: i.inConversation ? i.conversationId : null,
      abilities: {
        forward: myTurn && mine?.role === 'introducer',
        accept: myTurn && mine?.role === 'target',
        decline: myTurn,
        leave: mine?.role === 'introducer' && i.inConversation,
      },
    });
  }
  return views;
}
