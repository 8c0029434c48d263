/**
 * A small in-process cache for reads that many requests repeat within a second (a viewer's blocks, a
 * member's profile record). Entries live at most `ttlMs`: that bounds how late a change made by another
 * process over the same database shows here. Changes made in this process evict at once (the read-cache
 * processor calls `forget`/`clear` after commit), so the next request reads them.
 *
 * - Least recently used entries go first past `maxEntries` (a Map keeps insertion order).
 * - Concurrent misses for one key share one load.
 * - A load that started before an eviction never stores what it read: every eviction bumps the
 *   generation, and a load stores only if the generation it started under is still current. (Coarse on
 *   purpose: an eviction of another key also discards it, which costs one extra read, never a stale one.)
 * - With `refresh`, an entry read in the second half of its life is read again in the background, together
 *   with every other such entry of the moment in one batch: a key in steady use never misses, and the
 *   database work follows the number of keys in use, not the number of requests. What is served is never
 *   older than `ttlMs` all the same.
 */
/** Keys read again in one statement at most. */
const REFRESH_BATCH = 500;

export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; stored: number; until: number }>();
  private readonly loading = new Map<K, { generation: number; promise: Promise<V> }>();
  private generation = 0;
  private readonly due = new Set<K>();
  private readonly inFlight = new Set<K>();
  private refreshing = false;

  constructor(
    /** Read on every store, so tests can widen it to make "a second request is warm" deterministic. */
    public ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    /** Reads many keys at once (absent keys are left to expire); used to refresh entries in use. */
    private readonly refresh?: (keys: K[]) => Promise<Map<K, V>>,
  ) {}

  /** The cached value, or undefined (an expired entry is dropped). */
  peek(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    const now = this.now();
    if (hit.until <= now) return undefined;
    this.entries.set(key, hit); // most recently used last
    if (this.refresh && now - hit.stored >= this.ttlMs / 2) this.refreshSoon(key);
    return hit.value;
  }

  /** The cached value for `key`, or what `load` reads (stored unless an eviction happened meanwhile). */
  get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.peek(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const pending = this.loading.get(key);
    if (pending && pending.generation === this.generation) return pending.promise;
    const stamp = this.stamp();
    const promise = load().then(
      (value) => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
        this.put(key, value, stamp);
        return value;
      },
      (err: unknown) => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
        throw err;
      },
    );
    this.loading.set(key, { generation: stamp, promise });
    return promise;
  }

  /** Take before reading something to `put` later: the put is dropped if an eviction came in between. */
  stamp(): number {
    return this.generation;
  }

  /** Stores a value read after `stamp` was taken, unless something was evicted since. */
  put(key: K, value: V, stamp: number): void {
    if (stamp !== this.generation) return;
    this.entries.delete(key);
    const now = this.now();
    this.entries.set(key, { value, stored: now, until: now + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Reads `key` again with the other entries due, after the current turn of the event loop. */
  private refreshSoon(key: K): void {
    if (this.inFlight.has(key)) return;
    this.due.add(key);
    if (this.refreshing) return;
    this.refreshing = true;
    setImmediate(() => void this.refreshDue());
  }

  private async refreshDue(): Promise<void> {
    const keys: K[] = [];
    for (const key of this.due) {
      if (keys.length === REFRESH_BATCH) break;
      keys.push(key);
      this.inFlight.add(key);
    }
    for (const key of keys) this.due.delete(key);
    const stamp = this.stamp();
    try {
      if (keys.length === 0) return; // evicted since they came due
      const found = await this.refresh!(keys);
      for (const [key, value] of found) if (this.entries.has(key)) this.put(key, value, stamp);
    } catch {
      // Nothing is lost: the entries run out and the next request reads them itself (and sees the error).
    } finally {
      this.inFlight.clear();
      this.refreshing = false;
      // Keys that came due while this batch was read go in the next one.
      if (this.due.size > 0) {
        this.refreshing = true;
        setImmediate(() => void this.refreshDue());
      }
    }
  }

  forget(key: K): void {
    this.generation++;
    this.entries.delete(key);
    this.loading.delete(key);
    this.due.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
    this.due.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
