/**
 * The export's relationship-memory sections, all private to the member: relationship cards (how we met,
 * cadence, tags), notes, tags, interactions and the ledger of gives and asks; and what passed between the
 * member and others: introductions, endorsements and recommendations.
 */
import { sql } from 'drizzle-orm';
import { LEDGER_KINDS, LEDGER_SIDES } from '../../../common/ledger.ts';
import { concat, type ExportSection, PAGE, paged, type Row, withProfileUrls } from './section.ts';

const ts = (column: string) => sql.raw(`to_json(${column})#>>'{}'`);

export const relationshipsSection: ExportSection = {
  kind: 'table',
  name: 'relationships',
  about: 'Your private relationship cards: how you met, the stay-in-touch cadence, tags and dates, for each person you set something on.',
  fields: {
    handle: 'Their handle.',
    name: 'Their name.',
    metText: '"How we met", as you wrote it (empty: the origin in connections.csv stands).',
    metOn: 'When you met, as you wrote it (yyyy-mm-dd).',
    cadence: 'How often you want to be in touch (e.g. month, quarter), set on the card.',
    tags: 'The names of your tags on them.',
    lastInteractionAt: 'Your last interaction.',
    dueAt: 'When you are next due to get in touch.',
    snoozedUntil: 'A reminder snoozed until then.',
    profileUrl: 'Their profile on this instance.',
  },
  rows: (ctx) =>
    withProfileUrls(
      ctx,
      paged(
        ctx,
        (after) => sql`SELECT c.other_id AS k, m.handle, p.name, c.met_text AS "metText", c.met_on::text AS "metOn", c.cadence,
                              coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM relationship_card_tags ct JOIN relationship_tags t ON t.id = ct.tag_id
                                         WHERE ct.member_id = c.member_id AND ct.other_id = c.other_id), '{}') AS tags,
                              ${ts('c.last_interaction_at')} AS "lastInteractionAt", ${ts('c.due_at')} AS "dueAt", ${ts('c.snoozed_until')} AS "snoozedUntil"
                         FROM relationship_cards c JOIN members m ON m.id = c.other_id JOIN profiles p ON p.member_id = c.other_id
                        WHERE c.member_id = ${ctx.memberId} AND c.other_id > ${after} ORDER BY c.other_id LIMIT ${PAGE}`,
      ),
    ),
};

export const notesSection: ExportSection = {
  kind: 'table',
  name: 'notes',
  about: 'Your private notes about people, oldest first.',
  fields: {
    handle: 'Whom the note is about.',
    name: 'Their name.',
    text: 'The note.',
    metOn: 'The date of the meeting it records, if any (yyyy-mm-dd).',
    createdAt: 'When you wrote it.',
    updatedAt: 'When you last changed it.',
  },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT n.id::float8 AS k, m.handle, p.name, n.text, n.met_on::text AS "metOn", ${ts('n.created_at')} AS "createdAt", ${ts('n.updated_at')} AS "updatedAt"
                       FROM relationship_notes n JOIN members m ON m.id = n.other_id JOIN profiles p ON p.member_id = n.other_id
                      WHERE n.member_id = ${ctx.memberId} AND n.id > ${after} ORDER BY n.id LIMIT ${PAGE}`,
    ),
};

export const tagsSection: ExportSection = {
  kind: 'table',
  name: 'tags',
  about: 'Your tags for people, with their colour and cadence.',
  fields: { name: 'The tag.', colour: 'Its colour.', cadence: 'The cadence everyone it carries gets, if set.', people: 'How many people carry it.' },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT t.id AS k, t.name, t.colour, t.cadence,
                            (SELECT count(*)::int FROM relationship_card_tags ct WHERE ct.tag_id = t.id) AS people
                       FROM relationship_tags t WHERE t.member_id = ${ctx.memberId} AND t.id > ${after} ORDER BY t.id LIMIT ${PAGE}`,
    ),
};

export const interactionsSection: ExportSection = {
  kind: 'table',
  name: 'interactions',
  about: 'Every interaction Rapport recorded between you and another member (invitations, connecting, messages, comments, reactions, meetings you logged, gives and asks), oldest first.',
  fields: { handle: 'The other member.', kind: 'What happened, from your side (e.g. message_sent, comment_received, meeting, advice_given).', at: 'When.' },
  rows: (ctx) =>
    paged(
      ctx,
      (after) => sql`SELECT i.id::float8 AS k, m.handle, i.kind, ${ts('i.at')} AS at
                       FROM interactions i JOIN members m ON m.id = i.other_id
                      WHERE i.member_id = ${ctx.memberId} AND i.id > ${after} ORDER BY i.id LIMIT ${PAGE}`,
    ),
};

const SIDE = new RegExp(`_(${[...LEDGER_SIDES].sort((a, b) => b.length - a.length).join('|')})$`);

async function* ledgerRows(source: AsyncIterable<Row>): AsyncGenerator<Row> {
  for await (const row of source) {
    const kind = String(row.kind);
    const side = SIDE.exec(kind)?.[1] ?? '';
    yield { handle: row.handle, subject: kind.slice(0, kind.length - side.length - 1), side, at: row.at };
  }
}

export const ledgerSection: ExportSection = {
  kind: 'table',
  name: 'ledger',
  about: 'Your ledger of gives and asks: introductions, recommendations, endorsements, referrals, advice and help, given, received, asked for or asked of you.',
  fields: {
    handle: 'The other member.',
    subject: 'What: introduction, recommendation, endorsement, referral, advice or help.',
    side: 'Your side: given, received, asked (you asked them) or asked_by (they asked you).',
    at: 'When.',
  },
  rows: (ctx) =>
    ledgerRows(
      paged(
        ctx,
        (after) => sql`SELECT i.id::float8 AS k, m.handle, i.kind, ${ts('i.at')} AS at
                         FROM interactions i JOIN members m ON m.id = i.other_id
                        WHERE i.member_id = ${ctx.memberId} AND i.kind = ANY(${sql.raw(`ARRAY[${LEDGER_KINDS.map((k) => `'${k}'`).join(',')}]`)})
                          AND i.id > ${after} ORDER BY i.id LIMIT ${PAGE}`,
      ),
    ),
};

export const introductionsSection: ExportSection = {
  kind: 'table',
  name: 'introductions',
  about: 'The introductions you asked for, and those you were asked to make or to accept. For each: your role, the people, the blurb, and how it went. Notes between other introducers are theirs and are not included.',
  fields: {
    id: 'The introduction\'s id.',
    role: 'Your role: requester, introducer or target.',
    requester: 'Who asked to be introduced (handle).',
    target: 'To whom (handle).',
    path: 'The introducers, in order (handles).',
    blurb: 'What the requester wrote.',
    status: 'open, accepted, declined or expired (for an introducer or target: your own step, e.g. forwarded).',
    myNote: 'As an introducer: your note to the next person.',
    reasons: 'As the requester: the reasons given by those who declined.',
    createdAt: 'When it was asked for.',
    closedAt: 'When it ended.',
  },
  rows: (ctx) =>
    concat(
      paged(
        ctx,
        (after) => sql`SELECT i.id::float8 AS k, i.id::float8 AS id, 'requester' AS role, rq.handle AS requester, tg.handle AS target,
                              (SELECT array_agg(pm.handle ORDER BY u.ord) FROM unnest(i.path) WITH ORDINALITY AS u(mid, ord) JOIN members pm ON pm.id = u.mid) AS path,
                              i.blurb, i.status, NULL AS "myNote",
                              (SELECT array_agg(s.reason ORDER BY s.position) FROM introduction_steps s WHERE s.introduction_id = i.id AND s.reason IS NOT NULL AND NOT s.dont_know) AS reasons,
                              ${ts('i.created_at')} AS "createdAt", ${ts('i.closed_at')} AS "closedAt"
                         FROM introductions i JOIN members rq ON rq.id = i.requester_id JOIN members tg ON tg.id = i.target_id
                        WHERE i.requester_id = ${ctx.memberId} AND i.id > ${after} ORDER BY i.id LIMIT ${PAGE}`,
      ),
      // Only steps that reached the member: before its turn, an introduction is invisible to them.
      paged(
        ctx,
        (after) => sql`SELECT i.id::float8 AS k, i.id::float8 AS id, s.role, rq.handle AS requester, tg.handle AS target,
                              (SELECT array_agg(pm.handle ORDER BY u.ord) FROM unnest(i.path) WITH ORDINALITY AS u(mid, ord) JOIN members pm ON pm.id = u.mid) AS path,
                              i.blurb, s.status, s.note AS "myNote", NULL AS reasons,
                              ${ts('s.reached_at')} AS "createdAt", ${ts('s.acted_at')} AS "closedAt"
                         FROM introduction_steps s JOIN introductions i ON i.id = s.introduction_id
                         JOIN members rq ON rq.id = i.requester_id JOIN members tg ON tg.id = i.target_id
                        WHERE s.member_id = ${ctx.memberId} AND s.reached_at IS NOT NULL AND i.id > ${after} ORDER BY i.id LIMIT ${PAGE}`,
      ),
    ),
};

export const endorsementsSection: ExportSection = {
  kind: 'table',
  name: 'endorsements',
  about: 'Endorsements of skills you received and gave.',
  fields: { direction: '"received" or "given".', handle: 'Who endorsed you, or whom you endorsed.', name: 'Their name.', skill: 'The skill.', at: 'When.' },
  // Keyed by (skill, other member) packed in one number: exact while skill ids stay below 2^22.
  rows: (ctx) =>
    concat(
      paged(
        ctx,
        (after) => sql`SELECT (e.skill_id::bigint * 2147483648 + e.endorser_id)::float8 AS k, 'received' AS direction, m.handle, p.name, s.name AS skill, ${ts('e.created_at')} AS at
                         FROM endorsements e JOIN members m ON m.id = e.endorser_id JOIN profiles p ON p.member_id = m.id JOIN skills s ON s.id = e.skill_id
                        WHERE e.member_id = ${ctx.memberId} AND (e.skill_id::bigint * 2147483648 + e.endorser_id) > ${after}
                        ORDER BY 1 LIMIT ${PAGE}`,
      ),
      paged(
        ctx,
        (after) => sql`SELECT (e.skill_id::bigint * 2147483648 + e.member_id)::float8 AS k, 'given' AS direction, m.handle, p.name, s.name AS skill, ${ts('e.created_at')} AS at
                         FROM endorsements e JOIN members m ON m.id = e.member_id JOIN profiles p ON p.member_id = m.id JOIN skills s ON s.id = e.skill_id
                        WHERE e.endorser_id = ${ctx.memberId} AND (e.skill_id::bigint * 2147483648 + e.member_id) > ${after}
                        ORDER BY 1 LIMIT ${PAGE}`,
      ),
    ),
};

export const recommendationsSection: ExportSection = {
  kind: 'table',
  name: 'recommendations',
  about: 'Recommendations you received and wrote, and the requests for them you sent and received.',
  fields: {
    id: 'The recommendation\'s or request\'s id.',
    direction: 'received, written, request_sent or request_received.',
    handle: 'The other member.',
    name: 'Their name.',
    position: 'The position it is for (organisation, title).',
    text: 'The recommendation, or the request\'s message.',
    status: 'For one you received: pending, visible, hidden or declined; for one you wrote: shown or not_shown; for a request: open or written.',
    at: 'When it was written or asked for.',
  },
  rows: (ctx) =>
    concat(
      paged(
        ctx,
        (after) => sql`SELECT r.id AS k, r.id, 'received' AS direction, m.handle, p.name, concat_ws(', ', x.organisation_name, x.title) AS position, r.text, r.status, ${ts('r.created_at')} AS at
                         FROM recommendations r JOIN members m ON m.id = r.author_id JOIN profiles p ON p.member_id = m.id JOIN experiences x ON x.id = r.experience_id
                        WHERE r.member_id = ${ctx.memberId} AND r.id > ${after} ORDER BY r.id LIMIT ${PAGE}`,
      ),
      // Declining or hiding tells the author nothing: they see only whether it shows.
      paged(
        ctx,
        (after) => sql`SELECT r.id AS k, r.id, 'written' AS direction, m.handle, p.name, concat_ws(', ', x.organisation_name, x.title) AS position, r.text,
                              CASE WHEN r.status = 'visible' THEN 'shown' ELSE 'not_shown' END AS status, ${ts('r.created_at')} AS at
                         FROM recommendations r JOIN members m ON m.id = r.member_id JOIN profiles p ON p.member_id = m.id JOIN experiences x ON x.id = r.experience_id
                        WHERE r.author_id = ${ctx.memberId} AND r.id > ${after} ORDER BY r.id LIMIT ${PAGE}`,
      ),
      paged(
        ctx,
        (after) => sql`SELECT q.id AS k, q.id, 'request_sent' AS direction, m.handle, p.name, concat_ws(', ', x.organisation_name, x.title) AS position, q.message AS text, q.status, ${ts('q.created_at')} AS at
                         FROM recommendation_requests q JOIN members m ON m.id = q.writer_id JOIN profiles p ON p.member_id = m.id JOIN experiences x ON x.id = q.experience_id
                        WHERE q.member_id = ${ctx.memberId} AND q.id > ${after} ORDER BY q.id LIMIT ${PAGE}`,
      ),
      paged(
        ctx,
        (after) => sql`SELECT q.id AS k, q.id, 'request_received' AS direction, m.handle, p.name, concat_ws(', ', x.organisation_name, x.title) AS position, q.message AS text, q.status, ${ts('q.created_at')} AS at
                         FROM recommendation_requests q JOIN members m ON m.id = q.member_id JOIN profiles p ON p.member_id = m.id JOIN experiences x ON x.id = q.experience_id
                        WHERE q.writer_id = ${ctx.memberId} AND q.id > ${after} ORDER BY q.id LIMIT ${PAGE}`,
      ),
    ),
};
