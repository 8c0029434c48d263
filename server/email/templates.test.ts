import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../common/locales.ts';
import { resetPasswordMessage, signupAttemptMessage, verifyEmailMessage } from './templates.ts';

const all = (locale: (typeof LOCALES)[number]) => [
  verifyEmailMessage(locale, 'Ana', 'https://rapport.example/verify-email?token=t'),
  resetPasswordMessage(locale, 'Ana', 'https://rapport.example/reset-password?token=t'),
  signupAttemptMessage(locale, 'Ana', 'https://rapport.example/signin'),
];

describe('email templates', () => {
  it('renders every email in English', () => {
    const [verify, reset, attempt] = all('en');
    expect(verify?.subject).toBe('Confirm your email address for Rapport');
    expect(verify?.text).toContain('valid for 48 hours');
    expect(reset?.text).toContain('valid for 1 hour)');
    expect(attempt?.html).toContain('Sign in to Rapport');
  });

  it('renders every email in Italian, with ICU plurals', () => {
    const [verify, reset, attempt] = all('it');
    expect(verify?.subject).toBe('Conferma il tuo indirizzo email per Rapport');
    expect(verify?.text).toMatch(/^Ciao Ana,\n/);
    expect(verify?.text).toContain('è valido per 48 ore');
    expect(reset?.text).toContain('è valido per 1 ora)');
    expect(attempt?.subject).toBe('Qualcuno ha provato a creare un account Rapport con il tuo indirizzo');
  });

  it('leaves no key unrendered and no English sentence in the Italian emails', () => {
    const english = all('en');
    all('it').forEach((message, i) => {
      for (const part of ['subject', 'text', 'html'] as const) {
        expect(message[part]).not.toMatch(/\b(email|resetPassword|signupAttempt)\.\w+/);
        expect(message[part]).not.toBe(english[i]?.[part]);
      }
    });
  });

  it('never reads a value as markup or as ICU syntax', () => {
    const m = verifyEmailMessage('it', 'Ana <b>{hours}</b> & Co', 'https://x.example/?a=1&b="2"');
    expect(m.text).toContain('Ciao Ana <b>{hours}</b> & Co,');
    expect(m.html).toContain('Ciao Ana &lt;b&gt;{hours}&lt;/b&gt; &amp; Co,');
    expect(m.html).toContain('href="https://x.example/?a=1&amp;b=&quot;2&quot;"');
    // i18next's own {{…}} interpolation and nesting $t(…) must not run on a value either.
    const nested = resetPasswordMessage('en', 'Eve {{hours}} $t(email.verify.subject)', 'https://x.example/');
    expect(nested.text).toContain('Hi Eve {{hours}} $t(email.verify.subject),');
  });
});
