/**
 * Near-duplicate notes by MinHash over word shingles. A template pasted into many invitations differs
 * only in a name or a word, so exact matching misses it while shingle overlap does not.
 *
 * The note is normalised (case, punctuation, the recipient's names replaced by a placeholder), cut into
 * overlapping 3-word shingles, and each of K seeded hash functions keeps its minimum over the shingles.
 * The share of equal positions in two signatures estimates the Jaccard similarity of the shingle sets.
 */

export const SIGNATURE_SIZE = 64;
const SHINGLE_WORDS = 3;

/** Lower-cased words, with the recipient's names as one placeholder so "Hi Ana" and "Hi Ben" match. */
export function normaliseNote(note: string, recipientNames: readonly string[] = []): string[] {
  const names = new Set(recipientNames.flatMap((n) => n.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 1));
  return note
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => (names.has(w) ? '·name·' : w));
}

function shingles(words: readonly string[]): string[] {
  if (words.length <= SHINGLE_WORDS) return words.length ? [words.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.push(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A cheap avalanche mix (murmur3 finaliser) of a base hash and a per-function seed. */
function mix(h: number, seed: number): number {
  let x = (h ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * The MinHash signature of a note, or null when it has no words. Values are stored as signed int4 in
 * PostgreSQL, so each is folded into the signed 32-bit range.
 */
export function noteSignature(note: string, recipientNames: readonly string[] = []): number[] | null {
  const set = [...new Set(shingles(normaliseNote(note, recipientNames)))];
  if (set.length === 0) return null;
  const base = set.map(fnv1a);
  const sig: number[] = [];
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    let min = 0xffffffff;
    for (const h of base) {
      const v = mix(h, k + 1);
      if (v < min) min = v;
    }
    sig.push(min | 0);
  }
  return sig;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures (0–1). */
export function similarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}
