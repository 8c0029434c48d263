import { describe, expect, it } from 'vitest';
import { LOCALES, matchLocale, PSEUDO_LOCALE, pickLocale, serverLocaleHints } from './locale.ts';

describe('the client locale decision', () => {
  it('prefers the member setting, then the stored choice, then the browser, then English', () => {
    expect(pickLocale({ member: 'it', stored: 'en', browser: ['en-GB'] })).toBe('it');
    expect(pickLocale({ member: null, stored: 'it', browser: ['en-GB'] })).toBe('it');
    expect(pickLocale({ member: null, stored: null, browser: ['fr-FR', 'it-IT', 'en'] })).toBe('it');
    expect(pickLocale({ browser: ['fr', 'de'] })).toBe('en');
    expect(pickLocale({})).toBe('en');
  });

  it('falls through unknown or malformed values', () => {
    expect(pickLocale({ member: 'fr', stored: '<it>', browser: ['', 'IT'] })).toBe('it');
    expect(pickLocale({ member: 42, stored: {}, browser: ['x-klingon'] })).toBe('en');
    expect(matchLocale('it_CH')).toBe('it');
    expect(matchLocale(undefined)).toBeNull();
  });

  it('takes the pseudo-locale from storage only, never from the member setting or the browser', () => {
    expect(pickLocale({ stored: PSEUDO_LOCALE, browser: ['it'] })).toBe(PSEUDO_LOCALE);
    expect(pickLocale({ member: 'it', stored: PSEUDO_LOCALE })).toBe('it');
    expect(pickLocale({ member: PSEUDO_LOCALE, browser: [PSEUDO_LOCALE, 'en-XA'] })).toBe('en');
    expect(matchLocale(PSEUDO_LOCALE)).toBe('en');
    expect(LOCALES).not.toContain(PSEUDO_LOCALE);
  });

  it("falls back on the community's default, after the browser, and reads the server's hints from <html>", () => {
    expect(pickLocale({ browser: ['fr', 'de'], community: 'it' })).toBe('it');
    expect(pickLocale({ browser: ['en-GB'], community: 'it' })).toBe('en');
    expect(pickLocale({ browser: [], community: 'tlh' })).toBe('en');
    const root = { dataset: { memberLocale: 'it', defaultLocale: 'en' } as DOMStringMap };
    expect(serverLocaleHints(root)).toEqual({ member: 'it', community: 'en' });
    expect(pickLocale({ ...serverLocaleHints(root), stored: 'en', browser: ['en'] })).toBe('it');
    expect(serverLocaleHints({ dataset: { memberLocale: '' } as DOMStringMap })).toEqual({ member: undefined, community: undefined });
  });
});
