/**
 * Matching key for names: case, accents and spacing ignored. "  Ácme   Corp " and "acme corp" share a key.
 * Used for organisations, skills and the name column of people search, on both the write and the query side.
 */
export function matchKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** URL-safe slug from any text; empty input gives "member" so a handle is never blank. */
export function slugify(value: string, fallback = 'member'): string {
  const slug = matchKey(value)
    .replace(/[^a-z0-9 ]/g, '')
    .trim()
    .replace(/ /g, '-')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : fallback;
}
