import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '../routes/network/network-test-helpers.ts';
import { type Member, signUp } from '../test/client.ts';
import { describeEachEngine } from '../test/engines.ts';
import { TestSmtpServer } from '../test/smtp.ts';
import { enqueueJob } from './enqueue.ts';
import { KEEP_IN_TOUCH_SCHEDULE } from './keep-in-touch.ts';

const smtp = new TestSmtpServer();
let smtpUrl = '';
beforeAll(async () => {
  smtpUrl = await smtp.start();
});
afterAll(() => smtp.stop());

describeEachEngine(
  'the weekly keep-in-touch reminder over SMTP',
  (get) => {
    const confirmed = async (name: string, locale?: 'it'): Promise<Member> => {
      const m = await signUp(get().app, name, `${name.toLowerCase().replace(/\W+/g, '-')}-${get().engine}@example.com`);
      await get().database.db.execute(sql`UPDATE members SET email_verified_at = now() WHERE id = ${m.id}`);
      if (locale) await m.call('PATCH', '/api/v1/me/profile', { locale });
      return m;
    };
    /** Runs the week's reminder job through the queue, and delivers the emails it queued. */
    const runWeek = async (week: string) => {
      await enqueueJob(get().database.db, 'relationships.remind', KEEP_IN_TOUCH_SCHEDULE.payload(week) as { week: string }, { uniqueKey: week });
      await get().app.ctx.jobs.kick();
      await get().app.ctx.email.kick();
    };

    it('emails a member whose people are due, once per due date, in their language; a message puts the person back on schedule', async () => {
      const ana = await confirmed('Ana Reminded');
      const eva = await confirmed('Eva Ricordata', 'it');
      const bo = await confirmed('Bo Due Soon');
      await connect(ana, bo);
      await connect(eva, bo);
      for (const m of [ana, eva]) expect((await m.call('PATCH', `/api/v1/members/${bo.handle}/relationship`, { cadence: 'month' })).statusCode).toBe(200);
      await get().database.db.execute(sql`UPDATE relationship_cards SET due_at = now() - interval '2 days' WHERE member_id IN (${ana.id}, ${eva.id})`);

      await runWeek('2026-W49');
      const mail = await smtp.waitFor(ana.email, /Some of your people are due a word/);
      expect(mail.text).toContain('http://localhost:3000/keep-in-touch');
      const line = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n\s+/g, ' ') ?? '';
      expect(line('list-unsubscribe')).toMatch(/kind=keep_in_touch/);
      await smtp.waitFor(eva.email, /È ora di farti sentire/);
      const bell = (await ana.call('GET', '/api/v1/notifications')).json();
      expect(bell.items.filter((n: { kind: string }) => n.kind === 'keep_in_touch')).toMatchObject([{ subject: { count: 1 } }]);

      // The next week: nothing new is due, so no second reminder for the same due date.
      const before = smtp.messages.filter((m) => JSON.stringify(m.to).includes(ana.email)).length;
      await runWeek('2026-W50');
      expect(smtp.messages.filter((m) => JSON.stringify(m.to).includes(ana.email)).length).toBe(before);

      // A message to Bo: he leaves Ana's list and is due again a month later.
      expect((await ana.call('POST', '/api/v1/conversations', { to: [bo.handle], text: 'How was the conference?' })).statusCode).toBe(201);
      expect((await ana.call('GET', '/api/v1/keep-in-touch')).json().items).toEqual([]);
      const card = (await ana.call('GET', `/api/v1/members/${bo.handle}/relationship`)).json();
      expect(Date.parse(card.dueAt) - Date.parse(card.lastInteraction.at)).toBe(30 * 86_400_000);
      // Eva wrote nothing: Bo is still on her list.
      expect((await eva.call('GET', '/api/v1/keep-in-touch')).json().items.map((p: { handle: string }) => p.handle)).toEqual([bo.handle]);
    });
  },
  () => ({ smtpUrl }),
);
