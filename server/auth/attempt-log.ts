/**
 * A sliding window of attempts per key, in memory: the building block of the sign-in, password and
 * email throttles. A restart forgives everything, which is acceptable for a throttle; several processes
 * (roadmap: production) would move this to a shared store.
 *
 * Memory stays bounded whatever a client sends: each key keeps at most `keepPerKey` timestamps (enough
 * for the largest limit asked of it), and past `maxKeys` keys the expired ones are dropped, then the
 * oldest, so a flood of distinct keys costs a forgiven attempt rather than the process.
 */
export class AttemptLog {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    readonly windowMs: number,
    private readonly options: { keepPerKey: number; maxKeys?: number; now?: () => number },
  ) {}

  /** Attempts recorded under this key within the window. */
  count(key: string): number {
    return this.recent(key, this.now()).length;
  }

  /** Seconds until this key is below `limit` attempts within the window, or 0 when it is already. */
  retryAfter(key: string, limit: number): number {
    const now = this.now();
    const recent = this.recent(key, now);
    if (recent.length < limit) return 0;
    const blocking = recent[recent.length - limit] ?? now;
    return Math.max(1, Math.ceil((blocking + this.windowMs - now) / 1000));
  }

  record(key: string): void {
    const now = this.now();
    const recent = this.recent(key, now);
    recent.push(now);
    if (recent.length > this.options.keepPerKey) recent.splice(0, recent.length - this.options.keepPerKey);
    // Re-inserting moves the key to the end, so eviction below drops the least recently active first.
    this.attempts.delete(key);
    this.attempts.set(key, recent);
    if (this.attempts.size > (this.options.maxKeys ?? 100_000)) this.evict(now);
  }

  clear(key: string): void {
    this.attempts.delete(key);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private recent(key: string, now: number): number[] {
    return (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private evict(now: number): void {
    // Down to 90%, so a full map is swept once per tenth of its size rather than on every record.
    const target = Math.floor((this.options.maxKeys ?? 100_000) * 0.9);
    for (const [key, times] of this.attempts) if (!times.some((t) => now - t < this.windowMs)) this.attempts.delete(key);
    for (const key of this.attempts.keys()) {
      if (this.attempts.size <= target) break;
      this.attempts.delete(key);
    }
  }
}
