/**
 * Gathers the reads many requests ask for during one turn of the event loop into one statement: under
 * concurrent load, the cache misses of fifty requests cost one round trip instead of fifty. Every request
 * still waits only for its own keys' batch, and one request's keys always travel together (its own reads
 * stay within one statement each, as the statement counts assert).
 */
export class Batcher<K, V> {
  private queued = new Map<string, { key: K; waiters: { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] }>();
  private scheduled = false;

  constructor(
    /** Reads the keys given; keys it has no value for are left out of the map (their waiters get undefined). */
    private readonly read: (keys: K[]) => Promise<Map<string, V>>,
    private readonly keyOf: (key: K) => string,
  ) {}

  /** The values of `keys`, read with whatever else is asked this turn. */
  loadMany(keys: readonly K[]): Promise<(V | undefined)[]> {
    return Promise.all(keys.map((key) => this.load(key)));
  }

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const id = this.keyOf(key);
      const entry = this.queued.get(id) ?? { key, waiters: [] };
      entry.waiters.push({ resolve, reject });
      this.queued.set(id, entry);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queued;
    this.queued = new Map();
    this.scheduled = false;
    try {
      const found = await this.read([...batch.values()].map((e) => e.key));
      for (const [id, e] of batch) for (const w of e.waiters) w.resolve(found.get(id));
    } catch (err) {
      for (const e of batch.values()) for (const w of e.waiters) w.reject(err);
    }
  }
}
