import { sql } from 'drizzle-orm';
import type { MemberSearchQuery } from '../../common/schemas/search.ts';
import { matchKey } from '../../common/text.ts';
import { type Db, rows } from '../db/connection.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { intArray } from '../graph/sql.ts';

export interface SearchHit {
  id: number;
  handle: string;
  name: string;
  headline: string;
  location: string | null;
  photoEtag: string | null;
  score: number;
}

/** How close a misspelt name must be (pg_trgm word similarity). 0.6 misses ordinary typos; 0.35 keeps noise low. */
const NAME_SIMILARITY = '0.35';

/**
 * People search. The name matches typo-tolerantly by trigram word similarity; headline matches everyone,
 * while skills, organisations, place and About match (and filters apply) only where the viewer may see the
 * full profile, so search never reveals what the profile would hide.
 */
export async function searchMembers(
  db: Db,
  viewer: { id: number; isAdmin: boolean },
  query: MemberSearchQuery,
  scope: { exclude?: ReadonlySet<number>; only?: ReadonlySet<number> } = {},
): Promise<{ hits: SearchHit[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, { s: 'score', i: 'id' });
  const key = matchKey(query.q);
  const terms = key ? key.split(' ').slice(0, 8) : [];
  const tsquery = terms.map((t) => `${t}:*`).join(' & ');
  const visible = sql`(d.visibility = 'signed_in' OR d.member_id = ${viewer.id} OR ${viewer.isAdmin})`;

  const filters = [sql`d.active`];
  // Blocks both ways hide members from search; a degree filter may narrow it to a known set of ids.
  if (scope.exclude?.size) filters.push(sql`NOT (d.member_id = ANY(${intArray(scope.exclude)}::int[]))`);
  if (scope.only) filters.push(sql`d.member_id = ANY(${intArray(scope.only)}::int[])`);
  if (terms.length) {
    filters.push(sql`(${key} <% d.name_key
      OR (CASE WHEN ${visible} THEN d.full_doc ELSE d.public_doc END) @@ to_tsquery('simple', ${tsquery}))`);
  }
  if (query.industry) filters.push(sql`${visible} AND d.industry = ${query.industry}`);
  if (query.function) filters.push(sql`${visible} AND d.function = ${query.function}`);
  if (query.careerStage) filters.push(sql`${visible} AND d.career_stage = ${query.careerStage}`);
  if (query.organisation) filters.push(sql`${visible} AND d.organisation_ids @> ARRAY[${query.organisation}]::integer[]`);

  const score = terms.length
    ? sql`(2 * word_similarity(${key}, d.name_key)
        + ts_rank_cd(CASE WHEN ${visible} THEN d.full_doc ELSE d.public_doc END, to_tsquery('simple', ${tsquery})))::float8`
    : sql`0::float8`;

  const limit = query.limit;
  const found = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${NAME_SIMILARITY}, true)`);
    return rows<SearchHit>(
      tx,
      sql`SELECT * FROM (
          SELECT d.member_id AS id, m.handle, p.name, p.headline,
            CASE WHEN ${visible} THEN p.location END AS location,
            p.photo_etag AS "photoEtag", ${score} AS score
          FROM search_documents d
          JOIN members m ON m.id = d.member_id
          JOIN profiles p ON p.member_id = d.member_id
          WHERE ${sql.join(filters, sql` AND `)}
        ) hits
        ${after ? sql`WHERE (hits.score < ${after.s} OR (hits.score = ${after.s} AND hits.id > ${after.i}))` : sql``}
        ORDER BY hits.score DESC, hits.id ASC
        LIMIT ${limit + 1}`,
    );
  });
  const hits = found.slice(0, limit).map((h) => ({ ...h, score: Number(h.score) }));
  const last = hits[hits.length - 1];
  return { hits, nextCursor: found.length > limit && last ? encodeCursor({ s: last.score, i: last.id }) : null };
}
