/** Past this many members remembered, expired entries are dropped before another is added. */
const SWEEP_AT = 10_000;

/**
 * The members who wrote in the last few seconds, in this process: their reads go to the primary until
 * then (read-your-writes, server/http/read-db.ts). Process-local, so a member's next request landing on
 * another process behind a proxy is not covered by it: the `rapport_rw` cookie is (set on the same writes
 * and read by every process). This memory covers clients that send no cookies (API tokens), and writes
 * that reach a member without a request of theirs (an event recorded with them as actor, by a job).
 */
export class RecentWriters {
  private readonly until = new Map<number, number>();

  constructor(
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The member wrote just now: their reads stay on the primary for the window. Returns when it ends. */
  note(memberId: number): number {
    const now = this.now();
    const end = now + this.windowMs;
    if (this.until.size >= SWEEP_AT && !this.until.has(memberId)) this.sweep(now);
    this.until.set(memberId, end);
    return end;
  }

  /** Whether the member wrote within the window. */
  wroteRecently(memberId: number): boolean {
    const end = this.until.get(memberId);
    if (end === undefined) return false;
    if (end > this.now()) return true;
    this.until.delete(memberId);
    return false;
  }

  get size(): number {
    return this.until.size;
  }

  private sweep(now: number): void {
    for (const [id, end] of this.until) if (end <= now) this.until.delete(id);
  }
}
