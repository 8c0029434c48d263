import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, rows } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { inTransaction } from '../db/transaction.ts';
import { engines, openTestDatabase } from '../test/engines.ts';
import { retryDelayMs } from './backoff.ts';
import { enqueueJob, wakeJobsOn } from './enqueue.ts';
import { JobQueue, PermanentJobError } from './queue.ts';
import { runJobs } from './runner.ts';
import { isoWeek, Scheduler, schedule } from './schedule.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface JobRow {
  id: number;
  status: string;
  attempts: number;
  last_error: string | null;
}
const jobRows = (db: Database['db'], kind: string) =>
  rows<JobRow>(db, sql`SELECT id::int, status, attempts, last_error FROM jobs WHERE kind = ${kind} ORDER BY id`);
/** Makes every queued job due now, standing in for the wait its backoff set. */
const dueNow = (db: Database['db']) => db.execute(sql`UPDATE jobs SET run_at = now() WHERE status = 'queued'`);

describe('retry backoff', () => {
  it('doubles from the base up to the cap, half of it random', () => {
    const b = { baseMs: 1_000, maxMs: 60_000 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, b, 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, b, 0.999_999))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(30, b, 0.5)).toBe(45_000);
  });
});

describe('ISO weeks', () => {
  it('names the week by the year of its Thursday, in UTC', () => {
    expect(isoWeek(new Date('2026-12-24T12:00:00Z'))).toBe('2026-W52');
    expect(isoWeek(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2021-01-03T23:59:59Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(isoWeek(new Date('2026-01-05T00:00:00Z'))).toBe('2026-W02');
  });
});

for (const engine of engines()) {
  describe(`job queue [${engine}]`, () => {
    let opened: Awaited<ReturnType<typeof openTestDatabase>>;
    let db: Database['db'];
    beforeAll(async () => {
      opened = await openTestDatabase(engine);
      db = opened.database.db;
      await migrate(db);
    }, 120_000);
    afterAll(() => opened.drop());

    it('writes a job only when its transaction commits, and wakes the worker after commit', async () => {
      const ran: string[] = [];
      const queue = new JobQueue(db, { log: quiet }).register('invitations.expire', ({ slot }) => {
        ran.push(slot);
      });
      let woken = 0;
      const stop = wakeJobsOn(db, { wake: () => void (woken++, queue.kick()) });
      try {
        await expect(
          inTransaction(db, async (tx) => {
            await enqueueJob(tx, 'invitations.expire', { slot: 'rolled-back' });
            throw new Error('no');
          }),
        ).rejects.toThrow('no');
        expect(woken).toBe(0);
        await inTransaction(db, async (tx) => {
          await enqueueJob(tx, 'invitations.expire', { slot: 'committed' });
          // Not before commit: the worker could not see the row yet.
          expect(woken).toBe(0);
        });
        expect(woken).toBe(1);
        await queue.kick();
        expect(ran).toEqual(['committed']);
        expect((await jobRows(db, 'invitations.expire')).map((j) => [j.status, j.attempts])).toEqual([['done', 1]]);
      } finally {
        stop();
      }
    });

    it('enqueues once per unique key, whatever became of the first', async () => {
      const first = await enqueueJob(db, 'restrictions.expire', { slot: 'k' }, { uniqueKey: 'k' });
      expect(first).toBeGreaterThan(0);
      const queue = new JobQueue(db, { log: quiet }).register('restrictions.expire', () => undefined);
      await queue.kick();
      expect(await enqueueJob(db, 'restrictions.expire', { slot: 'k' }, { uniqueKey: 'k' })).toBeNull();
      // The key is per kind: another kind may use it.
      expect(await enqueueJob(db, 'clusters.scan', { slot: 'k' }, { uniqueKey: 'k' })).toBeGreaterThan(0);
      expect(await jobRows(db, 'restrictions.expire')).toHaveLength(1);
      await db.execute(sql`DELETE FROM jobs WHERE kind = 'clusters.scan'`);
    });

    it('retries a failing job with backoff, then keeps it dead with its last error', async () => {
      let calls = 0;
      const queue = new JobQueue(db, { log: quiet }).register('clusters.scan', (_payload, job) => {
        calls++;
        expect(job.lastAttempt).toBe(job.attempt === 3);
        throw new Error(`smtp down (${job.attempt})`);
      });
      const id = (await enqueueJob(db, 'clusters.scan', { slot: 'x' }, { maxAttempts: 3 }))!;
      await queue.kick();
      const [afterOne] = await rows<{ status: string; attempts: number; wait: number }>(
        db,
        sql`SELECT status, attempts, extract(epoch FROM run_at - updated_at)::float8 AS wait FROM jobs WHERE id = ${id}`,
      );
      // Not again at once: the first retry waits between 15 and 30 s (half of it random).
      expect(afterOne).toMatchObject({ status: 'queued', attempts: 1 });
      expect(afterOne!.wait).toBeGreaterThanOrEqual(14.9);
      expect(afterOne!.wait).toBeLessThanOrEqual(30.1);
      await queue.kick();
      expect(calls).toBe(1);
      for (let i = 0; i < 3; i++) {
        await dueNow(db);
        await queue.kick();
      }
      expect(calls).toBe(3);
      expect((await jobRows(db, 'clusters.scan')).map((j) => [j.status, j.attempts, j.last_error])).toEqual([['dead', 3, 'smtp down (3)']]);
      await db.execute(sql`DELETE FROM jobs WHERE kind = 'clusters.scan'`);
    });

    it('makes a job dead at once when its handler says it can never work', async () => {
      const queue = new JobQueue(db, { log: quiet }).register('jobs.prune', () => {
        throw new PermanentJobError('no such thing');
      });
      await enqueueJob(db, 'jobs.prune', { slot: 'p' }, { maxAttempts: 5 });
      await queue.kick();
      expect((await jobRows(db, 'jobs.prune')).map((j) => [j.status, j.attempts])).toEqual([['dead', 1]]);
      await db.execute(sql`DELETE FROM jobs WHERE kind = 'jobs.prune'`);
    });

    it('puts back a job whose worker stopped mid-run, and a worker that lost its lease cannot finish it', async () => {
      let release!: () => void;
      const stuck = new JobQueue(db, { log: quiet }).register('digest.schedule', () => new Promise<void>((resolve) => (release = resolve)));
      const id = (await enqueueJob(db, 'digest.schedule', { week: '2026-W52' }))!;
      const stuckRun = stuck.kick();
      await expect.poll(async () => (await jobRows(db, 'digest.schedule'))[0]?.status).toBe('running');
      // Its lease runs out (the worker died, or hangs).
      await db.execute(sql`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = ${id}`);
      const ran: string[] = [];
      const rescuer = new JobQueue(db, { log: quiet }).register('digest.schedule', ({ week }) => {
        ran.push(week);
      });
      expect(await rescuer.sweepExpiredLeases()).toBe(1);
      await rescuer.kick();
      expect(ran).toEqual(['2026-W52']);
      // The first worker wakes up and finishes: the job stays as the rescuer left it.
      release();
      await stuckRun;
      const [row] = await jobRows(db, 'digest.schedule');
      expect(row).toMatchObject({ status: 'done', attempts: 2 });
      await db.execute(sql`DELETE FROM jobs WHERE kind = 'digest.schedule'`);
    });

    it('schedules each slot once, however many processes tick', async () => {
      const every = [schedule({ kind: 'invitations.expire', every: 'hour', payload: (slot) => ({ slot }) })];
      const a = new Scheduler(db, every);
      const b = new Scheduler(db, every);
      const at = new Date('2026-12-24T13:20:00Z');
      expect(await a.tick(at)).toEqual(['invitations.expire']);
      expect(await a.tick(new Date('2026-12-24T13:59:00Z'))).toEqual([]);
      expect(await b.tick(at)).toEqual([]);
      expect(await b.tick(new Date('2026-12-24T14:00:00Z'))).toEqual(['invitations.expire']);
      const keys = await rows<{ unique_key: string }>(db, sql`SELECT unique_key FROM jobs WHERE kind = 'invitations.expire' AND unique_key IS NOT NULL ORDER BY id`);
      expect(keys.map((k) => k.unique_key)).toEqual(['2026-12-24T13', '2026-12-24T14']);
    });

    if (engine === 'postgres') {
      it('wakes the worker of another process through NOTIFY when the job commits', async () => {
        const other = await openDatabase(opened.config);
        const ran: string[] = [];
        const queue = new JobQueue(other.db, { log: quiet }).register('jobs.prune', ({ slot }) => {
          ran.push(slot);
        });
        // Its timer would not tick for an hour: only the announcement can wake it.
        const runner = runJobs(queue, other, new Scheduler(other.db, []), quiet, 3_600_000);
        const stop = wakeJobsOn(db, { channel: opened.database.jobs!.channel });
        try {
          // Time for its listener to connect (one it missed would be picked up when it connects, not by the timer).
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          await inTransaction(db, (tx) => enqueueJob(tx, 'jobs.prune', { slot: 'announced' }));
          await expect.poll(() => ran, { timeout: 5_000 }).toEqual(['announced']);
        } finally {
          stop();
          await runner.stop();
          await other.close();
        }
      });

      it('leaves jobs to the processes that run them when one has JOBS=off', async () => {
        const web = await openDatabase(opened.config);
        const ran: string[] = [];
        // The process that serves requests only: it has the handlers (the app registers them all) but is idle.
        const idle = new JobQueue(web.db, { log: quiet, idle: true }).register('jobs.prune', ({ slot }) => {
          ran.push(`idle:${slot}`);
        });
        const worker = new JobQueue(db, { log: quiet }).register('jobs.prune', ({ slot }) => {
          ran.push(`worker:${slot}`);
        });
        try {
          await enqueueJob(web.db, 'jobs.prune', { slot: 'from-the-web-process' });
          await idle.kick();
          expect(ran).toEqual([]);
          expect((await jobRows(db, 'jobs.prune')).filter((j) => j.status === 'queued')).toHaveLength(1);
          await worker.kick();
          expect(ran).toEqual(['worker:from-the-web-process']);
        } finally {
          await idle.stop();
          await worker.stop();
          await web.close();
        }
      });

      it('never runs a job twice when two processes work one PostgreSQL database', async () => {
        // A second process: its own pool on the same schema, its own worker.
        const other = await openDatabase(opened.config);
        try {
          await db.execute(sql`CREATE TABLE job_runs (job_id bigint NOT NULL, worker text NOT NULL)`);
          const ids: number[] = [];
          for (let i = 0; i < 200; i++) ids.push((await enqueueJob(db, 'digest.send', { memberId: i + 1, week: '2026-W52' }))!);
          const worker = (database: Database, name: string) =>
            new JobQueue(database.db, { log: quiet, concurrency: 3 }).register('digest.send', async (_payload, job) => {
              await database.db.execute(sql`INSERT INTO job_runs VALUES (${job.id}, ${name})`);
              // A little work, so the two workers overlap.
              await new Promise((resolve) => setTimeout(resolve, 2));
            });
          const a = worker(opened.database, 'a');
          const b = worker(other, 'b');
          await Promise.all([a.kick(), b.kick(), a.kick(), b.kick()]);
          const runs = await rows<{ job_id: string; worker: string }>(db, sql`SELECT job_id, worker FROM job_runs`);
          expect(runs).toHaveLength(200);
          expect(new Set(runs.map((r) => Number(r.job_id)))).toEqual(new Set(ids));
          expect(new Set(runs.map((r) => r.worker))).toEqual(new Set(['a', 'b']));
          expect((await jobRows(db, 'digest.send')).every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
        } finally {
          await other.close();
        }
      });
    }
  });
}
