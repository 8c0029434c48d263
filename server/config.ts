import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from '../common/locales.ts';
import { type DatabaseTimeouts, parseReplicaUrls, parseTrustProxy, replicaCheckIntervalMs, type TrustProxy } from './config-values.ts';
import type { GraphSnapshotConfig, ImportConfig, LinkPreviewConfig, MetricsConfig, NetworkLimits, RateLimitStoreConfig, ReplicaConfig, ScreeningConfig } from './config-sections.ts';

export type { GraphSnapshotConfig, ImportConfig, LinkPreviewConfig, MetricsConfig, NetworkLimits, RateLimitStoreConfig, ReplicaConfig, ScreeningConfig } from './config-sections.ts';
export type { DatabaseTimeouts, TrustProxy } from './config-values.ts';

/**
 * The only reader of process.env. Everything else receives a typed Config, so tests can build an app
 * with any configuration without touching the environment.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_REPLICA_URLS: z.string().optional().transform(parseReplicaUrls),
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(100).default(3000),
  READ_YOUR_WRITES_MS: z.coerce.number().int().min(0).optional(),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  RAPPORT_DATA_DIR: z.string().default('./data'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Rapport <no-reply@rapport.local>'),
  DEFAULT_LOCALE: z.enum(LOCALES).default('en'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  VACUUM_INTERVAL_MINUTES: z.coerce.number().min(0).default(60),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  SESSION_DAYS: z.coerce.number().int().min(1).default(30),
  TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
  SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(17),
  MAX_CONNECTIONS: z.coerce.number().int().min(1).default(30_000),
  MAX_PENDING_INVITATIONS: z.coerce.number().int().min(1).default(1_000),
  WEEKLY_INVITATIONS_NEW: z.coerce.number().int().min(0).default(20),
  WEEKLY_INVITATIONS_ESTABLISHED: z.coerce.number().int().min(0).default(100),
  WEEKLY_INTRODUCTIONS_NEW: z.coerce.number().int().min(0).default(5),
  WEEKLY_INTRODUCTIONS_ESTABLISHED: z.coerce.number().int().min(0).default(15),
  INTRODUCTION_EXPIRY_DAYS: z.coerce.number().min(1).default(30),
  INTRODUCTION_REMINDER_DAYS: z.coerce.number().min(1).default(7),
  /** Days between a member asking to delete their account and its purge (cancellable until then). */
  ACCOUNT_DELETION_GRACE_DAYS: z.coerce.number().min(0).max(365).default(14),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
  AUTH_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  SIGNUP_EXISTING_PER_ADDRESS: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_STORE: z.enum(['memory', 'postgres', 'redis'], { message: 'must be memory, postgres or redis' }).optional(),
  REDIS_URL: z
    .string()
    .url()
    .refine((url) => /^rediss?:\/\//.test(url), 'must be a redis:// or rediss:// URL')
    .optional(),
  REINVITE_WAIT_DAYS: z.coerce.number().min(0).default(21),
  INVITATION_EXPIRY_DAYS: z.coerce.number().min(1).default(182),
  GRAPH_SNAPSHOT_MINUTES: z.coerce.number().min(0).default(60),
  GRAPH_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  JOBS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  SIGNUP_IP_BURST: z.coerce.number().int().min(2).default(3),
  SIGNUP_SUBNET_BURST: z.coerce.number().int().min(2).default(5),
  SIGNUP_CLUSTER_MIN: z.coerce.number().int().min(2).default(5),
  LINK_PREVIEW_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  IMPORT_MAX_MB: z.coerce.number().min(1).default(200),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(100_000),
  METRICS_TOKEN: z.string().min(24, 'use at least 24 characters (e.g. `openssl rand -hex 24`)').optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  BACKUP_DIR: z.string().optional(),
  BACKUP_KEEP: z.coerce.number().int().min(0).default(7),
}).superRefine((e, ctx) => {
  if (e.RATE_LIMIT_STORE === 'redis' && !e.REDIS_URL) {
    ctx.addIssue({ code: 'custom', path: ['RATE_LIMIT_STORE'], message: 'redis needs REDIS_URL (redis://host:6379)' });
  }
  if (e.JOBS === 'off' && !e.DATABASE_URL) {
    ctx.addIssue({ code: 'custom', path: ['JOBS'], message: 'off needs DATABASE_URL: the embedded database allows one process, so its jobs would never run' });
  }
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  database:
    | {
        kind: 'pglite';
        dataDir: string | null;
        /**
         * In memory only: a tarball of a cluster to start from instead of running initdb again. Tests set
         * it (server/test/global-setup.ts): initdb costs seconds per file. It is either freshly initialised
         * and empty, or (for suites that do not test migrations) already migrated, which start-up's
         * migrate() then finds up to date.
         */
        blankCluster?: string;
      }
    | {
        kind: 'postgres';
        url: string;
        schema?: string;
        replicas?: ReplicaConfig;
        timeouts?: DatabaseTimeouts;
        /** Connections of the requests' pool (DATABASE_POOL_MAX, default 10); the background pool keeps 4. */
        poolMax?: number;
      };
  smtpUrl: string | null;
  mailFrom: string;
  /** The community's language: for visitors and members whose browser asks for none Rapport ships, and for emails to members who chose none. */
  defaultLocale: Locale;
  logLevel: string;
  cookieSecure: boolean;
  vacuumIntervalMs: number;
  login: { maxAttempts: number; windowMs: number };
  sessionMaxAgeMs: number;
  scryptLogN: number;
  /**
   * Which X-Forwarded-For entries to believe: none (false), the last N hops (one per proxy in front), or
   * those added by the listed proxy addresses. Believing more would let a client choose its own address and
   * dodge the sign-in throttle, rate limits and sign-up burst detection.
   */
  trustProxy: TrustProxy;
  webDistDir: string;
  network: NetworkLimits;
  graphSnapshot: GraphSnapshotConfig;
  /** Where members' exports are written (RAPPORT_DATA_DIR/exports; a temporary directory in tests). */
  exportsDir: string;
  /** Worker threads answering heavy graph queries over the shared index; 0 answers every query on the event loop. */
  graphWorkers: number;
  /**
   * Whether this process runs the job queue (JOBS, default on). Off, it still enqueues jobs but runs none, so
   * the daily scans over the whole community (the garden baseline, community structure, learned suggestions)
   * run on the processes left on, not beside the requests of one that serves members.
   */
  runJobs: boolean;
  screening: ScreeningConfig;
  /** Requests per member (or per address when signed out) per minute: all API routes, and each write route that a script could flood. */
  rateLimit: { perMinute: number; writesPerMinute: number };
  /**
   * Where the rate limits' counters live (server/http/rate-limit-store.ts; docs/operations.md, "Which counters
   * live where"): this process's memory, a table on the database, or Redis. Several processes must share one,
   * or each would grant a client the whole budget again.
   */
  rateLimitStore: RateLimitStoreConfig;
  /**
   * Budgets per client address checked before authentication, in the rate limits' store (server/http/rate-limit.ts):
   * API requests a minute, and credentials (session cookies, bearer tokens) that failed to match within
   * failedCredentialsWindowMs; past either, 429 without a database look-up.
   */
  preAuth: { perMinute: number; failedCredentials: number; failedCredentialsWindowMs: number };
  /**
   * Sign-ups refused because the email address already has an account, per client address and per
   * subnet within windowMs; past either, every sign-up from there gets 429 (server/routes/auth/signup.ts).
   */
  signupProbe: { perAddress: number; perSubnet: number; windowMs: number };
  /** Fetching link previews (server/previews/fetch.ts, docs/feed.md "Link previews"). */
  linkPreviews: LinkPreviewConfig;
  /** Account deletion (commands/deletion/): how long a member may cancel before their data is purged. */
  accountDeletion: { graceMs: number };
  /** Member imports (server/imports/): where uploads wait for their job, and how much a parser reads. */
  imports: ImportConfig;
  metrics: MetricsConfig;
  /**
   * The embedded database's daily backups (db/backup.ts): where they go (RAPPORT_DATA_DIR/backups unless
   * BACKUP_DIR says otherwise, ideally another disk) and how many to keep; keep 0 turns them off.
   * A PostgreSQL server is backed up with its own tools.
   */
  backups: { dir: string; keep: number };
}

/** The metrics token testConfig sets, so tests can read /metrics as a scraper would. Never used outside tests. */
export const TEST_METRICS_TOKEN = 'test-metrics-token-for-tests-only';


/**
 * Where Rapport's keys start in Redis. Communities sharing one Redis server should each use a database of
 * their own (redis://host:6379/1, /2…); tests use a prefix of their own.
 */
export const REDIS_KEY_PREFIX = 'rapport:rate-limit:';

/**
 * RATE_LIMIT_STORE, or the default: Redis when REDIS_URL is set; the database when it is a PostgreSQL
 * server, which more than one process may use; memory on embedded PGlite, which only one process can open.
 */
function rateLimitStoreOf(e: Pick<z.infer<typeof envSchema>, 'RATE_LIMIT_STORE' | 'REDIS_URL' | 'DATABASE_URL'>): RateLimitStoreConfig {
  const kind = e.RATE_LIMIT_STORE ?? (e.REDIS_URL ? 'redis' : e.DATABASE_URL ? 'postgres' : 'memory');
  if (kind !== 'redis') return { kind };
  // The schema refused redis without REDIS_URL, so it is set here.
  return { kind, url: e.REDIS_URL ?? '', prefix: REDIS_KEY_PREFIX };
}

/**
 * The replicas' settings, or the reasons they are refused. Read-your-writes defaults to the lag allowed plus
 * two seconds (5 s with the default 3 s): a replica in rotation was at most REPLICA_MAX_LAG_MS behind when last
 * measured, a second at most ago, so an author's write has reached every replica in rotation by then, with a
 * second to spare for a check that is late because the event loop was busy.
 */
function replicaConfig(e: z.infer<typeof envSchema>): { replicas?: ReplicaConfig; problems: string[] } {
  if (e.DATABASE_REPLICA_URLS.length === 0) return { problems: [] };
  if (!e.DATABASE_URL) {
    return {
      problems: [
        'DATABASE_REPLICA_URLS: needs DATABASE_URL: replicas stream from a PostgreSQL server, and the embedded database (no DATABASE_URL) has none',
      ],
    };
  }
  const maxLagMs = e.REPLICA_MAX_LAG_MS;
  const checkIntervalMs = replicaCheckIntervalMs(maxLagMs);
  const readYourWritesMs = e.READ_YOUR_WRITES_MS ?? maxLagMs + 2000;
  if (readYourWritesMs < maxLagMs + checkIntervalMs) {
    return {
      problems: [
        `READ_YOUR_WRITES_MS: must be at least REPLICA_MAX_LAG_MS plus one lag check (${maxLagMs + checkIntervalMs} ms), or a member could read a replica that does not have their write yet`,
      ],
    };
  }
  return { replicas: { urls: e.DATABASE_REPLICA_URLS, maxLagMs, checkIntervalMs, readYourWritesMs }, problems: [] };
}

export class ConfigError extends Error {}

/** Reads and validates the environment once, at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const { replicas, problems } = replicaConfig(e);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, ...(replicas ? { replicas } : {}), timeouts: { statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS, acquireMs: e.DATABASE_ACQUIRE_TIMEOUT_MS }, poolMax: e.DATABASE_POOL_MAX }
      : { kind: 'pglite', dataDir: resolve(e.RAPPORT_DATA_DIR) },
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    defaultLocale: e.DEFAULT_LOCALE,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? publicUrl.startsWith('https:') : e.COOKIE_SECURE === 'true',
    vacuumIntervalMs: e.VACUUM_INTERVAL_MINUTES * 60_000,
    login: { maxAttempts: e.LOGIN_MAX_ATTEMPTS, windowMs: e.LOGIN_WINDOW_SECONDS * 1000 },
    sessionMaxAgeMs: e.SESSION_DAYS * 86_400_000,
    scryptLogN: e.SCRYPT_LOG_N,
    trustProxy: e.TRUST_PROXY,
    webDistDir: resolve('dist/web'),
    network: {
      maxConnections: e.MAX_CONNECTIONS,
      maxPendingSent: e.MAX_PENDING_INVITATIONS,
      reinviteWaitMs: e.REINVITE_WAIT_DAYS * 86_400_000,
      invitationExpiryMs: e.INVITATION_EXPIRY_DAYS * 86_400_000,
      weeklyInvitationsNew: e.WEEKLY_INVITATIONS_NEW,
      weeklyInvitationsEstablished: e.WEEKLY_INVITATIONS_ESTABLISHED,
      weeklyIntroductionsNew: e.WEEKLY_INTRODUCTIONS_NEW,
      weeklyIntroductionsEstablished: e.WEEKLY_INTRODUCTIONS_ESTABLISHED,
      introductionExpiryMs: e.INTRODUCTION_EXPIRY_DAYS * 86_400_000,
      introductionReminderMs: e.INTRODUCTION_REMINDER_DAYS * 86_400_000,
    },
    exportsDir: join(resolve(e.RAPPORT_DATA_DIR), 'exports'),
    graphSnapshot: {
      path: join(resolve(e.RAPPORT_DATA_DIR), 'graph.snapshot'),
      intervalMs: e.GRAPH_SNAPSHOT_MINUTES * 60_000,
      everyChanges: 100_000,
    },
    // One core stays with the event loop (HTTP, SQL); the rest answer graph queries.
    graphWorkers: e.GRAPH_WORKERS ?? Math.max(1, availableParallelism() - 1),
    runJobs: e.JOBS === 'on',
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, writesPerMinute: e.RATE_LIMIT_WRITES_PER_MINUTE },
    rateLimitStore: rateLimitStoreOf(e),
    preAuth: {
      perMinute: e.RATE_LIMIT_ADDRESS_PER_MINUTE,
      failedCredentials: e.AUTH_FAILURES_PER_ADDRESS,
      failedCredentialsWindowMs: e.LOGIN_WINDOW_SECONDS * 1000,
    },
    signupProbe: { perAddress: e.SIGNUP_EXISTING_PER_ADDRESS, perSubnet: e.SIGNUP_EXISTING_PER_ADDRESS * 3, windowMs: 3_600_000 },
    linkPreviews: {
      allowPrivate: e.LINK_PREVIEW_ALLOW_PRIVATE === 'true',
      timeoutMs: 5_000,
      pageMaxBytes: 512 * 1024,
      imageMaxBytes: 5 * 1024 * 1024,
      maxRedirects: 3,
    },
    accountDeletion: { graceMs: e.ACCOUNT_DELETION_GRACE_DAYS * 86_400_000 },
    imports: {
      dir: join(resolve(e.RAPPORT_DATA_DIR), 'imports'),
      limits: {
        maxUploadBytes: Math.round(e.IMPORT_MAX_MB * 1024 * 1024),
        maxRowsPerFile: e.IMPORT_MAX_ROWS,
        // An archive may inflate to ten times the largest upload, and no entry more than 200 to 1.
        maxInflatedBytes: Math.round(e.IMPORT_MAX_MB * 1024 * 1024) * 10,
        maxInflationRatio: 200,
      },
    },
    metrics: { token: e.METRICS_TOKEN ?? null, port: e.METRICS_PORT ?? null, host: e.METRICS_HOST },
    backups: { dir: resolve(e.BACKUP_DIR ?? join(e.RAPPORT_DATA_DIR, 'backups')), keep: e.BACKUP_KEEP },
    screening: {
      ipBurst: e.SIGNUP_IP_BURST,
      ipWindowMs: 10 * 60_000,
      subnetBurst: e.SIGNUP_SUBNET_BURST,
      subnetWindowMs: 60 * 60_000,
      clusterMin: e.SIGNUP_CLUSTER_MIN,
      clusterWindowMs: 30 * 60_000,
      highRisk: 60,
      mediumRisk: 30,
      reportsToFlag: 3,
    },
  };
}

/** A configuration for tests: in-memory PGlite, quiet logs, no SMTP unless given. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', VACUUM_INTERVAL_MINUTES: '0', SCRYPT_LOG_N: '12' });
  return {
    ...base,
    database: { kind: 'pglite', dataDir: null, blankCluster: process.env.RAPPORT_TEST_BLANK_CLUSTER || undefined },
    graphSnapshot: { path: null, intervalMs: 0, everyChanges: 100_000 },
    exportsDir: join(tmpdir(), `rapport-test-exports-${process.pid}`),
    // No daily backups of test databases; the backup tests call db/backup.ts themselves.
    backups: { dir: join(tmpdir(), `rapport-test-backups-${process.pid}`), keep: 0 },
    graphWorkers: 0,
    metrics: { token: TEST_METRICS_TOKEN, port: null, host: '127.0.0.1' },
    // Tests drive hundreds of requests a second as one member from one address; the tests of these limits set their own.
    rateLimit: { perMinute: 1_000_000, writesPerMinute: 1_000_000 },
    preAuth: { perMinute: 1_000_000, failedCredentials: 1_000_000, failedCredentialsWindowMs: 900_000 },
    signupProbe: { perAddress: 1_000_000, perSubnet: 1_000_000, windowMs: 3_600_000 },
    // Each test's uploads in a directory of its own process.
    imports: { ...base.imports, dir: join(tmpdir(), `rapport-imports-${process.pid}`) },
    ...overrides,
  };
}
