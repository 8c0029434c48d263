/**
 * An in-memory people-search name index, measured against the SQL candidate pool (not wired into the
 * server; see docs/performance.md, "In-memory name index"). It would sit beside the graph index and be fed
 * by the events outbox: `profile.changed` with 'name' among its fields → `setName`.
 *
 * Same matching as queries/search-members.ts, on names only: each query word as it is when some name has
 * it, else one of its closest name words (trigram similarity ≥ 0.3, pg_trgm's padding and default
 * threshold), every word required, the last also as a prefix. The rarest word drives: its members are walked in id order and checked against the
 * other words until the pool is full, so the cost is bounded by the pool, not by how many share a name.
 */
import { matchKey } from '../../common/text.ts';

const SIMILAR = 0.3;
const NEAR_WORDS = 4;
/** A prefix as short as one letter would take thousands of words; beyond this many, the rest are ignored. */
const PREFIX_WORDS = 64;

/** pg_trgm's trigrams of one word: padded with two spaces in front and one behind. */
export function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

export class NameIndex {
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly wordTrigrams: Set<string>[] = [];
  /** Members bearing each word, by word id (unsorted: the driver walks it in insertion order). */
  private readonly postings: number[][] = [];
  private readonly byTrigram = new Map<string, number[]>();
  /** Each member's word ids, by member id, for the other words' checks and for renames. */
  private readonly memberWords: (Int32Array | undefined)[] = [];
  /** Words in sorted order for prefix ranges, rebuilt lazily after new words arrive. */
  private sorted: number[] = [];
  private sortedStale = true;

  get size(): { words: number; members: number } {
    return { words: this.words.length, members: this.memberWords.filter(Boolean).length };
  }

  /** Adds or replaces a member's name (the outbox processor's whole job). */
  setName(memberId: number, name: string): void {
    const old = this.memberWords[memberId];
    if (old) for (const w of old) {
      const list = this.postings[w]!;
      const at = list.indexOf(memberId);
      if (at >= 0) list.splice(at, 1);
    }
    const ids = [...new Set(matchKey(name).split(' ').filter(Boolean))].map((w) => this.wordId(w));
    for (const w of ids) this.postings[w]!.push(memberId);
    this.memberWords[memberId] = Int32Array.from(ids);
  }

  removeMember(memberId: number): void {
    this.setName(memberId, '');
    this.memberWords[memberId] = undefined;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id !== undefined) return id;
    id = this.words.length;
    this.wordIds.set(word, id);
    this.words.push(word);
    this.postings.push([]);
    const grams = trigrams(word);
    this.wordTrigrams.push(grams);
    for (const g of grams) {
      let list = this.byTrigram.get(g);
      if (!list) this.byTrigram.set(g, (list = []));
      list.push(id);
    }
    this.sortedStale = true;
    return id;
  }

  /** The closest words to a query word (itself included when it is one). */
  private near(term: string): number[] {
    const grams = trigrams(term);
    const shared = new Map<number, number>();
    for (const g of grams) for (const w of this.byTrigram.get(g) ?? []) shared.set(w, (shared.get(w) ?? 0) + 1);
    const scored: [number, number][] = [];
    for (const [w, common] of shared) {
      const s = common / (grams.size + this.wordTrigrams[w]!.size - common);
      if (s >= SIMILAR) scored.push([w, s]);
    }
    scored.sort((a, b) => b[1] - a[1] || (this.words[a[0]]! < this.words[b[0]]! ? -1 : 1));
    return scored.slice(0, NEAR_WORDS).map(([w]) => w);
  }

  private prefixed(prefix: string): number[] {
    if (this.sortedStale) {
      this.sorted = this.words.map((_, i) => i).sort((a, b) => (this.words[a]! < this.words[b]! ? -1 : 1));
      this.sortedStale = false;
    }
    let lo = 0, hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.words[this.sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.sorted.length && out.length < PREFIX_WORDS && this.words[this.sorted[i]!]!.startsWith(prefix); i++) out.push(this.sorted[i]!);
    return out;
  }

  /** Up to `pool` members whose name matches every query word (or a close spelling of it). */
  candidates(query: string, pool: number): number[] {
    const terms = matchKey(query).split(' ').filter(Boolean).slice(0, 8);
    if (terms.length === 0) return [];
    const alternatives = terms.map((t, i) => {
      // As in SQL: a word some name has is taken as meant; only an unknown word looks for close spellings.
      const own = this.wordIds.get(t);
      const set = new Set(own !== undefined ? [own] : this.near(t));
      if (i === terms.length - 1 && t.length >= 2) for (const w of this.prefixed(t)) set.add(w);
      return set;
    });
    const sizes = alternatives.map((set) => [...set].reduce((n, w) => n + this.postings[w]!.length, 0));
    const driver = sizes.indexOf(Math.min(...sizes));
    const others = alternatives.filter((_, i) => i !== driver);
    const out: number[] = [];
    const seen = new Set<number>();
    for (const w of alternatives[driver]!) {
      for (const m of this.postings[w]!) {
        if (seen.has(m)) continue;
        seen.add(m);
        const mine = this.memberWords[m]!;
        if (others.every((set) => mine.some((x) => set.has(x)))) {
          out.push(m);
          if (out.length >= pool) return out;
        }
      }
    }
    return out;
  }

  /** Rough heap bytes: postings and member words as 4-byte ids, words and trigram lists. */
  approxBytes(): number {
    let n = 0;
    for (const p of this.postings) n += p.length * 8 + 32;
    for (const m of this.memberWords) if (m) n += m.byteLength + 64;
    for (const w of this.words) n += w.length * 2 + 48;
    for (const l of this.byTrigram.values()) n += l.length * 8 + 64;
    return n;
  }
}
