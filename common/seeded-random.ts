/**
 * mulberry32: a tiny, fast, well-distributed seeded 32-bit generator. Wherever randomness must come out the
 * same on every machine and every run (Louvain's visiting order, the demo community, a test's sample, so a
 * failure reproduces from its seed), this is used instead of Math.random.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
