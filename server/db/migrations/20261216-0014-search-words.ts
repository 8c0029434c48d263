import type { Migration } from './types.ts';

/**
 * People search finds misspelt names through the vocabulary of name words, not through the member rows.
 * A trigram scan over a million names ranks every member who shares a first name (and a GiST `<<->` scan
 * visits the whole index: its signatures saturate on short names, 1.1–2.5 s at 1 M members, see
 * docs/performance.md), while the distinct words of every name are a few tens of thousands: the close
 * spellings of each query word come from them in under a millisecond, and the member rows are then fetched
 * from the full-text index with a LIMIT (queries/search-members.ts).
 *
 * Words are the lexemes of each name as the 'simple' configuration indexes them, so a word found here is
 * one the full-text index holds. They are added as names are written (commands/search-document.ts) and
 * never removed: a word nobody bears any more costs one row and finds nobody.
 *
 * The trigram index on search_documents.name_key served the old `<%` scan and nothing reads it now.
 */
export const searchWords: Migration = {
  name: '20261216-0014-search-words',
  up: [
    `CREATE TABLE search_words (word text PRIMARY KEY)`,
    `INSERT INTO search_words (word)
       SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('simple', name_key))) FROM search_documents
       ON CONFLICT DO NOTHING`,
    `CREATE INDEX search_words_trgm ON search_words USING gin (word gin_trgm_ops)`,
    `DROP INDEX search_name_trgm`,
  ],
  down: [
    `CREATE INDEX search_name_trgm ON search_documents USING gin (name_key gin_trgm_ops)`,
    `DROP TABLE search_words`,
  ],
};
