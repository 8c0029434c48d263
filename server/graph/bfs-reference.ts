/**
 * A deliberately plain reference for tests: adjacency sets and breadth-first search, sharing no code with
 * csr.ts or sql.ts. Answers distances, shortest-path counts and mutual counts, honouring an avoid set.
 */
export class BfsReference {
  readonly adj: Set<number>[] = [];

  constructor(n: number) {
    for (let i = 0; i < n; i++) this.adj.push(new Set());
  }

  static fromEdges(n: number, src: ArrayLike<number>, dst: ArrayLike<number>): BfsReference {
    const r = new BfsReference(n);
    for (let i = 0; i < src.length; i++) r.add(src[i]!, dst[i]!);
    return r;
  }

  private row(u: number): Set<number> {
    while (this.adj.length <= u) this.adj.push(new Set());
    return this.adj[u]!;
  }

  add(a: number, b: number): void {
    if (a === b) return;
    this.row(a).add(b);
    this.row(b).add(a);
  }

  remove(a: number, b: number): void {
    this.adj[a]?.delete(b);
    this.adj[b]?.delete(a);
  }

  has(a: number, b: number): boolean {
    return this.adj[a]?.has(b) ?? false;
  }

  /**
   * BFS to depth 3 through non-avoided members: distance and number of shortest paths per reached member.
   * An avoided member is never entered (so it is never reached nor an intermediary).
   */
  bfs(v: number, avoid: ReadonlySet<number> = new Set()): { dist: Map<number, number>; sigma: Map<number, number> } {
    const dist = new Map<number, number>([[v, 0]]);
    const sigma = new Map<number, number>([[v, 1]]);
    let frontier = [v];
    for (let d = 1; d <= 3 && frontier.length > 0; d++) {
      const next: number[] = [];
      for (const u of frontier) {
        for (const w of this.adj[u] ?? []) {
          if (avoid.has(w)) continue;
          const dw = dist.get(w);
          if (dw === undefined) {
            dist.set(w, d);
            sigma.set(w, sigma.get(u)!);
            next.push(w);
          } else if (dw === d) sigma.set(w, sigma.get(w)! + sigma.get(u)!);
        }
      }
      frontier = next;
    }
    return { dist, sigma };
  }

  degree(v: number, t: number, avoid: ReadonlySet<number> = new Set()): number | null {
    if (v === t) return 0;
    if (avoid.has(t)) return null;
    return this.bfs(v, avoid).dist.get(t) ?? null;
  }

  mutualCount(a: number, b: number, avoid: ReadonlySet<number> = new Set()): number {
    if (a === b) return 0;
    let c = 0;
    for (const z of this.adj[a] ?? []) if (!avoid.has(z) && this.has(b, z)) c++;
    return c;
  }

  secondDegree(v: number, avoid: ReadonlySet<number> = new Set()): number[] {
    const out: number[] = [];
    for (const [w, d] of this.bfs(v, avoid).dist) if (d === 2) out.push(w);
    return out.sort((x, y) => x - y);
  }
}
