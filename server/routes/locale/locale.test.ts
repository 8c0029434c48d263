import { expect, it } from 'vitest';
import { signUp } from '../../test/client.ts';
import { describeEachEngine } from '../../test/engines.ts';

describeEachEngine(
  'locale',
  (get) => {
    const ask = (acceptLanguage?: string) =>
      get().app.inject({ method: 'GET', url: '/api/v1/locale', headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });

    it("answers a signed-out visitor with their browser's language, else the community's", async () => {
      expect((await ask()).json()).toEqual({ locale: 'it', defaultLocale: 'it', memberLocale: null, supported: ['en', 'it'] });
      expect((await ask('en-GB,en;q=0.9')).json().locale).toBe('en');
      expect((await ask('de-DE, fr;q=0.5')).json().locale).toBe('it');
      const hostile = await ask(`${'x;q=,'.repeat(5_000)}en`);
      expect(hostile.statusCode).toBe(200);
      expect(hostile.json().locale).toBe('it');
    });

    it("puts a signed-in member's own setting before their browser's", async () => {
      const { app } = get();
      const m = await signUp(app, 'Locale Chooser');
      const mine = () =>
        app.inject({ method: 'GET', url: '/api/v1/locale', headers: { cookie: m.cookie, 'accept-language': 'it-IT' } });
      expect((await mine()).json()).toMatchObject({ locale: 'it', memberLocale: null });
      await m.call('PATCH', '/api/v1/me/profile', { locale: 'en' });
      expect((await mine()).json()).toMatchObject({ locale: 'en', memberLocale: 'en' });
    });
  },
  () => ({ defaultLocale: 'it' }),
);
