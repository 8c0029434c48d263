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
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();
  private readonly loading = new Map<K, { generation: number; promise: Promise<V> }>();
  private generation = 0;

  constructor(
    /** Read on every store, so tests can widen it to make "a second request is warm" deterministic. */
    public ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value, or undefined (an expired entry is dropped). */
  peek(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (hit.until <= this.now()) return undefined;
    this.entries.set(key, hit); // most recently used last
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
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(key: K): void {
    this.generation++;
    this.entries.delete(key);
    this.loading.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
