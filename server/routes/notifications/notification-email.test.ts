import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EMAIL_BY_DEFAULT } from '../../../common/notifications.ts';
import { type Member, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { TestSmtpServer } from '../../test/smtp.ts';

const smtp = new TestSmtpServer();
let smtpUrl = '';
beforeAll(async () => {
  smtpUrl = await smtp.start();
});
afterAll(() => smtp.stop());

const MANUAL = { mode: 'manual', whoCanInvite: 'everyone', rules: [], otherwise: 'inbox' };

describeEachEngine(
  'notification emails over SMTP',
  (get) => {
    /** A member whose address is confirmed (notification emails go only to confirmed addresses). */
    const confirmed = async (name: string, email: string): Promise<Member> => {
      const m = await signUp(get().app, name, email);
      await get().database.db.execute(sql`UPDATE members SET email_verified_at = now() WHERE id = ${m.id}`);
      return m;
    };

    it('emails an invitation in the recipient’s language with a one-click unsubscribe that works without signing in', async () => {
      const { app, engine } = get();
      const ana = await confirmed('Ana Mailer', `ana-mailer-${engine}@example.com`);
      const bo = await confirmed('Bo Mailer', `bo-mailer-${engine}@example.com`);
      await bo.call('PATCH', '/api/v1/me/profile', { locale: 'it' });
      await bo.call('PUT', '/api/v1/me/screening', MANUAL);
      expect((await ana.call('POST', '/api/v1/invitations', { to: bo.handle, note: 'We met in Turin' })).statusCode).toBe(201);

      const mail = await smtp.waitFor(bo.email, /Ana Mailer ti ha invitato a collegarti/);
      expect(mail.text).toContain('http://localhost:3000/network');
      // The raw header lines (mailparser folds List-* headers into its own structure).
      const line = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n\s+/g, ' ') ?? '';
      const header = line('list-unsubscribe');
      expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const link = /<https?:\/\/[^/]+(\/api\/v1\/unsubscribe\?[^>]+)>/.exec(header)?.[1];
      expect(link).toMatch(/kind=invitation_received/);
      expect(mail.text).toContain(`/unsubscribe?${link!.split('?')[1]}`);

      // Looking at the link changes nothing; the mail client's one-click POST (a form body, no cookie) does.
      expect((await app.inject({ method: 'GET', url: link! })).json()).toEqual({ kind: 'invitation_received', subscribed: true });
      const click = await app.inject({
        method: 'POST',
        url: link!,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(click.statusCode).toBe(200);
      expect(click.json()).toEqual({ kind: 'invitation_received', subscribed: false });
      expect((await bo.call('GET', '/api/v1/me/notification-settings')).json().email).toMatchObject({ invitation_received: false, invitation_accepted: true });

      // No more invitation emails for Bo; the in-app notification still arrives.
      const cy = await confirmed('Cy Mailer', `cy-mailer-${engine}@example.com`);
      expect((await cy.call('POST', '/api/v1/invitations', { to: bo.handle, note: 'Hello again' })).statusCode).toBe(201);
      await app.ctx.email.kick();
      expect(smtp.messages.filter((m) => JSON.stringify(m.to).includes(bo.email) && /ti ha invitato/.test(m.subject ?? ''))).toHaveLength(1);
      expect((await bo.call('GET', '/api/v1/notifications')).json().items).toHaveLength(2);
    });

    it('refuses a made-up unsubscribe token, and sends nothing to an unconfirmed address', async () => {
      const { app, engine } = get();
      const bad = await app.inject({ method: 'POST', url: '/api/v1/unsubscribe?token=un_made-up-token-0000&kind=invitation_received', payload: {} });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('invalid_link');
      const unknownKind = await app.inject({ method: 'GET', url: '/api/v1/unsubscribe?token=un_made-up-token-0000&kind=everything' });
      expect(unknownKind.statusCode).toBe(400);

      const di = await confirmed('Di Sender', `di-sender-${engine}@example.com`);
      const ed = await signUp(app, 'Ed Unconfirmed', `ed-unconfirmed-${engine}@example.com`);
      await ed.call('PUT', '/api/v1/me/screening', MANUAL);
      expect((await di.call('POST', '/api/v1/invitations', { to: ed.handle, note: 'Hi Ed' })).statusCode).toBe(201);
      await app.ctx.email.kick();
      expect(smtp.messages.filter((m) => JSON.stringify(m.to).includes(ed.email) && /invit/.test(m.subject ?? ''))).toHaveLength(0);
    });

    it('lets a member choose which kinds come by email', async () => {
      const fay = await signUp(get().app, 'Fay Chooser');
      const defaults = { ...EMAIL_BY_DEFAULT };
      expect((await fay.call('GET', '/api/v1/me/notification-settings')).json()).toEqual({ email: defaults });
      expect(defaults).toMatchObject({ invitation_received: true, reply: true, mention: true, reaction: false });
      const saved = await fay.call('PUT', '/api/v1/me/notification-settings', { email: { connected_automatically: true, invitation_accepted: false } });
      expect(saved.json().email).toEqual({ ...defaults, invitation_accepted: false, connected_automatically: true });
      expect((await fay.call('PUT', '/api/v1/me/notification-settings', { email: { reactions: true } })).statusCode).toBe(400);
    });
  },
  () => ({ smtpUrl }),
);
