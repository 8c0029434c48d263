import type { Db, DbOrTx, Tx } from '../db/connection.ts';
import { transactionScope } from '../db/transaction.ts';
import type { Actor } from './actor.ts';

/**
 * How long a looked-up session or access token is trusted without asking the database again. Revocations
 * made in this process evict at once (credentialsRevoked below); those made by another process over the
 * same database are seen once this has run out, so it is also the bound on how late they take effect.
 */
export const CREDENTIAL_TTL_MS = 1000;

/** Enough for every member active within a second on one process; the least recently used go first. */
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  until: number;
}

/**
 * The actor behind a credential (keyed by its hash, never the raw secret), cached briefly so that signed-in
 * traffic does not cost a database round trip per request. Only credentials that matched are cached: an
 * unknown one is looked up again every time, and counts against the address's failure budget each time.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every eviction: a look-up that started before one must not store what it read. */
  private generation = 0;

  constructor(
    private readonly ttlMs = CREDENTIAL_TTL_MS,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** The cached actor for `key`, or what `load` finds (remembered when it found one). */
  async lookup(key: string, load: () => Promise<Actor | null>): Promise<{ actor: Actor | null; cached: boolean }> {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.until > Date.now()) {
      this.entries.set(key, hit); // most recently used last: Map keeps insertion order
      return { actor: { ...hit.actor }, cached: true };
    }
    const generation = this.generation;
    const actor = await load();
    if (actor && generation === this.generation) {
      this.entries.set(key, { actor: { ...actor }, until: Date.now() + this.ttlMs });
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    return { actor, cached: false };
  }

  /** Drops every cached credential of a member. */
  forgetMember(memberId: number): void {
    this.generation++;
    for (const [key, entry] of this.entries) if (entry.actor.id === memberId) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The caches in this process, by the database handle their app reads credentials through. */
const caches = new WeakMap<Db, Set<CredentialCache>>();

/** Makes `cache` hear revocations written through `db`; returns the function that stops it. */
export function attachCredentialCache(db: Db, cache: CredentialCache): () => void {
  const set = caches.get(db) ?? new Set<CredentialCache>();
  set.add(cache);
  caches.set(db, set);
  return () => set.delete(cache);
}

/**
 * Every path that ends or changes a member's credentials calls this (sign-out, sign-out everywhere,
 * password change and reset, token revocation, suspension and reinstatement, role change), so the change
 * holds for the very next request in this process. Inside a transaction the caches are emptied again once
 * it commits: a request that read the old row in between must not keep it.
 */
export function credentialsRevoked(db: DbOrTx, memberId: number): void {
  const scope = transactionScope(db as Tx);
  const root = scope?.db ?? (db as Db);
  const forget = () => {
    for (const cache of caches.get(root) ?? []) cache.forgetMember(memberId);
  };
  forget();
  scope?.onCommit(forget);
}
