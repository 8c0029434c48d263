/**
 * Cheap text likeness for spotting accounts made from one recipe: a name skeleton (the name without
 * digits, punctuation and accents, so "Growth Pro 17" and "growth-pro 18" match) and trigram Jaccard
 * similarity for near-identical headlines.
 */

/** Lowercase letters and single spaces only; "" when nothing is left. */
export function nameSkeleton(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/** Character trigrams of the padded, normalised text (digits dropped: numbered copies look alike). */
export function trigrams(text: string): Set<string> {
  const t = ` ${nameSkeleton(text)} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) grams.add(t.slice(i, i + 3));
  return grams;
}

/** |A ∩ B| / |A ∪ B|; 0 when either is empty. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Groups items into connected components under a pairwise "alike" test (union-find). */
export function components<T>(items: T[], alike: (a: T, b: T) => boolean): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (find(i) !== find(j) && alike(items[i]!, items[j]!)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()];
}
