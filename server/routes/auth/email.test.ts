import { afterAll, beforeAll, expect, it } from 'vitest';
import { STRONG_PASSWORD, sessionCookie, signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';
import { TestSmtpServer } from '../../test/smtp.ts';

const smtp = new TestSmtpServer();
let smtpUrl = '';
beforeAll(async () => {
  smtpUrl = await smtp.start();
});
afterAll(() => smtp.stop());

const tokenFrom = (text: string | undefined, path: string) => {
  const match = new RegExp(`${path}\\?token=([\\w-]+)`).exec(text ?? '');
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
};

describeEachEngine(
  'email over SMTP',
  (get) => {
    it('sends a verification link on sign-up that confirms the address once', async () => {
      const { app } = get();
      const m = await signUp(app, 'Mail Tester', `mail-tester-${get().engine}@example.com`);
      await app.ctx.email.kick();
      const mail = await smtp.waitFor(m.email, /Confirm your email/);
      expect(mail.from?.text).toContain('no-reply@rapport.local');
      expect(mail.html).toContain('Confirm my email address');
      const token = tokenFrom(mail.text, '/verify-email');
      expect((await m.call('GET', '/api/v1/me')).json().emailVerified).toBe(false);
      const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
      expect(ok.statusCode).toBe(200);
      expect((await m.call('GET', '/api/v1/me')).json().emailVerified).toBe(true);
      const again = await app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
      expect(again.statusCode).toBe(400);
      expect(again.json().code).toBe('invalid_link');
    });

    it('sends the confirmation again on request, and the new link works', async () => {
      const { app } = get();
      const m = await signUp(app, 'Resender', `resender-${get().engine}@example.com`);
      await app.ctx.email.kick();
      await smtp.waitFor(m.email, /Confirm your email/);
      const res = await m.call('POST', '/api/v1/auth/verify-email/resend');
      expect(res.statusCode).toBe(200);
      await app.ctx.email.kick();
      const mails = smtp.messages.filter((x) => JSON.stringify(x.to).includes(m.email));
      expect(mails).toHaveLength(2);
      const token = tokenFrom(mails[1]!.text, '/verify-email');
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } })).statusCode).toBe(200);
      expect((await m.call('GET', '/api/v1/me')).json().emailVerified).toBe(true);
    });

    it('resets a password by emailed link, ending existing sessions', async () => {
      const { app } = get();
      const m = await signUp(app, 'Forgetful', `forgetful-${get().engine}@example.com`);
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: m.email } });
      expect(res.statusCode).toBe(202);
      await app.ctx.email.kick();
      const mail = await smtp.waitFor(m.email, /Reset your Rapport password/);
      const token = tokenFrom(mail.text, '/reset-password');
      const confirm = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token, password: 'a brand new passphrase' },
      });
      expect(confirm.statusCode).toBe(200);
      expect((await m.call('GET', '/api/v1/me')).statusCode).toBe(401);
      const oldLogin = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: m.email, password: STRONG_PASSWORD } });
      expect(oldLogin.statusCode).toBe(401);
      const newLogin = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: m.email, password: 'a brand new passphrase' } });
      expect(newLogin.statusCode).toBe(200);
    });

    it("writes the verification email in the browser's language at sign-up", async () => {
      const { app } = get();
      const email = `italiana-${get().engine}@example.com`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        headers: { 'accept-language': 'it-IT,it;q=0.9,en;q=0.8' },
        payload: { email, password: STRONG_PASSWORD, name: 'Giulia Bianchi' },
      });
      expect(res.statusCode).toBe(201);
      await app.ctx.email.kick();
      const mail = await smtp.waitFor(email, /Conferma il tuo indirizzo email per Rapport/);
      expect(mail.text).toMatch(/^Ciao Giulia Bianchi,\n/);
      expect(mail.text).toContain('è valido per 48 ore');
      expect(mail.html).toContain('Conferma il mio indirizzo email');
      tokenFrom(mail.text, '/verify-email');
    });

    it('keeps the language the page was shown in at sign-up as the setting, and refuses one Rapport does not ship', async () => {
      const { app } = get();
      const email = `scelta-${get().engine}@example.com`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        headers: { 'accept-language': 'en-US' },
        payload: { email, password: STRONG_PASSWORD, name: 'Luca Ferri', locale: 'it' },
      });
      expect(res.statusCode).toBe(201);
      await app.ctx.email.kick();
      await smtp.waitFor(email, /Conferma il tuo indirizzo email per Rapport/);
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: sessionCookie(res) } });
      expect(me.json().locale).toBe('it');

      const refused = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: { email: `klingon-${get().engine}@example.com`, password: STRONG_PASSWORD, name: 'Worf', locale: 'tlh' },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe('validation_failed');
    });

    it("writes to a member who chose Italian in Italian, whatever the asking browser's language, and in English once they switch back", async () => {
      const { app } = get();
      const m = await signUp(app, 'Marco Rossi', `marco-${get().engine}@example.com`);
      const chosen = await m.call('PATCH', '/api/v1/me/profile', { locale: 'it' });
      expect(chosen.statusCode).toBe(200);
      expect(chosen.json().locale).toBe('it');
      const reset = (acceptLanguage: string) =>
        app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', headers: { 'accept-language': acceptLanguage }, payload: { email: m.email } });
      expect((await reset('en-US,en;q=0.9')).statusCode).toBe(202);
      await app.ctx.email.kick();
      const italian = await smtp.waitFor(m.email, /Reimposta la tua password di Rapport/);
      expect(italian.text).toMatch(/^Ciao Marco Rossi,\n/);
      expect(italian.html).toContain('Scegli una nuova password');
      tokenFrom(italian.text, '/reset-password');

      expect((await m.call('PATCH', '/api/v1/me/profile', { locale: 'en' })).json().locale).toBe('en');
      expect((await reset('it-IT')).statusCode).toBe(202);
      await app.ctx.email.kick();
      const english = await smtp.waitFor(m.email, /Reset your Rapport password/);
      expect(english.html).toContain('Choose a new password');
    });

    it("tells the owner of a taken address in the owner's language, not in the language of whoever tried it", async () => {
      const { app } = get();
      const owner = await signUp(app, 'Sara Conti', `sara-${get().engine}@example.com`);
      await owner.call('PATCH', '/api/v1/me/profile', { locale: 'it' });
      const attempt = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        headers: { 'accept-language': 'en-US' },
        payload: { email: owner.email, password: STRONG_PASSWORD, name: 'Someone Else' },
      });
      expect(attempt.statusCode).toBe(409);
      await app.ctx.email.kick();
      const notice = await smtp.waitFor(owner.email, /Qualcuno ha provato a creare un account Rapport/);
      expect(notice.text).toMatch(/^Ciao Sara Conti,\n/);
      expect(notice.html).toContain('Accedi a Rapport');
    });

    it('answers a reset for an unknown address exactly like a known one, and sends nothing', async () => {
      const { app } = get();
      const before = smtp.messages.length;
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'nobody@example.com' } });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ ok: true });
      await app.ctx.email.kick();
      expect(smtp.messages.length).toBe(before);
    });
  },
  () => ({ smtpUrl }),
);
