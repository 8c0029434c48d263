import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rows } from '../../db/connection.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { TestSmtpServer } from '../../test/smtp.ts';

// An SMTP server that is down while the emails are first tried, and back up for the retry.
let port = 0;
let smtpUrl = '';
let smtp: TestSmtpServer | null = null;
beforeAll(async () => {
  const probe = new TestSmtpServer();
  smtpUrl = await probe.start();
  port = Number(new URL(smtpUrl).port);
  await probe.stop();
});

interface DeadJobView {
  id: number;
  kind: string;
  payload: { emailId?: number };
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  failedAt: string;
}

describeEachEngine(
  'the job queue on the admin page',
  (get) => {
    let operator: Member;
    let member: Member;
    const dueNow = () => get().database.db.execute(sql`UPDATE jobs SET run_at = now() WHERE status = 'queued'`);
    // Down again for the next engine's suite, which uses the same port.
    afterAll(async () => {
      await smtp?.stop();
      smtp = null;
    });
    const deadJobs = async () => (await operator.call('GET', '/api/v1/admin/jobs/dead')).json<{ items: DeadJobView[] }>().items;

    beforeAll(async () => {
      operator = await signUp(get().app, 'Queue Operator');
      // Two sign-ups whose confirmation emails cannot go out: every attempt fails until the jobs are dead.
      member = await signUp(get().app, 'Queue Member');
      await signUp(get().app, 'Queue Bystander');
      for (let attempt = 0; attempt < 8; attempt++) {
        await get().app.ctx.jobs.kick();
        await dueNow();
      }
    });

    it('counts jobs per status and lists the dead ones with their last error', async () => {
      const counts = (await operator.call('GET', '/api/v1/admin/jobs')).json();
      expect(counts.total).toMatchObject({ dead: 3, queued: 0, running: 0 });
      expect(counts.kinds).toContainEqual({ kind: 'email.send', queued: 0, running: 0, done: 0, dead: 3 });
      const dead = await deadJobs();
      expect(dead).toHaveLength(3);
      expect(dead[0]).toMatchObject({ kind: 'email.send', attempts: 8, maxAttempts: 8 });
      expect(dead[0]!.lastError).toMatch(/ECONNREFUSED|connect/i);
      // The outbox says the same.
      const failed = await rows<{ status: string }>(get().database.db, sql`SELECT status FROM email_outbox`);
      expect(failed.every((e) => e.status === 'failed')).toBe(true);
      // Pages by cursor.
      const first = (await operator.call('GET', '/api/v1/admin/jobs/dead?limit=2')).json<{ items: DeadJobView[]; nextCursor: string }>();
      const second = (await operator.call('GET', `/api/v1/admin/jobs/dead?limit=2&cursor=${first.nextCursor}`)).json<{ items: DeadJobView[]; nextCursor: null }>();
      expect([...first.items, ...second.items].map((j) => j.id)).toEqual(dead.map((j) => j.id));
      expect(second.nextCursor).toBeNull();
    });

    it('retries a dead job once the cause is fixed, and discards another, both audited', async () => {
      const { app } = get();
      smtp = new TestSmtpServer();
      await smtp.start(port);
      const [toRetry, toDiscard] = await deadJobs();
      const retried = await operator.call('POST', `/api/v1/admin/jobs/${toRetry!.id}/retry`);
      expect(retried.json()).toEqual({ id: toRetry!.id, status: 'queued' });
      await app.ctx.jobs.kick();
      const [email] = await rows<{ to_address: string; status: string }>(get().database.db, sql`SELECT to_address, status FROM email_outbox WHERE id = ${toRetry!.payload.emailId!}`);
      expect(email!.status).toBe('sent');
      await smtp.waitFor(email!.to_address, /Confirm your email address/);

      expect((await operator.call('POST', `/api/v1/admin/jobs/${toDiscard!.id}/discard`)).json()).toEqual({ id: toDiscard!.id, status: 'discarded' });
      expect((await deadJobs()).map((j) => j.id)).not.toContain(toDiscard!.id);
      const counts = (await operator.call('GET', '/api/v1/admin/jobs')).json();
      expect(counts.total).toMatchObject({ dead: 1, done: 1 });

      const audit = (await operator.call('GET', '/api/v1/admin/audit?action=job.')).json<{ items: { action: string; subjectId: string; data: Record<string, unknown> }[] }>().items;
      expect(audit.map((a) => [a.action, a.subjectId])).toEqual([
        ['job.discard', String(toDiscard!.id)],
        ['job.retry', String(toRetry!.id)],
      ]);
      expect(audit[0]!.data).toMatchObject({ kind: 'email.send', attempts: 8 });
    });

    it('answers 404 for no such job and 409 for one that is not dead, and refuses members', async () => {
      const missing = await operator.call('POST', '/api/v1/admin/jobs/987654/retry');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('not_found');
      const [done] = await rows<{ id: string }>(get().database.db, sql`SELECT id FROM jobs WHERE status = 'done' LIMIT 1`);
      for (const action of ['retry', 'discard']) {
        const res = await operator.call('POST', `/api/v1/admin/jobs/${done!.id}/${action}`);
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('job_not_dead');
      }
      expect((await operator.call('POST', '/api/v1/admin/jobs/0/retry')).statusCode).toBe(400);
      expect((await operator.call('POST', '/api/v1/admin/jobs/1e3/retry')).statusCode).toBe(400);
      for (const [method, url] of [
        ['GET', '/api/v1/admin/jobs'],
        ['GET', '/api/v1/admin/jobs/dead'],
        ['POST', `/api/v1/admin/jobs/${done!.id}/retry`],
        ['POST', '/api/v1/admin/jobs/digest'],
      ] as const) {
        const res = await member.call(method, url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().code).toBe('forbidden');
      }
    });
  },
  () => ({ smtpUrl }),
);
