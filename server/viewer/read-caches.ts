import type { Db } from '../db/connection.ts';
import type { StoredEvent } from '../events/types.ts';
import type { ProfileData } from '../queries/profiles.ts';
import type { ViewerStanding } from './standing.ts';
import { Batcher } from './batcher.ts';
import { TtlCache } from './ttl-cache.ts';

/**
 * How long a cached read is trusted. Changes committed in this process evict at once (ReadCaches.apply,
 * fed by the events outbox right after commit); those made by another process over the same database
 * show once this has run out, so it is the bound on how late they take effect (as for credentials).
 */
export const READ_CACHE_TTL_MS = 1000;

/** Handles never change, so the id → handle index only has to stay bounded; past this it starts over. */
const HANDLES_KEPT = 200_000;

/**
 * A person card's record, as cached and as hydrated (hydration/person-record.ts names it PersonRecord): it is
 * defined here because hydration imports the viewer layer, not the other way round.
 */
export interface CachedPersonRecord {
  id: number;
  handle: string;
  status: 'active' | 'suspended' | 'deleted';
  name: string;
  headline: string;
  location: string;
  visibility: 'signed_in' | 'network';
  whoCanFollow: 'everyone' | 'connections';
  connectionsVisibility: 'connections' | 'only_me';
  photoEtag: string | null;
}

/** A profile asked for by handle, with the invitation that connected it to `viewerId` (null: no viewer, a refresh). */
export interface ProfileWant {
  handle: string;
  viewerId: number | null;
}

export interface ProfileFound {
  profile: ProfileData;
  originInvitationId: number | null;
}

export const profileWantKey = (w: ProfileWant) => `${w.viewerId ?? ''} ${w.handle}`;

/**
 * How the caches read many entries in one statement: the misses of the requests of one event-loop turn
 * together (viewer/batcher.ts), and the entries in use before they run out (ttl-cache.ts).
 */
export interface Loaders {
  standings: (viewerIds: number[]) => Promise<Map<number, ViewerStanding>>;
  /** Keyed by profileWantKey. */
  profiles: (wants: ProfileWant[]) => Promise<Map<string, ProfileFound>>;
  records: (memberIds: number[]) => Promise<Map<number, CachedPersonRecord>>;
}

const pairKey = (viewerId: number, otherId: number) => `${viewerId}:${otherId}`;

/**
 * The read caches of one app: what the profile route (and every card list) reads over and over about the
 * same few thousand people, so that a warm profile costs no SQL at all.
 *
 * - `standings`: a viewer's blocks and open invitations, by viewer id (viewer/standing.ts).
 * - `profiles`: a member's whole profile record, by handle: the same for every viewer, the viewer's
 *   relation to them is not in it.
 * - `records`: what a person card shows and its rules need, by member id.
 * - `origins`: the invitation that connected a pair, by "viewerId:otherId" (null when none).
 */
export class ReadCaches {
  readonly standings: TtlCache<number, ViewerStanding>;
  readonly profiles: TtlCache<string, ProfileData>;
  readonly records: TtlCache<number, CachedPersonRecord>;
  readonly origins: TtlCache<string, number | null>;
  private readonly handles = new Map<number, string>();

  readonly batches: {
    standings: Batcher<number, ViewerStanding>;
    profiles: Batcher<ProfileWant, ProfileFound>;
    records: Batcher<number, CachedPersonRecord>;
  };

  constructor(loaders: Loaders, options: { ttlMs?: number; now?: () => number } = {}) {
    const { ttlMs = READ_CACHE_TTL_MS, now = Date.now } = options;
    const byString = <V>(m: Map<number, V>) => new Map([...m].map(([k, v]) => [String(k), v]));
    this.batches = {
      standings: new Batcher(async (ids) => byString(await loaders.standings(ids)), String),
      profiles: new Batcher(loaders.profiles, profileWantKey),
      records: new Batcher(async (ids) => byString(await loaders.records(ids)), String),
    };
    const refreshProfiles = async (handles: string[]) => {
      const found = await loaders.profiles(handles.map((handle) => ({ handle, viewerId: null })));
      return new Map([...found.values()].map((f) => [f.profile.handle, f.profile]));
    };
    this.standings = new TtlCache(ttlMs, 10_000, now, loaders.standings);
    this.profiles = new TtlCache(ttlMs, 10_000, now, refreshProfiles);
    this.records = new TtlCache(ttlMs, 50_000, now, loaders.records);
    // Per pair: rarely read twice within a second, so not worth refreshing.
    this.origins = new TtlCache(ttlMs, 20_000, now);
  }

  /** A viewer's standing: cached, or read with the other viewers' misses of the moment. */
  standing(viewerId: number): Promise<ViewerStanding> {
    return this.standings.get(viewerId, async () => (await this.batches.standings.load(viewerId))!);
  }

  /** Widens (tests) or restores every cache's lifetime. */
  setTtl(ttlMs: number): void {
    for (const cache of this.all()) cache.ttlMs = ttlMs;
  }

  /** Remembers whose profile a handle is, so an event about the member evicts it. */
  noteHandle(memberId: number, handle: string): void {
    if (this.handles.size >= HANDLES_KEPT && !this.handles.has(memberId)) {
      this.handles.clear();
      this.profiles.clear();
    }
    this.handles.set(memberId, handle);
  }

  originKey(viewerId: number, otherId: number): string {
    return pairKey(viewerId, otherId);
  }

  /** Everything cached about one member as others see them. */
  forgetMember(memberId: number): void {
    const handle = this.handles.get(memberId);
    if (handle !== undefined) this.profiles.forget(handle);
    this.records.forget(memberId);
  }

  /** The standings of both ends of a change between two members, and what their pair caches. */
  forgetPair(a: number, b: number | null): void {
    this.standings.forget(a);
    if (b === null) return;
    this.standings.forget(b);
    this.origins.forget(pairKey(a, b));
    this.origins.forget(pairKey(b, a));
  }

  clear(): void {
    for (const cache of this.all()) cache.clear();
    this.handles.clear();
  }

  /**
   * What a committed event changes for the caches. Every kind that changes a cached row is here; the
   * others (follows live in the graph index; reports, sign-ups) change nothing cached.
   */
  apply(event: StoredEvent): void {
    switch (event.kind) {
      case 'profile.changed':
      case 'member.role_changed':
        this.forgetMember(event.subjectId);
        return;
      // The profile record carries its endorsements and shown recommendations: the endorsed or recommended
      // member is the subject, except when the recipient approves, hides or shows (the actor).
      case 'endorsement.added':
      case 'endorsement.removed':
        this.forgetMember(event.subjectId);
        return;
      case 'recommendation.approved':
      case 'recommendation.updated':
        this.forgetMember(event.actorId);
        return;
      case 'recommendation.requested':
      case 'recommendation.written':
        return;
      case 'member.suspended':
      case 'member.reinstated':
        this.forgetMember(event.subjectId);
        // A suspension closes the member's invitations (status 'blocked') without an invitation event.
        this.standings.clear();
        return;
      case 'member.deleted':
        // A purge removes the member's profile, their connections, invitations and blocks, and what they
        // wrote on others' profiles (endorsements, recommendations): rare enough to drop everything held.
        this.clear();
        return;
      case 'account.deletion_scheduled':
      case 'account.deletion_cancelled':
        return;
      case 'member.restricted':
      case 'member.unrestricted':
        // Holding or releasing a member's invitations changes what their recipients see as open.
        this.standings.clear();
        return;
      case 'block.added':
      case 'block.removed':
      case 'invitation.sent':
      case 'invitation.answered':
      case 'connection.made':
      case 'connection.removed':
        this.forgetPair(event.actorId, event.subjectId);
        return;
      case 'organisation.merged':
        // Positions and schools moved to another organisation: its name is in every profile that has one.
        this.profiles.clear();
        return;
      case 'follow.added':
      case 'follow.removed':
      case 'member.joined':
      case 'report.filed':
      case 'message.sent':
      case 'conversation.accepted':
      case 'conversation.updated':
        return;
      // Posts, comments and reactions are read fresh: nothing of them is cached.
      case 'post.created':
      case 'post.edited':
      case 'post.deleted':
      case 'comment.added':
      case 'comment.edited':
      case 'comment.deleted':
      case 'reaction.set':
      case 'reaction.removed':
      case 'content.removed':
        return;
    }
  }

  private all(): TtlCache<unknown, unknown>[] {
    return [this.standings, this.profiles, this.records, this.origins] as TtlCache<unknown, unknown>[];
  }
}

/** The caches in this process, by the database handle their app reads through. */
const attached = new WeakMap<Db, ReadCaches>();

/** Makes reads through `db` (not through a transaction) use `caches`; returns the function that stops it. */
export function attachReadCaches(db: Db, caches: ReadCaches): () => void {
  attached.set(db, caches);
  return () => {
    if (attached.get(db) === caches) attached.delete(db);
  };
}

/** The read caches of the app reading through `db`; none inside a transaction, which must read the rows. */
export function readCachesOf(db: unknown): ReadCaches | undefined {
  return typeof db === 'object' && db !== null ? attached.get(db as Db) : undefined;
}
