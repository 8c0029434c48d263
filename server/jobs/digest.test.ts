import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '../routes/network/network-test-helpers.ts';
import { type Member, signUp } from '../test/client.ts';
import { describeEachEngine } from '../test/engines.ts';
import { TestSmtpServer } from '../test/smtp.ts';
import { DIGEST_SCHEDULE } from './digest.ts';
import { Scheduler } from './schedule.ts';

const smtp = new TestSmtpServer();
let smtpUrl = '';
beforeAll(async () => {
  smtpUrl = await smtp.start();
});
afterAll(() => smtp.stop());

const MANUAL = { mode: 'manual', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' };
const DIGEST = /Your week on Rapport|La tua settimana su Rapport/;
const digestsTo = (m: Member) => smtp.messages.filter((mail) => JSON.stringify(mail.to).includes(m.email) && DIGEST.test(mail.subject ?? ''));

describeEachEngine(
  'weekly digest over SMTP',
  (get) => {
    let operator: Member;
    const people: Record<string, Member> = {};
    /** A member with a confirmed address (emails go to confirmed addresses only). */
    const confirmed = async (name: string): Promise<Member> => {
      const m = await signUp(get().app, name, `${name.toLowerCase().replace(/\W+/g, '-')}-${get().engine}@example.com`);
      await get().database.db.execute(sql`UPDATE members SET email_verified_at = now() WHERE id = ${m.id}`);
      return m;
    };
    const awayFor = (m: Member, days: number) => get().database.db.execute(sql`UPDATE members SET last_seen_at = now() - make_interval(days => ${days}) WHERE id = ${m.id}`);
    const runDigest = async () => {
      const res = await operator.call('POST', '/api/v1/admin/jobs/digest');
      expect(res.statusCode, res.body).toBe(202);
      await get().app.ctx.jobs.kick();
    };

    beforeAll(async () => {
      operator = await confirmed('Olga Operator');
      for (const name of ['Ana Away', 'Bo Author', 'Cy Active', 'Di Unsubscribed', 'Eva Lontana', 'Fay Inviter', 'Gus Quiet']) people[name] = await confirmed(name);
      const { 'Ana Away': ana, 'Bo Author': bo, 'Cy Active': cy, 'Di Unsubscribed': di, 'Eva Lontana': eva, 'Fay Inviter': fay, 'Gus Quiet': gus } = people as Record<string, Member>;
      // Ana, Cy, Di and Eva follow Bo (connected); Cy engages with Bo's post: the week's top post in their network.
      for (const m of [ana!, cy!, di!, eva!]) await connect(m, bo!);
      await connect(cy!, ana!);
      await eva!.call('PATCH', '/api/v1/me/profile', { locale: 'it' });
      const post = await bo!.call('POST', '/api/v1/posts', { text: 'We are hiring two engineers in Turin #jobs', visibility: 'members' });
      expect(post.statusCode, post.body).toBe(201);
      const postId = post.json<{ id: number }>().id;
      expect((await cy!.call('PUT', `/api/v1/posts/${postId}/reaction`, { kind: 'celebrate' })).statusCode).toBe(200);
      expect((await cy!.call('POST', `/api/v1/posts/${postId}/comments`, { text: 'Great news, sharing it!' })).statusCode).toBe(201);
      // An invitation waits in Ana's inbox.
      await ana!.call('PUT', '/api/v1/me/screening', MANUAL);
      expect((await fay!.call('POST', '/api/v1/invitations', { to: ana!.handle, note: 'We met at the Turin meetup' })).statusCode).toBe(201);
      // Di turns the digest off in Settings; Gus follows nobody and has no invitation.
      expect((await di!.call('PUT', '/api/v1/me/notification-settings', { email: { digest: false } })).json().email.digest).toBe(false);
      for (const m of [ana!, di!, eva!, gus!]) await awayFor(m, 8);
      await awayFor(cy!, 2);
      await get().app.ctx.jobs.kick();
    });

    it('emails a member away for a week the top post from their network and their pending invitations, with a one-click unsubscribe', async () => {
      const { app } = get();
      const ana = people['Ana Away']!;
      await runDigest();
      const mail = await smtp.waitFor(ana.email, /Your week on Rapport/);
      expect(mail.text).toContain('Top posts from your network');
      expect(mail.text).toContain('Bo Author: “We are hiring two engineers in Turin #jobs”');
      expect(mail.text).toContain('1 reaction · 1 comment');
      expect(mail.text).toMatch(/http:\/\/localhost:3000\/posts\/\d+/);
      expect(mail.text).toContain('1 invitation is waiting for your answer.');
      expect(mail.html).toContain('See your invitations');
      const line = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n\s+/g, ' ') ?? '';
      expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const link = /<https?:\/\/[^/]+(\/api\/v1\/unsubscribe\?[^>]+)>/.exec(line('list-unsubscribe'))?.[1];
      expect(link).toMatch(/kind=digest$/);
      expect(mail.text).toContain(`/unsubscribe?${link!.split('?')[1]}`);

      // In the member's language.
      const eva = people['Eva Lontana']!;
      const italian = await smtp.waitFor(eva.email, /La tua settimana su Rapport/);
      expect(italian.text).toContain('Ciao Eva Lontana,');
      expect(italian.text).toContain('1 reazione · 1 commento');

      // The mail client's one-click POST turns the digest off, without signing in.
      const click = await app.inject({ method: 'POST', url: link!, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
      expect(click.json()).toEqual({ kind: 'digest', subscribed: false });
      expect((await ana.call('GET', '/api/v1/me/notification-settings')).json().email).toMatchObject({ digest: false, invitation_received: true });
    });

    it('sends nothing to an active member, an unsubscribed one, or one with nothing to say', async () => {
      for (const name of ['Cy Active', 'Di Unsubscribed', 'Gus Quiet', 'Bo Author']) expect(digestsTo(people[name]!), name).toHaveLength(0);
      // Cy was seen two days ago: not even a digest job.
      const due = await get().database.db.execute(sql`SELECT 1 FROM jobs WHERE kind = 'digest.send' AND payload ->> 'memberId' = ${String(people['Cy Active']!.id)}`);
      expect((due as unknown as { rows: unknown[] }).rows).toHaveLength(0);
    });

    it('sends once per week however often the schedule runs', async () => {
      const eva = people['Eva Lontana']!;
      await runDigest();
      const scheduler = () => new Scheduler(get().database.db, [DIGEST_SCHEDULE]);
      await scheduler().tick();
      await scheduler().tick();
      await get().app.ctx.jobs.kick();
      await get().app.ctx.email.kick();
      expect(digestsTo(eva)).toHaveLength(1);
      // Ana unsubscribed by then; she had her one.
      expect(digestsTo(people['Ana Away']!)).toHaveLength(1);
      const sends = await get().database.db.execute(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'digest.send' AND payload ->> 'memberId' = ${String(eva.id)}`);
      expect((sends as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    });
  },
  () => ({ smtpUrl }),
);
