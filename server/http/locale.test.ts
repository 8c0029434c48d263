import { describe, expect, it } from 'vitest';
import { localesFromAcceptLanguage, resolveLocale } from './locale.ts';

describe('Accept-Language', () => {
  it('maps regional tags to the languages Rapport ships, most wanted first', () => {
    expect(localesFromAcceptLanguage('it-IT,it;q=0.9,en-US;q=0.8,en;q=0.7')).toEqual(['it', 'en']);
    expect(localesFromAcceptLanguage('en-GB;q=0.5, IT-ch;q=0.8')).toEqual(['it', 'en']);
    expect(localesFromAcceptLanguage('fr-FR,fr;q=0.9,it;q=0.3')).toEqual(['it']);
  });

  it('keeps the header order for equal weights, and skips unsupported ranges and the wildcard', () => {
    expect(localesFromAcceptLanguage('en, it')).toEqual(['en', 'it']);
    expect(localesFromAcceptLanguage('de, *;q=0.5')).toEqual([]);
  });

  it('treats q=0 as a refusal, even when the same language is also asked for', () => {
    expect(localesFromAcceptLanguage('it;q=0, it-IT, en;q=0.1')).toEqual(['en']);
  });

  it('ignores hostile and malformed headers instead of failing', () => {
    expect(localesFromAcceptLanguage(undefined)).toEqual([]);
    expect(localesFromAcceptLanguage('')).toEqual([]);
    expect(localesFromAcceptLanguage(';;;,,,=q')).toEqual([]);
    expect(localesFromAcceptLanguage('it;q=2, en;q=-1, it;q=abc, en;q=0.5000')).toEqual([]);
    expect(localesFromAcceptLanguage('it;q=1e3')).toEqual([]);
    expect(localesFromAcceptLanguage('__proto__, constructor, toString')).toEqual([]);
    expect(localesFromAcceptLanguage('x'.repeat(1_000_000) + ',it')).toEqual([]);
    expect(localesFromAcceptLanguage(`${'de,'.repeat(10_000)}it`)).toEqual([]);
    expect(localesFromAcceptLanguage(['fr', 'it;q=0.4'])).toEqual(['it']);
    expect(localesFromAcceptLanguage('it\u0000,en')).toEqual(['en']);
  });
});

describe('resolveLocale', () => {
  it("prefers the member's setting, then the browser, then the community's default", () => {
    expect(resolveLocale({ memberLocale: 'it', acceptLanguage: 'en', defaultLocale: 'en' })).toBe('it');
    expect(resolveLocale({ memberLocale: null, acceptLanguage: 'it-IT', defaultLocale: 'en' })).toBe('it');
    expect(resolveLocale({ memberLocale: null, acceptLanguage: 'de-DE', defaultLocale: 'it' })).toBe('it');
    expect(resolveLocale({ defaultLocale: 'en' })).toBe('en');
  });

  it('ignores a stored value that is not a shipped language', () => {
    expect(resolveLocale({ memberLocale: 'fr' as never, acceptLanguage: undefined, defaultLocale: 'it' })).toBe('it');
  });
});
