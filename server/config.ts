import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

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
  RAPPORT_DATA_DIR: z.string().default('./data'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Rapport <no-reply@rapport.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  VACUUM_INTERVAL_MINUTES: z.coerce.number().min(0).default(60),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  SESSION_DAYS: z.coerce.number().int().min(1).default(30),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(17),
  MAX_CONNECTIONS: z.coerce.number().int().min(1).default(30_000),
  MAX_PENDING_INVITATIONS: z.coerce.number().int().min(1).default(1_000),
  REINVITE_WAIT_DAYS: z.coerce.number().min(0).default(21),
  INVITATION_EXPIRY_DAYS: z.coerce.number().min(1).default(182),
  GRAPH_SNAPSHOT_MINUTES: z.coerce.number().min(0).default(60),
  GRAPH_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; schema?: string };
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: string;
  cookieSecure: boolean;
  vacuumIntervalMs: number;
  login: { maxAttempts: number; windowMs: number };
  sessionMaxAgeMs: number;
  scryptLogN: number;
  /** Believe X-Forwarded-For: only behind a proxy that sets it, or clients could dodge the sign-in throttle. */
  trustProxy: boolean;
  webDistDir: string;
  network: NetworkLimits;
  graphSnapshot: GraphSnapshotConfig;
  /** Worker threads answering heavy graph queries over the shared index; 0 answers every query on the event loop. */
  graphWorkers: number;
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
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: resolve(e.RAPPORT_DATA_DIR) },
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? publicUrl.startsWith('https:') : e.COOKIE_SECURE === 'true',
    vacuumIntervalMs: e.VACUUM_INTERVAL_MINUTES * 60_000,
    login: { maxAttempts: e.LOGIN_MAX_ATTEMPTS, windowMs: e.LOGIN_WINDOW_SECONDS * 1000 },
    sessionMaxAgeMs: e.SESSION_DAYS * 86_400_000,
    scryptLogN: e.SCRYPT_LOG_N,
    trustProxy: e.TRUST_PROXY === 'true',
    webDistDir: resolve('dist/web'),
    network: {
      maxConnections: e.MAX_CONNECTIONS,
      maxPendingSent: e.MAX_PENDING_INVITATIONS,
      reinviteWaitMs: e.REINVITE_WAIT_DAYS * 86_400_000,
      invitationExpiryMs: e.INVITATION_EXPIRY_DAYS * 86_400_000,
    },
    graphSnapshot: {
      path: join(resolve(e.RAPPORT_DATA_DIR), 'graph.snapshot'),
      intervalMs: e.GRAPH_SNAPSHOT_MINUTES * 60_000,
      everyChanges: 100_000,
    },
    // One core stays with the event loop (HTTP, SQL); the rest answer graph queries.
    graphWorkers: e.GRAPH_WORKERS ?? Math.max(1, availableParallelism() - 1),
  };
}

/** A configuration for tests: in-memory PGlite, quiet logs, no SMTP unless given. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', VACUUM_INTERVAL_MINUTES: '0', SCRYPT_LOG_N: '12' }),
    database: { kind: 'pglite', dataDir: null },
    graphSnapshot: { path: null, intervalMs: 0, everyChanges: 100_000 },
    graphWorkers: 0,
    ...overrides,
  };
}
