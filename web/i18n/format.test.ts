import { describe, expect, it } from 'vitest';
import { formatDate, formatList, formatNumber, formatTimeAgo } from './format.ts';

const now = Date.parse('2027-01-10T12:00:00Z');

describe('formats through Intl', () => {
  it('relative times in both languages, "now" under a minute', () => {
    expect(formatTimeAgo('2027-01-07T12:00:00Z', now, 'it')).toBe('3 giorni fa');
    expect(formatTimeAgo('2027-01-07T12:00:00Z', now, 'en')).toBe('3 days ago');
    expect(formatTimeAgo('2027-01-09T12:00:00Z', now, 'it')).toBe('ieri');
    expect(formatTimeAgo('2027-01-10T11:59:30Z', now, 'en')).toBe('now');
  });

  it('numbers, lists and dates follow the language', () => {
    expect(formatNumber(12345, 'it')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatList(['Ana', 'Li', 'Bo'], 'conjunction', 'it')).toBe('Ana, Li e Bo');
    expect(formatList(['Ana', 'Li', 'Bo'], 'conjunction', 'en')).toBe('Ana, Li, and Bo');
    expect(formatDate('2027-01-04T12:00:00Z', 'long', 'it')).toBe('4 gennaio 2027');
  });
});
