/**
 * The directed follow graph, kept apart from connections: follows never change degrees, mutuals, paths or
 * suggestions. Follows are far sparser in queries than connections (only "do I follow them?" and the
 * follower lists), so plain sets per member are enough for now.
 */
const EMPTY: ReadonlySet<number> = new Set();

export class FollowGraph {
  private readonly out = new Map<number, Set<number>>();
  private readonly in = new Map<number, Set<number>>();
  private count = 0;

  follow(a: number, b: number): boolean {
    if (a === b) return false;
    let s = this.out.get(a);
    if (!s) this.out.set(a, (s = new Set()));
    if (s.has(b)) return false;
    s.add(b);
    let r = this.in.get(b);
    if (!r) this.in.set(b, (r = new Set()));
    r.add(a);
    this.count++;
    return true;
  }

  unfollow(a: number, b: number): boolean {
    const s = this.out.get(a);
    if (!s?.delete(b)) return false;
    if (s.size === 0) this.out.delete(a);
    const r = this.in.get(b);
    r?.delete(a);
    if (r && r.size === 0) this.in.delete(b);
    this.count--;
    return true;
  }

  isFollowing(a: number, b: number): boolean {
    return this.out.get(a)?.has(b) ?? false;
  }

  /** Whom a follows, ascending. */
  following(a: number): number[] {
    return [...(this.out.get(a) ?? [])].sort((x, y) => x - y);
  }

  /** How many follow b. */
  followerCount(b: number): number {
    return this.in.get(b)?.size ?? 0;
  }

  /** Who follows b, as held (no copy, no order): for callers that only iterate it, at once. */
  followerSet(b: number): ReadonlySet<number> {
    return this.in.get(b) ?? EMPTY;
  }

  /** Who follows b, ascending. */
  followers(b: number): number[] {
    return [...(this.in.get(b) ?? [])].sort((x, y) => x - y);
  }

  size(): number {
    return this.count;
  }

  /** (follower, followee) pairs, flattened. */
  toPairs(): Int32Array {
    const pairs = new Int32Array(this.count * 2);
    let i = 0;
    for (const [a, s] of this.out) {
      for (const b of s) {
        pairs[i++] = a;
        pairs[i++] = b;
      }
    }
    return pairs;
  }

  addPairs(pairs: Int32Array): void {
    for (let i = 0; i + 1 < pairs.length; i += 2) this.follow(pairs[i]!, pairs[i + 1]!);
  }

  /** A rough count: two set entries of ~40 B per follow. */
  bytes(): number {
    return this.count * 80;
  }
}
