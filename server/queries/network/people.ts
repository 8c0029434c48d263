import { sql } from 'drizzle-orm';
import type { ConnectionState, PersonCard, PersonCardWithConnection } from '../../../common/schemas/search.ts';
import type { Actor } from '../../auth/actor.ts';
import { type DbOrTx, rows } from '../../db/connection.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { intArray } from '../../graph/sql.ts';
import { allow } from '../../policies/index.ts';
import { photoUrl } from '../../views/profile.ts';

/** Everything needed to show people to one viewer: who they are, what they must not see, and the graph. */
export interface Lens {
  db: DbOrTx;
  graph: GraphIndex;
  actor: Actor;
  avoid: ReadonlySet<number>;
}

export interface CardRow {
  id: number;
  handle: string;
  name: string;
  headline: string;
  location: string;
  visibility: 'signed_in' | 'network';
  photoEtag: string | null;
}

/** The viewer's degree and mutual-connection count for each id, in order (batch: one graph call for degrees). */
export async function degreesAndMutuals(lens: Lens, ids: readonly number[]): Promise<{ degree: number | null; mutualCount: number | null }[]> {
  const opts = { avoid: lens.avoid };
  const degrees = await lens.graph.degrees(lens.actor.id, ids, opts);
  return Promise.all(
    ids.map(async (id, i) => {
      const d = degrees[i] ?? null;
      if (d === 0) return { degree: null, mutualCount: null };
      const m = await lens.graph.mutuals(lens.actor.id, id, 0, opts);
      return { degree: d, mutualCount: m.count };
    }),
  );
}

/**
 * Person cards for ids, in the order given, with degree and mutual count. Members who are suspended or
 * on the avoid list are left out. Location shows only where the viewer may see the full profile.
 */
export async function loadPersonCards(lens: Lens, ids: readonly number[]): Promise<PersonCard[]> {
  const wanted = ids.filter((id) => !lens.avoid.has(id));
  if (wanted.length === 0) return [];
  const found = await rows<CardRow>(
    lens.db,
    sql`SELECT m.id, m.handle, p.name, p.headline, p.location, p.visibility, p.photo_etag AS "photoEtag"
          FROM members m JOIN profiles p ON p.member_id = m.id
         WHERE m.id = ANY(${intArray(wanted)}::int[]) AND m.status = 'active'`,
  );
  const byId = new Map(found.map((r) => [r.id, r]));
  const ordered = wanted.map((id) => byId.get(id)).filter((r): r is CardRow => r !== undefined);
  return presentCards(lens, ordered);
}

/** Cards for rows the caller already loaded (lists that sort in SQL), with degree and mutual count. */
export async function presentCards(lens: Lens, cardRows: readonly CardRow[]): Promise<PersonCard[]> {
  const rel = await degreesAndMutuals(lens, cardRows.map((r) => r.id));
  return cardRows.map((r, i) => {
    const { degree, mutualCount } = rel[i]!;
    const full = allow(lens.actor, 'profile.viewFull', { kind: 'profile', memberId: r.id, visibility: r.visibility, degree });
    return {
      id: r.id,
      handle: r.handle,
      name: r.name,
      headline: r.headline,
      location: full && r.location ? r.location : null,
      photoUrl: photoUrl(r),
      degree,
      mutualCount,
    };
  });
}

/** The viewer's connection state with one member, and the open invitation between them while pending. */
export interface ConnectionFields {
  connection: ConnectionState;
  invitationId: number | null;
}

/**
 * The viewer's connection state with each of `ids`, by id, in one query for the whole page: the rules of
 * loadRelationship (the profile's), batched. An invitation the other member ignored still shows as pending
 * to its sender, because ignoring is silent; one the platform holds does not exist for its recipient.
 */
export async function loadConnectionStates(db: DbOrTx, viewerId: number, ids: readonly number[]): Promise<Map<number, ConnectionFields>> {
  const states = new Map<number, ConnectionFields>();
  const others = ids.filter((id) => id !== viewerId);
  if (ids.includes(viewerId)) states.set(viewerId, { connection: 'self', invitationId: null });
  if (others.length === 0) return states;
  const found = await rows<{ id: number; connected: boolean; invitationId: string | number | null; senderId: number | null }>(
    db,
    sql`SELECT t.id, c.other_id IS NOT NULL AS connected, i.id AS "invitationId", i.sender_id AS "senderId"
          FROM unnest(${intArray(others)}::int[]) AS t(id)
          LEFT JOIN connections c ON c.member_id = ${viewerId} AND c.other_id = t.id
          LEFT JOIN LATERAL (
            SELECT i.id, i.sender_id FROM invitations i
             WHERE least(i.sender_id, i.recipient_id) = least(${viewerId}::int, t.id)
               AND greatest(i.sender_id, i.recipient_id) = greatest(${viewerId}::int, t.id)
               AND i.status IN ('pending', 'ignored') AND i.expires_at > now()
               AND NOT (i.folder = 'held' AND i.sender_id <> ${viewerId})
             LIMIT 1
          ) i ON true`,
  );
  for (const r of found) {
    const invitationId = r.invitationId === null ? null : Number(r.invitationId);
    const connection: ConnectionState = r.connected
      ? 'connected'
      : invitationId === null
        ? 'none'
        : r.senderId === viewerId
          ? 'pending_sent'
          : 'pending_received';
    states.set(r.id, { connection, invitationId: connection === 'connected' ? null : invitationId });
  }
  return states;
}

/** Cards with the viewer's connection state added, for the lists a member acts from (search, directory, suggestions). */
export async function withConnectionStates<T extends PersonCard>(lens: Lens, cards: readonly T[]): Promise<(T & PersonCardWithConnection)[]> {
  const states = await loadConnectionStates(lens.db, lens.actor.id, cards.map((c) => c.id));
  return cards.map((c) => ({ ...c, ...(states.get(c.id) ?? { connection: 'none', invitationId: null }) }));
}
