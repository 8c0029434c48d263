import { type SQL, sql } from 'drizzle-orm';
import type { MemberSearchQuery } from '../../common/schemas/search.ts';
import { matchKey } from '../../common/text.ts';
import { type DbOrTx, rows } from '../db/connection.ts';
import { intArray } from '../graph/sql.ts';

/** A member who matches a search, with the text score that orders them within their degree. */
export interface SearchCandidate {
  id: number;
  score: number;
}

export interface CandidateScope {
  /** Members hidden both ways (blocks): never candidates. */
  exclude: ReadonlySet<number>;
  /** Only the viewer's connections (the 1st-degree filter): they come from the connection table, never as a list of ids. */
  connectionsOnly: boolean;
  /** How many candidates each source may give: the pool is at most twice this. */
  pool: number;
}

/** Close spellings taken per query word from the vocabulary of name words (migration 0014). */
const NEAR_WORDS = 4;
/** Query words used; the rest of a long query is ignored, as before. */
const MAX_TERMS = 8;

/**
 * People search, first half: a bounded pool of candidates, never every match. Two sources, each an
 * index scan with a LIMIT: the member documents matching the query (full-text index), and the viewer's
 * own connections matching it (the connection table's primary key), so that 1st-degree matches are in the
 * pool however common their name. The route ranks the pool by degree, then by the score computed here.
 *
 * Typo tolerance: each query word also matches its closest name words by trigram similarity, looked up in
 * the vocabulary (thousands of distinct words, not a million names), and the last word matches as a prefix
 * (search as you type). The words are then sent as a literal tsquery, so PostgreSQL plans with the real
 * words: a common first name is read by a sequential scan that stops at the LIMIT, a rare surname through
 * the index.
 *
 * Headline matches everyone, while skills, organisations, place and About match (and filters apply) only
 * where the viewer may see the full profile, so search never reveals what the profile would hide.
 */
export async function searchCandidates(
  db: DbOrTx,
  viewer: { id: number; isAdmin: boolean },
  query: MemberSearchQuery,
  scope: CandidateScope,
): Promise<SearchCandidate[]> {
  const key = matchKey(query.q);
  const terms = key ? key.split(' ').slice(0, MAX_TERMS) : [];
  const visible = sql`(d.visibility = 'signed_in' OR d.member_id = ${viewer.id} OR ${viewer.isAdmin})`;
  const filters: SQL[] = [sql`d.active`];
  if (scope.exclude.size) filters.push(sql`NOT (d.member_id = ANY(${intArray(scope.exclude)}::int[]))`);
  if (query.industry) filters.push(sql`${visible} AND d.industry = ${query.industry}`);
  if (query.function) filters.push(sql`${visible} AND d.function = ${query.function}`);
  if (query.careerStage) filters.push(sql`${visible} AND d.career_stage = ${query.careerStage}`);
  if (query.organisation) filters.push(sql`${visible} AND d.organisation_ids @> ARRAY[${query.organisation}]::integer[]`);

  if (terms.length === 0) {
    // No text: the first members by id that pass the filters, and the viewer's connections among them.
    const where = sql.join(filters, sql` AND `);
    const everyone = sql`SELECT d.member_id FROM search_documents d WHERE ${where} ORDER BY d.member_id LIMIT ${scope.pool}`;
    const connections = sql`SELECT d.member_id FROM connections c JOIN search_documents d ON d.member_id = c.other_id
      WHERE c.member_id = ${viewer.id} AND ${where} ORDER BY c.other_id LIMIT ${scope.pool}`;
    const found = await rows<{ id: number }>(
      db,
      scope.connectionsOnly ? sql`SELECT member_id AS id FROM (${connections}) c` : sql`SELECT member_id AS id FROM ((${everyone}) UNION (${connections})) c`,
    );
    return found.map((r) => ({ id: r.id, score: 0 }));
  }

  const tsquery = await typoTolerantQuery(db, terms);
  const q = sql`to_tsquery('simple', ${tsquery})`;
  filters.push(sql`d.full_doc @@ ${q} AND (${visible} OR d.public_doc @@ ${q})`);
  const where = sql.join(filters, sql` AND `);
  const everyone = sql`SELECT d.member_id FROM search_documents d WHERE ${where} LIMIT ${scope.pool}`;
  const connections = sql`SELECT d.member_id FROM connections c JOIN search_documents d ON d.member_id = c.other_id
    WHERE c.member_id = ${viewer.id} AND ${where} LIMIT ${scope.pool}`;
  const pool = scope.connectionsOnly ? connections : sql`(${everyone}) UNION (${connections})`;
  const found = await rows<{ id: number; score: number | string }>(
    db,
    sql`SELECT d.member_id AS id,
          (2 * word_similarity(${key}, d.name_key)
            + ts_rank_cd(CASE WHEN ${visible} THEN d.full_doc ELSE d.public_doc END, ${q}))::float8 AS score
        FROM (${pool}) hits JOIN search_documents d ON d.member_id = hits.member_id`,
  );
  return found.map((r) => ({ id: r.id, score: Number(r.score) }));
}

/**
 * The close name words of each query word, remembered per database for a minute: a search as you type
 * asks for the same words again and again, and the vocabulary changes only when a member takes a name
 * with a new word (until the entry expires, that word is found as typed, not yet as a typo's target).
 */
const NEAR_WORDS_TTL_MS = 60_000;
const NEAR_WORDS_MAX = 50_000;
const nearWordsCache = new WeakMap<object, Map<string, { words: string[]; until: number }>>();

async function nearWordsOf(db: DbOrTx, terms: readonly string[]): Promise<Map<string, string[]>> {
  let cache = nearWordsCache.get(db);
  if (!cache) nearWordsCache.set(db, (cache = new Map()));
  const now = Date.now();
  const out = new Map<string, string[]>();
  const missing: string[] = [];
  for (const term of new Set(terms)) {
    const hit = cache.get(term);
    if (hit && hit.until > now) out.set(term, hit.words);
    else missing.push(term);
  }
  if (missing.length === 0) return out;
  const near = await rows<{ n: number | string; word: string }>(
    db,
    sql`SELECT t.n, w.word FROM unnest(string_to_array(${missing.join(' ')}, ' ')) WITH ORDINALITY AS t(term, n)
        CROSS JOIN LATERAL (
          SELECT word FROM search_words
           WHERE word % t.term AND NOT EXISTS (SELECT FROM search_words known WHERE known.word = t.term)
           ORDER BY similarity(word, t.term) DESC, word LIMIT ${NEAR_WORDS}
        ) w`,
  );
  if (cache.size + missing.length > NEAR_WORDS_MAX) cache.clear();
  missing.forEach((term, i) => {
    const words = near.filter((r) => Number(r.n) === i + 1 && r.word !== term).map((r) => r.word);
    cache.set(term, { words, until: now + NEAR_WORDS_TTL_MS });
    out.set(term, words);
  });
  return out;
}

/**
 * The tsquery text for the query words: each word, or one of its closest name words (pg_trgm similarity
 * at its default threshold, 0.3), all words required; the last word also as a prefix once it has two
 * letters. A word that some name already has is taken as meant: looking for its neighbours is the
 * costly part of the lookup (tens of milliseconds for a common syllable at 1 M members, a primary-key
 * probe otherwise), and "Anna" should not also find every "Ana". Words are letters and digits only
 * (matchKey, and the vocabulary is made of matchKey'd names), and are quoted besides.
 */
async function typoTolerantQuery(db: DbOrTx, terms: string[]): Promise<string> {
  const near = await nearWordsOf(db, terms);
  return terms
    .map((term, i) => {
      const last = i === terms.length - 1;
      const own = `${quoteLexeme(term)}${last && term.length >= 2 ? ':*' : ''}`;
      const close = (near.get(term) ?? []).map(quoteLexeme);
      return `(${[own, ...close].join(' | ')})`;
    })
    .join(' & ');
}

const quoteLexeme = (word: string): string => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
