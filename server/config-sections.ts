/**
 * The parts of Config (config.ts) that are a concern of their own: metrics access, replicas, imports, link
 * previews, screening, the graph snapshot, the network's limits and the rate limits' store. Types only;
 * config.ts reads the environment into them and re-exports them.
 */
import type { ImportLimits } from './imports/records.ts';

/**
 * Who may read the Prometheus metrics, which say a lot about an instance (its routes' traffic, its queues).
 * They are never public: `/metrics` on the main port answers only with the bearer token, and without one
 * configured it does not exist there. A separate listener (METRICS_PORT, on METRICS_HOST, loopback by
 * default) serves them without a token to whatever can reach that address, for a scraper beside the app.
 */
export interface MetricsConfig {
  token: string | null;
  port: number | null;
  host: string;
}

/**
 * PostgreSQL streaming replicas that take the reads which may be a few seconds stale (server/db/replicas/,
 * docs/operations.md "Read replicas"). Only with a server: the embedded database has no replicas.
 */
export interface ReplicaConfig {
  /** One connection string per replica, in DATABASE_REPLICA_URLS order; a replica's index names it in metrics and logs. */
  urls: string[];
  /** A replica further behind the primary than this leaves the rotation until it catches up. */
  maxLagMs: number;
  /** How often each replica's lag is measured. */
  checkIntervalMs: number;
  /**
   * After a member's write, their reads go to the primary for this long (read-your-writes). At least
   * maxLagMs plus one check: a replica in rotation was at most maxLagMs behind at its last check.
   */
  readYourWritesMs: number;
}

export interface ImportConfig {
  /** RAPPORT_DATA_DIR/imports: uploads streamed to disk, deleted once their import is done or failed. */
  dir: string;
  limits: ImportLimits;
}

export interface LinkPreviewConfig {
  /**
   * Fetch from loopback, private, link-local and other non-global addresses too. Off in production (the
   * SSRF rule); LINK_PREVIEW_ALLOW_PRIVATE=true is for tests that serve pages on 127.0.0.1.
   */
  allowPrivate: boolean;
  /** The whole fetch of a page (redirects included), and again of its image. */
  timeoutMs: number;
  /** Read at most this much of a page (its head is at its start); the rest is never read. */
  pageMaxBytes: number;
  /** A preview image over this is not used. */
  imageMaxBytes: number;
  maxRedirects: number;
}

/**
 * Registration-risk thresholds (server/screening/registration.ts, clusters.ts; applied by server/commands/screening). Bursts count sign-ups by
 * the client address Fastify sees, so behind a reverse proxy set TRUST_PROXY; loopback is never counted.
 */
export interface ScreeningConfig {
  /** This many sign-ups from one IP address within ipWindowMs is a burst. */
  ipBurst: number;
  ipWindowMs: number;
  /** This many from one /24 (IPv4) or /48 (IPv6) within subnetWindowMs is a burst. */
  subnetBurst: number;
  subnetWindowMs: number;
  /** This many thin, similar accounts from one subnet within clusterWindowMs form a cluster. */
  clusterMin: number;
  clusterWindowMs: number;
  /** Risk at or above highRisk holds a sign-up for review; at or above mediumRisk limits it. */
  highRisk: number;
  mediumRisk: number;
  /** Open reports against a member that put them in the moderation queue. */
  reportsToFlag: number;
}

export interface GraphSnapshotConfig {
  /** RAPPORT_DATA_DIR/graph.snapshot (on either engine); null: never read or write one. */
  path: string | null;
  /** Snapshot while running once this long has passed with changes; 0: only at shutdown. */
  intervalMs: number;
  /** …or after this many changes. */
  everyChanges: number;
}

export interface NetworkLimits {
  maxConnections: number;
  maxPendingSent: number;
  /** After withdrawing an invitation, how long before the sender may invite the same member again. */
  reinviteWaitMs: number;
  /** Pending invitations expire after this long. */
  invitationExpiryMs: number;
  /** The weekly invitation allowance before reputation, for new or thin accounts and for established ones. */
  weeklyInvitationsNew: number;
  weeklyInvitationsEstablished: number;
  /** Open introduction requests a member may start in a week, for New accounts and for established ones. */
  weeklyIntroductionsNew: number;
  weeklyIntroductionsEstablished: number;
  /** An introduction not accepted by then expires; the person whose turn it is is reminded once after introductionReminderMs. */
  introductionExpiryMs: number;
  introductionReminderMs: number;
}

/**
 * memory: one process only (embedded PGlite, whose data-directory lock allows no second one); postgres: an
 * UNLOGGED table on the database every process already shares; redis: a Redis server (REDIS_URL).
 */
export type RateLimitStoreConfig = { kind: 'memory' } | { kind: 'postgres' } | { kind: 'redis'; url: string; prefix: string };
