/**
 * Sign-in rate limiting per account and per IP: a sliding window of failed attempts.
 * Kept in memory: a restart forgives, which is acceptable for a throttle; multi-process deployments
 * (roadmap step 7) move this to a shared store.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxAttempts: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the next attempt is allowed for any of these keys, or 0 when allowed. */
  retryAfter(keys: string[]): number {
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      // IP keys get a larger allowance: many members can share one office or campus address.
      const limit = key.startsWith('ip:') ? this.maxAttempts * 5 : this.maxAttempts;
      if (recent.length >= limit) {
        const oldest = recent[recent.length - limit] ?? now;
        wait = Math.max(wait, Math.ceil((oldest + this.windowMs - now) / 1000));
      }
    }
    return wait;
  }

  recordFailure(keys: string[]): void {
    const now = this.now();
    for (const key of keys) {
      const recent = this.recent(key, now);
      recent.push(now);
      this.failures.set(key, recent);
    }
    if (this.failures.size > 100_000) this.prune(now);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) if (!times.some((t) => now - t < this.windowMs)) this.failures.delete(key);
  }
}
