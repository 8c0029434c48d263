import { describe, expect, it } from 'vitest';
import { asInstant, parseBirthday, parseDate } from './dates.ts';

describe('dates, every era', () => {
  it.each([
    ['08 Feb 2026', '2026-02-08'],
    ['8 February 2026', '2026-02-08'],
    ['Feb 8, 2026', '2026-02-08'],
    ['2/8/19', '2019-02-08'],
    ['2/8/2019', '2019-02-08'],
    ['1/29/26, 2:37 PM', '2026-01-29T14:37:00.000Z'],
    ['12/30/20, 12:05 AM', '2020-12-30T00:05:00.000Z'],
    ['05/12/20, 10:11 AM', '2020-05-12T10:11:00.000Z'],
    ['2026-01-29 14:37:00 UTC', '2026-01-29T14:37:00.000Z'],
    ['2020/05/12 10:11:12 UTC', '2020-05-12T10:11:12.000Z'],
    ['2026-01-29', '2026-01-29'],
    ['Feb 2019', '2019-02'],
    ['2019', '2019'],
    ['2019-02', '2019-02'],
    ['  2024-02-29  ', '2024-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ iso });
  });

  it.each(['31 Feb 2024', '2/30/19', '13/01/26, 9:00 AM', '2023-02-29', '2026-13-01', '1/1/26, 25:00', '1/1/26, 13:00 PM', 'Smarch 2020', 'yesterday', '0000', '13/2015'])('%s is bad', (text) => {
    expect(parseDate(text)).toBe('bad');
  });

  it('an empty cell is no date', () => {
    expect(parseDate('  ')).toBeNull();
    expect(parseBirthday('0/0/00')).toBeNull();
  });

  it('birthdays: year-less, compact, US, and dates with times reduced to the day', () => {
    expect(parseBirthday('--0412')).toEqual({ iso: '--04-12' });
    expect(parseBirthday('--02-29')).toEqual({ iso: '--02-29' });
    expect(parseBirthday('--02-30')).toBe('bad');
    expect(parseBirthday('19850412')).toEqual({ iso: '1985-04-12' });
    expect(parseBirthday('4/12/1985')).toEqual({ iso: '1985-04-12' });
    expect(parseBirthday('1985-04-12T00:00:00Z')).toEqual({ iso: '1985-04-12' });
  });

  it('instants compare as strings whatever the precision', () => {
    expect(asInstant('2026-01-29')).toBe('2026-01-29T00:00:00.000Z');
    expect(asInstant('2026-01')).toBe('2026-01-01T00:00:00.000Z');
    expect(asInstant('2026')).toBe('2026-01-01T00:00:00.000Z');
    expect(asInstant('2026-01-29T14:37:00.000Z')).toBe('2026-01-29T14:37:00.000Z');
  });
});
