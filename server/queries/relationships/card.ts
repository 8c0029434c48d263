/**
 * Reads of one member's card on another (docs/relationships.md): what the card policy needs, and the card
 * itself. Every statement is keyed by the viewer's own id first: nothing here reads another member's cards.
 */
import { sql } from 'drizzle-orm';
import type { InteractionKind } from '../../../common/relationships.ts';
import type { HowWeMet, TagView } from '../../../common/schemas/relationships.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import { cadenceOfDays } from '../../relationships/cadence.ts';
import { originCommentColumn, type OriginCommentRow, presentOriginComment } from '../network/origin-comment.ts';

/** Whether `memberId` may keep a card on `otherId` besides blocks: connected, interacted, or a card already. */
export async function isRelated(db: DbOrTx, memberId: number, otherId: number): Promise<boolean> {
  const [r] = await rows<{ related: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM connections WHERE member_id = ${memberId} AND other_id = ${otherId})
            OR EXISTS (SELECT 1 FROM interactions WHERE member_id = ${memberId} AND other_id = ${otherId})
            OR EXISTS (SELECT 1 FROM relationship_cards WHERE member_id = ${memberId} AND other_id = ${otherId}) AS related`,
  );
  return r?.related ?? false;
}

export interface CardRow {
  metText: string | null;
  metOn: string | null;
  metEditedAt: string | null;
  cadence: string | null;
  cadenceDays: number | null;
  dueAt: string | null;
  snoozedUntil: string | null;
  notesCount: number;
}

export interface CardFacts {
  card: CardRow | null;
  tags: TagView[];
  howWeMet: Omit<HowWeMet, 'edited'>;
  last: { kind: InteractionKind; at: string } | null;
  /** Interactions of each kind over the last 365 days. */
  counts: Partial<Record<InteractionKind, number>>;
  /** Who introduced us, when the connection came from an introduction (and they are not blocked): shown as `howWeMet.via`. */
  introducerId: number | null;
}

const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

/** Everything one card shows, in four index reads of the viewer's own rows. */
export async function loadCardFacts(db: DbOrTx, avoid: ReadonlySet<number>, memberId: number, otherId: number): Promise<CardFacts> {
  const [card] = await rows<CardRow>(
    db,
    sql`SELECT met_text AS "metText", to_char(met_on, 'YYYY-MM-DD') AS "metOn", met_edited_at AS "metEditedAt", cadence,
               cadence_days AS "cadenceDays", due_at AS "dueAt", snoozed_until AS "snoozedUntil",
               (SELECT count(*)::int FROM relationship_notes n WHERE n.member_id = c.member_id AND n.other_id = c.other_id) AS "notesCount"
          FROM relationship_cards c WHERE member_id = ${memberId} AND other_id = ${otherId}`,
  );
  const tags = card ? await tagsOfCards(db, memberId, [otherId]).then((m) => m.get(otherId) ?? []) : [];
  // An introduction's introducer, as this member knows them: the first on the path for its requester, the
  // last (who forwarded it to them) for its target.
  const [origin] = await rows<{ context: string; connectedAt: string; invitedAt: string | null; originComment: OriginCommentRow | string | null; introducerId: number | null }>(
    db,
    sql`SELECT c.origin_context AS context, c.created_at AS "connectedAt", i.created_at AS "invitedAt", ${originCommentColumn(sql`i.comment_id`)},
               (SELECT CASE WHEN it.requester_id = ${memberId} THEN it.path[1] ELSE it.path[array_length(it.path, 1)] END
                  FROM introductions it WHERE it.id = i.introduction_id) AS "introducerId"
          FROM connections c LEFT JOIN invitations i ON i.id = c.invitation_id
         WHERE c.member_id = ${memberId} AND c.other_id = ${otherId}`,
  );
  const ledger = await rows<{ kind: InteractionKind; n: number; last: string; first: string }>(
    db,
    sql`SELECT kind, count(*) FILTER (WHERE at > now() - interval '365 days')::int AS n, max(at) AS last, min(at) AS first
          FROM interactions WHERE member_id = ${memberId} AND other_id = ${otherId} GROUP BY kind`,
  );
  let last: CardFacts['last'] = null;
  let first: string | null = null;
  const counts: CardFacts['counts'] = {};
  for (const r of ledger) {
    if (r.n > 0) counts[r.kind] = r.n;
    const at = iso(r.last)!;
    if (!last || at > last.at) last = { kind: r.kind, at };
    const f = iso(r.first)!;
    if (!first || f < first) first = f;
  }
  const howWeMet: CardFacts['howWeMet'] = origin
    ? {
        context: origin.context,
        at: iso(origin.invitedAt ?? origin.connectedAt),
        via: null,
        comment: presentOriginComment(avoid, origin.originComment),
      }
    : { context: null, at: first, via: null, comment: null };
  const introducerId = origin?.introducerId ?? null;
  return { card: card ?? null, tags, howWeMet, last, counts, introducerId: introducerId !== null && !avoid.has(introducerId) ? introducerId : null };
}

/** The tags on each of a member's cards, by the other member's id. */
export async function tagsOfCards(db: DbOrTx, memberId: number, otherIds: readonly number[]): Promise<Map<number, TagView[]>> {
  const out = new Map<number, TagView[]>();
  if (otherIds.length === 0) return out;
  const found = await rows<TagView & { otherId: number }>(
    db,
    sql`SELECT ct.other_id AS "otherId", t.id, t.name, t.colour, t.cadence
          FROM relationship_card_tags ct JOIN relationship_tags t ON t.id = ct.tag_id
         WHERE ct.member_id = ${memberId} AND ct.other_id = ANY(${`{${otherIds.join(',')}}`}::int[])
         ORDER BY lower(t.name), t.id`,
  );
  for (const { otherId, ...tag } of found) out.set(otherId, [...(out.get(otherId) ?? []), tag]);
  return out;
}

/** A member's tags, by name, with how many of their people carry each. */
export async function listTags(db: DbOrTx, memberId: number): Promise<TagView[]> {
  return rows<TagView>(
    db,
    sql`SELECT t.id, t.name, t.colour, t.cadence, (SELECT count(*)::int FROM relationship_card_tags ct WHERE ct.tag_id = t.id) AS count
          FROM relationship_tags t WHERE t.member_id = ${memberId} ORDER BY lower(t.name), t.id`,
  );
}

export { cadenceOfDays, iso };
