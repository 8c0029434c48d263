import { sql } from 'drizzle-orm';
import { discardJob, retryJob, runDigestNow } from '../../server/commands/jobs.ts';
import { type Database, rows } from '../../server/db/connection.ts';
import { inTransaction } from '../../server/db/transaction.ts';
import { AppError } from '../../server/errors.ts';
import { wakeJobsOn } from '../../server/jobs/enqueue.ts';
import { countJobs, deadJobs } from '../../server/queries/jobs.ts';
import { describeDatabase, openConfiguredDatabase, UsageError } from '../lib/database.ts';
import type { Command } from './types.ts';

const usage = `Usage: rapport jobs [status|retry <id>|discard <id>|digest]

The background job queue (docs/operations.md, "Job queue"), in the server's database:
  status         how many jobs are queued, running, done and dead, per kind, and the dead ones with their last error
  retry <id>     put a dead job back in the queue with a new set of attempts (audited)
  discard <id>   delete a dead job for good (audited)
  digest         run the weekly digest's schedule now: members away for a week with no digest this week get one
A running server on the same PostgreSQL server picks up what this queues at once; with embedded PGlite, stop
the server first, and the jobs run when it starts again.`;

const idArg = (value: string | undefined): number => {
  if (!value || !/^[1-9][0-9]{0,15}$/.test(value)) throw new UsageError(`Which job? Give its id (a positive number), not "${value ?? ''}".\n\n${usage}`);
  return Number(value);
};

async function status(database: Database): Promise<number> {
  const counts = await countJobs(database.db);
  const width = Math.max(4, ...counts.kinds.map((k) => k.kind.length));
  console.log(`${'kind'.padEnd(width)}  queued  running     done  dead`);
  for (const k of [...counts.kinds, { kind: 'all', ...counts.total }]) {
    console.log(`${k.kind.padEnd(width)}  ${String(k.queued).padStart(6)}  ${String(k.running).padStart(7)}  ${String(k.done).padStart(7)}  ${String(k.dead).padStart(4)}`);
  }
  const dead = await deadJobs(database.db, { limit: 50 });
  if (dead.rows.length > 0) console.log('\nDead jobs (newest first):');
  for (const j of dead.rows) console.log(`  #${j.id} ${j.kind} ${JSON.stringify(j.payload)}: ${j.attempts}/${j.maxAttempts} attempts, failed ${j.failedAt}: ${j.lastError ?? ''}`);
  if (dead.nextCursor) console.log('  … and more: see the admin page');
  return 0;
}

/** `rapport jobs …`: the queue's counts and dead letters, and the weekly digest on demand. Usage errors exit 2. */
export const jobsCommand: Command = {
  name: 'jobs',
  summary: 'the background job queue: counts, dead jobs to retry or discard, the weekly digest now',
  usage,
  async run(args) {
    const [name = 'status', ...rest] = args;
    if (name === '--help' || name === '-h') {
      console.log(usage);
      return 0;
    }
    if (!['status', 'retry', 'discard', 'digest'].includes(name)) {
      console.error(`Unknown jobs subcommand "${name}".\n\n${usage}`);
      return 2;
    }
    let id = 0;
    try {
      if (name === 'retry' || name === 'discard') id = idArg(rest[0]);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      console.error(err.message);
      return 2;
    }
    const { config, database } = await openConfiguredDatabase();
    // On a server, what this queues wakes the running servers' workers (NOTIFY on commit).
    const stopWaking = database.jobs ? wakeJobsOn(database.db, { channel: database.jobs.channel }) : () => undefined;
    try {
      if (name === 'status') return await status(database);
      if (name === 'digest') {
        const run = await inTransaction(database.db, (tx) => runDigestNow(tx, null));
        console.log(`Queued the weekly digest for ${run.week} (job #${run.jobId}) in ${describeDatabase(config)}.`);
        return 0;
      }
      await inTransaction(database.db, (tx) => (name === 'retry' ? retryJob(tx, null, id) : discardJob(tx, null, id)));
      console.log(name === 'retry' ? `Job #${id} is queued again.` : `Job #${id} was discarded.`);
      return 0;
    } catch (err) {
      // No such job, or not a dead one: the operator's mistake, said plainly.
      if (err instanceof AppError) {
        const [row] = await rows<{ status: string }>(database.db, sql`SELECT status FROM jobs WHERE id = ${id}`);
        console.error(row ? `Job #${id} is ${row.status}, not dead: only a dead job can be retried or discarded.` : `There is no job #${id}.`);
        return 1;
      }
      throw err;
    } finally {
      stopWaking();
      await database.close();
    }
  },
};
