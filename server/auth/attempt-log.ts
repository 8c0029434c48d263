/**
 * A sliding window of attempts per key: the building block of the sign-in, password and email throttles.
 * Where the attempts are kept is a backend: this process's memory (one process, embedded PGlite), or the
 * database (server/db/auth-attempts.ts) when several app processes share a PostgreSQL server, so that a
 * guesser spreading requests over the processes behind a proxy gets one budget, not one per process.
 *
 * Memory stays bounded whatever a client sends: each key keeps at most `keepPerKey` timestamps (enough
 * for the largest limit asked of it), and past `maxKeys` keys the expired ones are dropped, then the
 * oldest, so a flood of distinct keys costs a forgiven attempt rather than the process. On the database
 * the hourly `rate-limits.sweep` job deletes what no window reaches any more.
 */

/** Where attempts are kept. Keys arrive namespaced by the log that asks (`sign-in:pair:…`). */
export interface AttemptBackend {
  /** The attempts under `key` within the last `windowMs`, oldest first, and the backend's clock now (ms). */
  recent(key: string, windowMs: number): Promise<{ now: number; times: number[] }>;
  /** One attempt now; a backend in memory keeps at most `keep` per key. */
  record(key: string, keep: number): Promise<void>;
  clear(key: string): Promise<void>;
}

/** The attempts in this process's memory. */
export class MemoryAttempts implements AttemptBackend {
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly options: { maxKeys?: number; now?: () => number } = {}) {}

  async recent(key: string, windowMs: number): Promise<{ now: number; times: number[] }> {
    const now = this.now();
    return { now, times: this.within(key, now, windowMs) };
  }

  async record(key: string, keep: number): Promise<void> {
    const now = this.now();
    const times = [...(this.attempts.get(key) ?? []), now];
    if (times.length > keep) times.splice(0, times.length - keep);
    // Re-inserting moves the key to the end, so eviction below drops the least recently active first.
    this.attempts.delete(key);
    this.attempts.set(key, times);
    if (this.attempts.size > (this.options.maxKeys ?? 100_000)) this.evict();
  }

  async clear(key: string): Promise<void> {
    this.attempts.delete(key);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private within(key: string, now: number, windowMs: number): number[] {
    return (this.attempts.get(key) ?? []).filter((t) => now - t < windowMs);
  }

  private evict(): void {
    // Down to 90%, so a full map is swept once per tenth of its size rather than on every record. The
    // oldest go first; a key's newest attempt says how recently it was active.
    const target = Math.floor((this.options.maxKeys ?? 100_000) * 0.9);
    for (const key of this.attempts.keys()) {
      if (this.attempts.size <= target) break;
      this.attempts.delete(key);
    }
  }
}

export class AttemptLog {
  private readonly backend: AttemptBackend;
  private readonly prefix: string;

  constructor(
    readonly windowMs: number,
    private readonly options: { keepPerKey: number; maxKeys?: number; now?: () => number; backend?: AttemptBackend; name?: string },
  ) {
    this.backend = options.backend ?? new MemoryAttempts({ ...(options.maxKeys ? { maxKeys: options.maxKeys } : {}), ...(options.now ? { now: options.now } : {}) });
    this.prefix = options.name ? `${options.name}:` : '';
  }

  /** Attempts recorded under this key within the window. */
  async count(key: string): Promise<number> {
    return (await this.backend.recent(this.prefix + key, this.windowMs)).times.length;
  }

  /** Seconds until this key is below `limit` attempts within the window, or 0 when it is already. */
  async retryAfter(key: string, limit: number): Promise<number> {
    const { now, times } = await this.backend.recent(this.prefix + key, this.windowMs);
    if (times.length < limit) return 0;
    const blocking = times[times.length - limit] ?? now;
    return Math.max(1, Math.ceil((blocking + this.windowMs - now) / 1000));
  }

  record(key: string): Promise<void> {
    return this.backend.record(this.prefix + key, this.options.keepPerKey);
  }

  clear(key: string): Promise<void> {
    return this.backend.clear(this.prefix + key);
  }
}
