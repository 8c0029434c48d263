import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Config, loadConfig, testConfig } from '../../server/config.ts';
import { type Database, openDatabase } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import { intOption, parseOptions } from '../../scripts/lib/args.ts';
import { UsageError } from '../../scripts/lib/database.ts';

export interface SimOptions {
  members: number;
  seed: number;
  /** Simulated weeks; week 0 is honest-only warm-up, the adversaries act from week 1. */
  weeks: number;
  /** PostgreSQL server URL, or null for in-process PGlite. */
  pgUrl: string | null;
  /** Write bench/results/abuse-<date>.json (off for quick iterations with --no-write). */
  write: boolean;
  /** Write the JSON to this file instead (for comparing runs without touching bench/results). */
  out: string | null;
  quiet: boolean;
}

export const usage = `Usage: npm run bench:abuse -- [--members 5000] [--seed 7] [--weeks 4] [--pg | --pg-url URL] [--no-write | --out FILE]

Simulates a community of honest members and four kinds of adversaries acting through the API (app.inject),
then reports how many adversary invitations reached an inbox, how many honest members were restricted,
and how long each adversary took to detect. --pg runs on PostgreSQL (--pg-url, else DATABASE_URL) in a
throwaway schema; otherwise in-process PGlite. --out FILE writes the JSON there instead of bench/results.`;

/** Parses the command line. */
export function parseSimOptions(args: string[]): SimOptions | null {
  const { values } = parseOptions({
    args,
    options: {
      members: { type: 'string' },
      seed: { type: 'string' },
      weeks: { type: 'string' },
      pg: { type: 'boolean' },
      'pg-url': { type: 'string' },
      'no-write': { type: 'boolean' },
      out: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  // A server when asked for (--pg-url, or --pg with DATABASE_URL) or when DATABASE_URL is configured.
  const configured = loadConfig().database;
  const fromEnv = configured.kind === 'postgres' ? configured.url : null;
  const pgUrl = values['pg-url'] ?? (values.pg || fromEnv ? fromEnv : null);
  if (values.pg && !pgUrl) throw new UsageError('--pg needs DATABASE_URL (or use --pg-url URL)');
  const members = intOption(values.members, 'members', 5000);
  if (members < 200) throw new UsageError('--members must be at least 200');
  return {
    members,
    seed: intOption(values.seed, 'seed', 7),
    weeks: Math.max(2, intOption(values.weeks, 'weeks', 4)),
    pgUrl,
    write: !values['no-write'] && !values.out,
    out: values.out ?? null,
    quiet: Boolean(values.quiet),
  };
}

export interface SimDatabase {
  config: Config;
  database: Database;
  close(): Promise<void>;
}

/**
 * Per-minute rate limits count wall-clock minutes, and the simulation lives a day in seconds, so they
 * would fire on everyone; a real adversary paces itself under them. They are off here (as in tests), and
 * what is measured is screening: allowances, risk, policies and registration checks.
 */
const SIM_OVERRIDES = {
  graphWorkers: 0,
  rateLimit: { perMinute: 1_000_000_000, writesPerMinute: 1_000_000_000 },
  // Sessions of members who sign up during the run must outlive it in simulated time.
  sessionMaxAgeMs: 10 * 365 * 86_400_000,
};

/**
 * An isolated, migrated database: in-memory PGlite, or a fresh schema on a PostgreSQL server that is
 * dropped afterwards. The app runs with graph queries on the event loop (one process, two shared cores).
 */
export async function openSimDatabase(options: SimOptions): Promise<SimDatabase> {
  if (!options.pgUrl) {
    const config = testConfig(SIM_OVERRIDES);
    const database = await openDatabase(config);
    await migrate(database.db);
    return { config, database, close: () => database.close() };
  }
  const url = options.pgUrl;
  const schema = `abuse_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const config = testConfig({ ...SIM_OVERRIDES, database: { kind: 'postgres', url, schema } });
  const database = await openDatabase(config);
  await migrate(database.db);
  return {
    config,
    database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
