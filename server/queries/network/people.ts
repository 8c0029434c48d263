import { sql } from 'drizzle-orm';
import type { PersonCard } from '../../../common/schemas/search.ts';
import type { Actor } from '../../commands/auth/sessions.ts';
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
