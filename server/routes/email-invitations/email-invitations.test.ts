import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { TestSmtpServer } from '../../test/smtp.ts';

const smtp = new TestSmtpServer();
let smtpUrl = '';
beforeAll(async () => {
  smtpUrl = await smtp.start();
});
afterAll(() => smtp.stop());

const tokenIn = (text: string) => /[?&]token=(ei_[\w-]{32})/.exec(text)?.[1] ?? '';

describeEachEngine(
  'invitations to join by email',
  (get) => {
    it('emails the note in the sender’s language, with a join link and a one-click "no more invitations" that holds for everyone', async () => {
      const { app, engine } = get();
      const ana = await signUp(app, 'Ana Inviter', `ana-inviter-${engine}@example.com`);
      await ana.call('PATCH', '/api/v1/me/profile', { locale: 'it' });
      const to = `friend-${engine}@example.net`;
      const sent = await ana.call('POST', '/api/v1/email-invitations', { email: `  ${to.toUpperCase()} `, note: 'Ci vediamo al meetup di Torino', name: 'Gio' });
      expect(sent.statusCode, sent.body).toBe(201);
      expect(sent.json()).toMatchObject({ email: to, status: 'sent', note: 'Ci vediamo al meetup di Torino' });

      const mail = await smtp.waitFor(to, /Ana Inviter ti invita a unirti a Rapport/);
      expect(mail.text).toContain('Ciao Gio,');
      expect(mail.text).toContain('Ci vediamo al meetup di Torino');
      expect(mail.text).toMatch(/\/join\?token=ei_/);
      const line = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n\s+/g, ' ') ?? '';
      expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const link = /<https?:\/\/[^/]+(\/api\/v1\/email-invitations\/no-more\?[^>]+)>/.exec(line('list-unsubscribe'))?.[1];
      expect(link).toBeDefined();
      expect(tokenIn(link!)).toBe(tokenIn(mail.text!));

      // Looking changes nothing; the one-click POST (a form, no cookie) stops every invitation to the address.
      expect((await app.inject({ method: 'GET', url: link! })).json()).toEqual({ inviter: 'Ana Inviter', optedOut: false });
      const click = await app.inject({ method: 'POST', url: link!, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
      expect(click.statusCode, click.body).toBe(200);
      expect(click.json()).toEqual({ inviter: 'Ana Inviter', optedOut: true });
      expect((await ana.call('GET', '/api/v1/email-invitations')).json().items).toMatchObject([{ email: to, status: 'opted_out' }]);

      const bo = await signUp(app, 'Bo Inviter', `bo-inviter-${engine}@example.com`);
      const again = await bo.call('POST', '/api/v1/email-invitations', { email: to, note: 'Join us' });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('email_opted_out');
      // Only the hash of an address that said no is kept.
      const kept = await app.ctx.db.execute(sql`SELECT t::text AS row FROM email_opt_outs t`);
      expect(JSON.stringify(kept)).not.toContain(to);
    });

    it('refuses a member’s address, an address invited this week by anyone, and a flood past the weekly allowance', async () => {
      const { app, engine } = get();
      const cy = await signUp(app, 'Cy Inviter', `cy-inviter-${engine}@example.com`);
      const dee = await signUp(app, 'Dee Member', `dee-member-${engine}@example.com`);
      const member = await cy.call('POST', '/api/v1/email-invitations', { email: dee.email.toUpperCase(), note: 'Join us' });
      expect(member.statusCode).toBe(409);
      expect(member.json().code).toBe('email_is_member');

      const first = await cy.call('POST', '/api/v1/email-invitations', { email: `rested-${engine}@example.net`, note: 'Join us' });
      expect(first.statusCode).toBe(201);
      const soon = await dee.call('POST', '/api/v1/email-invitations', { email: `rested-${engine}@example.net`, note: 'Me too' });
      expect(soon.json().code).toBe('email_recently_invited');

      // The same weekly allowance as invitations to members.
      const before = (await cy.call('GET', '/api/v1/me/allowance')).json<{ remaining: number; usedThisWeek: number }>();
      expect(before.usedThisWeek).toBe(1);
      let last = 0;
      for (let n = 0; n < before.remaining + 1; n++) last = (await cy.call('POST', '/api/v1/email-invitations', { email: `many-${n}-${engine}@example.net`, note: 'Join us' })).statusCode;
      expect(last).toBe(429);
      const refused = await cy.call('POST', '/api/v1/email-invitations', { email: `more-${engine}@example.net`, note: 'Join us' });
      expect(refused.json().code).toBe('invitation_allowance');
      expect(refused.headers['retry-after']).toBeDefined();
    });

    it('points a newcomer who joined from the link back to whoever invited them, once', async () => {
      const { app, engine } = get();
      const eve = await signUp(app, 'Eve Inviter', `eve-inviter-${engine}@example.com`);
      const to = `newcomer-${engine}@example.net`;
      expect((await eve.call('POST', '/api/v1/email-invitations', { email: to, note: 'You will like it here' })).statusCode).toBe(201);
      const token = tokenIn((await smtp.waitFor(to, /Eve Inviter/)).text!);

      expect((await eve.call('POST', '/api/v1/email-invitations/join', { token })).json().code).toBe('invalid_link');
      const newcomer = await signUp(app, 'Fin Newcomer', to);
      const joined = await newcomer.call('POST', '/api/v1/email-invitations/join', { token });
      expect(joined.statusCode, joined.body).toBe(200);
      expect(joined.json()).toEqual({ inviter: eve.handle });
      expect((await eve.call('GET', '/api/v1/email-invitations')).json().items).toMatchObject([{ status: 'joined' }]);
      const events = await app.ctx.db.execute(sql`SELECT count(*)::int AS n FROM events WHERE kind = 'email_invitation.joined' AND actor_id = ${newcomer.id}`);
      expect(JSON.stringify(events)).toContain('"n":1');
      expect((await newcomer.call('POST', '/api/v1/email-invitations/join', { token })).statusCode).toBe(200);
    });

    it('answers a made-up or malformed link with a clear 400', async () => {
      const { app } = get();
      const made = await app.inject({ method: 'GET', url: `/api/v1/email-invitations/no-more?token=ei_${'a'.repeat(32)}` });
      expect(made.statusCode).toBe(400);
      expect(made.json().code).toBe('invalid_link');
      for (const token of ['', 'un_abc', `ei_${'a'.repeat(31)}`, `ei_${'a'.repeat(31)}!`]) {
        const res = await app.inject({ method: 'POST', url: `/api/v1/email-invitations/no-more?token=${encodeURIComponent(token)}`, payload: {} });
        expect(res.statusCode, token).toBe(400);
      }
    });
  },
  () => ({ smtpUrl }),
);
