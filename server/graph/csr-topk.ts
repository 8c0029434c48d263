/** Best-first top-k by (score desc, id asc) without sorting everything: the ranking step of mutuals and suggestions. */
export class TopK {
  readonly ids: number[] = [];
  readonly scores: number[] = [];
  constructor(private readonly k: number) {}
  get full(): boolean {
    return this.ids.length === this.k;
  }
  /** The k-th best score so far (only meaningful when full). */
  get worst(): number {
    return this.scores[this.scores.length - 1] ?? -Infinity;
  }
  offer(id: number, score: number): void {
    const ids = this.ids, scores = this.scores;
    let i = ids.length;
    if (i === this.k) {
      const ws = scores[i - 1]!;
      if (score < ws || (score === ws && id > ids[i - 1]!)) return;
      i--;
      ids.pop();
      scores.pop();
    }
    while (i > 0 && (scores[i - 1]! < score || (scores[i - 1] === score && ids[i - 1]! > id))) i--;
    ids.splice(i, 0, id);
    scores.splice(i, 0, score);
  }
}
