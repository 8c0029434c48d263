import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatDate, formatList, formatNumber, formatTimeAgo } from './format.ts';
import { i18n } from './i18n.ts';
import { icuFormat } from './icu-format.ts';
import enCommon from './resources/en/common.ts';
import itCommon from './resources/it/common.ts';

// The app's instance holding the common namespace, as the shell starts it: "just now" comes from there.
// Test files share modules, so another file may have started it already; it then only gains the messages.
beforeAll(async () => {
  vi.stubGlobal('document', { documentElement: { lang: '' } });
  if (!i18n.isInitialized) {
    await i18n.use(icuFormat).init({ lng: 'en', resources: {}, ns: ['common'], defaultNS: 'common', interpolation: { escapeValue: false } });
  }
  i18n.addResourceBundle('en', 'common', enCommon, true, true);
  i18n.addResourceBundle('it', 'common', itCommon, true, true);
});
afterAll(() => {
  vi.unstubAllGlobals();
});

const now = Date.parse('2027-01-10T12:00:00Z');

describe('formats through Intl', () => {
  it('relative times in both languages, "just now" under a minute, and Intl\'s own word without messages', () => {
    expect(formatTimeAgo('2027-01-07T12:00:00Z', now, 'it')).toBe('3 giorni fa');
    expect(formatTimeAgo('2027-01-07T12:00:00Z', now, 'en')).toBe('3 days ago');
    expect(formatTimeAgo('2027-01-09T12:00:00Z', now, 'it')).toBe('ieri');
    expect(formatTimeAgo('2027-01-10T11:59:30Z', now, 'en')).toBe('just now');
    expect(formatTimeAgo('2027-01-10T11:59:30Z', now, 'it')).toBe('adesso');
    // A language Rapport ships no messages for.
    expect(formatTimeAgo('2027-01-10T11:59:30Z', now, 'fr')).toBe('maintenant');
  });

  it('numbers, lists and dates follow the language', () => {
    expect(formatNumber(12345, 'it')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatList(['Ana', 'Li', 'Bo'], 'conjunction', 'it')).toBe('Ana, Li e Bo');
    expect(formatList(['Ana', 'Li', 'Bo'], 'conjunction', 'en')).toBe('Ana, Li, and Bo');
    expect(formatDate('2027-01-04T12:00:00Z', 'long', 'it')).toBe('4 gennaio 2027');
  });
});
